import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { SkillmatchError } from '../core/0-base/errors';
import { sendProblem } from './problem';
import { routePolicy } from './route-policy';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The key of an `Authorization: Bearer <key>` header, if the request has one. */
export function bearerKey(req: Request): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

/**
 * When API keys are configured, every /v1 route needs `Authorization: Bearer <key>`, except the
 * webhooks, which are authenticated by their signatures (routePolicy decides, on the normalised
 * path). Keys are known only by their hashes.
 */
export function requireApiKey(hashes: string[]): RequestHandler {
  const known = hashes.map((h) => Buffer.from(h, 'hex'));
  return (req, res, next) => {
    if (known.length === 0 || !routePolicy(req.path).needsKey) {
      next();
      return;
    }
    const key = bearerKey(req);
    const given = key ? Buffer.from(hashApiKey(key), 'hex') : null;
    let ok = false;
    // Compare with every known key, without stopping early.
    for (const k of known) ok = (given !== null && given.length === k.length && timingSafeEqual(given, k)) || ok;
    if (ok) {
      next();
      return;
    }
    res.setHeader('WWW-Authenticate', 'Bearer');
    sendProblem(res, new SkillmatchError('unauthorized', key ? 'The API key is not valid.' : 'This route needs Authorization: Bearer <API key>.'));
  };
}
