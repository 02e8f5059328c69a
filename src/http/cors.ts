import type { RequestHandler } from 'express';

/**
 * Cross-origin access, off unless origins are listed: then a request from a listed origin gets
 * Access-Control-Allow-Origin for it, and its preflight (OPTIONS) is answered. Any other origin
 * gets no CORS headers, so browsers keep its pages out.
 */
export function cors(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (allowed.size === 0 || typeof origin !== 'string' || !(allowed.has(origin) || allowed.has('*'))) {
      next();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', allowed.has('*') ? '*' : origin);
    res.append('Vary', 'Origin');
    res.setHeader('Access-Control-Expose-Headers', 'X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, Idempotent-Replayed');
    if (req.method === 'OPTIONS' && typeof req.headers['access-control-request-method'] === 'string') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, X-Request-Id');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
