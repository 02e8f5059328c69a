import type { Request, RequestHandler } from 'express';
import type { RateCounter } from '../app/ports';
import { SkillmatchError } from '../core/0-base/errors';
import { bearerKey, hashApiKey } from './api-keys';
import { sendProblem } from './problem';
import { routePolicy } from './route-policy';

/** Buckets kept at most; beyond this, full (idle) buckets are dropped first, then the oldest. */
const MAX_BUCKETS = 100_000;

interface Bucket {
  tokens: number;
  updated: number;
}

/**
 * A token bucket per client: `perMinute` requests a minute, and a burst of as many. In memory,
 * per process. Answers 429 `rate-limited` with Retry-After (seconds until the next request fits)
 * and RateLimit-Limit / RateLimit-Remaining headers; 0 turns the limit off.
 */
export function rateLimiter(perMinute: number, clientOf: (req: Request) => string | undefined, now: () => number = Date.now, onLimited?: () => void): RequestHandler {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  const prune = (at: number): void => {
    for (const [client, b] of buckets) {
      if (b.tokens + (at - b.updated) * perMs >= perMinute) buckets.delete(client);
    }
    // Still too many: the least recently used go (a Map iterates in insertion order).
    for (const client of buckets.keys()) {
      if (buckets.size < MAX_BUCKETS) break;
      buckets.delete(client);
    }
  };
  return (req, res, next) => {
    const client = perMinute > 0 ? clientOf(req) : undefined;
    if (client === undefined) {
      next();
      return;
    }
    const at = now();
    let bucket = buckets.get(client);
    if (!bucket) {
      if (buckets.size >= MAX_BUCKETS) prune(at);
      bucket = { tokens: perMinute, updated: at };
    } else {
      bucket.tokens = Math.min(perMinute, bucket.tokens + (at - bucket.updated) * perMs);
      bucket.updated = at;
      buckets.delete(client); // re-inserted below: most recently used last
    }
    buckets.set(client, bucket);
    res.setHeader('RateLimit-Limit', String(perMinute));
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      res.setHeader('RateLimit-Remaining', '0');
      res.setHeader('Retry-After', String(retryAfter));
      onLimited?.();
      sendProblem(res, new SkillmatchError('rate-limited', `More than ${perMinute} requests a minute; retry in ${retryAfter} s.`, { retryAfterSeconds: retryAfter }));
      return;
    }
    bucket.tokens -= 1;
    res.setHeader('RateLimit-Remaining', String(Math.floor(bucket.tokens)));
    next();
  };
}

/** The window of the shared counter: a minute, aligned to the clock so every replica counts the same one. */
const WINDOW_MS = 60_000;

/**
 * The same limit counted in a store every replica shares (PostgreSQL): `perMinute` requests per
 * client in each clock minute, whichever replica each lands on. When the store cannot be reached
 * the request goes through: the limit protects the service, and an outage of its database must not
 * refuse analyses that do not need it. Answers as rateLimiter does.
 */
export function sharedRateLimiter(perMinute: number, clientOf: (req: Request) => string | undefined, counter: RateCounter, now: () => number = Date.now, onLimited?: () => void): RequestHandler {
  return async (req, res, next) => {
    const client = perMinute > 0 ? clientOf(req) : undefined;
    if (client === undefined) {
      next();
      return;
    }
    const at = now();
    const windowStart = at - (at % WINDOW_MS);
    let hits: number;
    try {
      hits = await counter.countHit(client, windowStart);
    } catch {
      next();
      return;
    }
    res.setHeader('RateLimit-Limit', String(perMinute));
    if (hits > perMinute) {
      const retryAfter = Math.max(1, Math.ceil((windowStart + WINDOW_MS - at) / 1000));
      res.setHeader('RateLimit-Remaining', '0');
      res.setHeader('Retry-After', String(retryAfter));
      onLimited?.();
      sendProblem(res, new SkillmatchError('rate-limited', `More than ${perMinute} requests a minute; retry in ${retryAfter} s.`, { retryAfterSeconds: retryAfter }));
      return;
    }
    res.setHeader('RateLimit-Remaining', String(perMinute - hits));
    next();
  };
}

/** The API routes that count: /v1 but the webhooks, whatever the path's spelling (routePolicy). */
const counted = (req: Request): boolean => routePolicy(req.path).rateLimited;

/** In this process, or shared by every replica when a counter is given. */
const limiter = (perMinute: number, clientOf: (req: Request) => string | undefined, counter: RateCounter | undefined, now?: () => number, onLimited?: () => void): RequestHandler =>
  counter ? sharedRateLimiter(perMinute, clientOf, counter, now, onLimited) : rateLimiter(perMinute, clientOf, now, onLimited);

/** Per client address (the socket's: proxies are not trusted). */
export const perIp = (perMinute: number, counter?: RateCounter, now?: () => number, onLimited?: () => void): RequestHandler =>
  limiter(perMinute, (req) => (counted(req) ? `ip:${req.socket.remoteAddress ?? 'unknown'}` : undefined), counter, now, onLimited);

/** Per API key, known by a hash: runs after the key check, so only valid keys get a bucket. */
export const perApiKey = (perMinute: number, counter?: RateCounter, now?: () => number, onLimited?: () => void): RequestHandler =>
  limiter(
    perMinute,
    (req) => {
      const key = bearerKey(req);
      return counted(req) && key ? `key:${hashApiKey(key).slice(0, 32)}` : undefined;
    },
    counter,
    now,
    onLimited,
  );
