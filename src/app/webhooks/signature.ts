import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, checked on the raw body before anything parses it, in constant time.
 * Standard Webhooks: `webhook-signature: v1,<base64 HMAC-SHA256(secret, "id.timestamp.body")>`,
 * several space-separated signatures allowed (key rotation), secrets written `whsec_<base64>`.
 * Greenhouse: `Signature: sha256 <hex HMAC-SHA256(secret, body)>`.
 */
export type VerifyResult = { ok: true } | { ok: false; reason: 'missing-headers' | 'bad-signature' | 'stale-timestamp' };

/** Seconds a Standard Webhooks timestamp may differ from our clock (either way). */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

export function standardWebhookKey(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret, 'utf8');
}

export function signStandardWebhook(secret: string, id: string, timestamp: number, body: string | Buffer): string {
  const mac = createHmac('sha256', standardWebhookKey(secret)).update(`${id}.${timestamp}.`).update(body).digest('base64');
  return `v1,${mac}`;
}

function equalConstantTime(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface StandardHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

/** What the headers alone can refuse, before the body is read: missing headers, a timestamp out of the window. */
export function checkStandardHeaders(headers: StandardHeaders, nowSeconds: number): VerifyResult {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > REPLAY_WINDOW_SECONDS) return { ok: false, reason: 'stale-timestamp' };
  return { ok: true };
}

export function verifyStandardWebhook(secret: string, headers: StandardHeaders, body: Buffer, nowSeconds: number): VerifyResult {
  const checked = checkStandardHeaders(headers, nowSeconds);
  if (!checked.ok) return checked;
  const { id = '', timestamp = '', signature = '' } = headers;
  const ts = Number(timestamp);
  const expected = signStandardWebhook(secret, id, ts, body);
  const given = signature.split(' ').filter((s) => s.startsWith('v1,'));
  // Compare with every given signature, without stopping early.
  let match = false;
  for (const s of given) match = equalConstantTime(s, expected) || match;
  return match ? { ok: true } : { ok: false, reason: 'bad-signature' };
}

export function signGreenhouse(secret: string, body: string | Buffer): string {
  return `sha256 ${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function verifyGreenhouse(secret: string, signature: string | undefined, body: Buffer): VerifyResult {
  if (!signature) return { ok: false, reason: 'missing-headers' };
  return equalConstantTime(signature.trim(), signGreenhouse(secret, body)) ? { ok: true } : { ok: false, reason: 'bad-signature' };
}
