import { posix } from 'node:path';

/**
 * Which requests need an API key and count against the rate limits: the one place that decides.
 *
 * It decides on the path as a router could come to read it: percent-decoded (repeatedly, so
 * "%2576" is "v" too), backslashes as slashes, runs of slashes as one, dot segments resolved,
 * and lower case. Routing itself is case-sensitive (createApp), so "/V1/analyses" reaches no
 * handler; it is still refused here first, and counted, like every other spelling of /v1.
 */
export function normalisedPath(rawPath: string): string {
  let path = rawPath;
  for (let round = 0; round < 4; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      break; // a malformed escape: classified as written (routing refuses it too)
    }
    if (decoded === path) break;
    path = decoded;
  }
  path = posix.normalize(`/${path.replace(/\\/g, '/')}`).replace(/\/{2,}/g, '/');
  return path.toLowerCase();
}

export interface RoutePolicy {
  /** The request needs `Authorization: Bearer <key>` when API keys are configured. */
  needsKey: boolean;
  /** The request counts against the per-address and per-key limits. */
  rateLimited: boolean;
}

/**
 * Every spelling of /v1 (and anything under it) is keyed and limited, except the webhooks, which
 * their senders sign, store durably and retry. /metrics is keyed but not limited (a scraper polls
 * it). Everything else (health, the page, the OpenAPI document) is open.
 */
export function routePolicy(rawPath: string): RoutePolicy {
  const path = normalisedPath(rawPath);
  const api = path === '/v1' || path.startsWith('/v1/');
  const webhook = path.startsWith('/v1/webhooks/');
  const metrics = path === '/metrics' || path.startsWith('/metrics/');
  return { needsKey: (api && !webhook) || metrics, rateLimited: api && !webhook };
}
