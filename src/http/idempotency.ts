import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { SkillmatchError } from '../core/0-base/errors';
import type { JobStore } from '../app/ports/job-store';

/** How long a stored response answers a repeated Idempotency-Key. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3600 * 1000;
const KEY = /^[\w.:-]{1,200}$/;

export interface Outcome {
  status: number;
  contentType: string;
  body: string;
  /** Further response headers (a CSV's Content-Disposition). */
  headers?: Record<string, string>;
}

function send(res: Response, outcome: Outcome): void {
  for (const [name, value] of Object.entries(outcome.headers ?? {})) res.setHeader(name, value);
  res.status(outcome.status).type(outcome.contentType).send(outcome.body);
}

/** Fingerprint of a request: route, query, wanted format, fields and file bytes. */
export function fingerprint(req: Request, parts: Array<{ name: string; bytes: Uint8Array }>, fields: Record<string, string>): string {
  const hash = createHash('sha256').update(`${req.method} ${req.path}?${new URLSearchParams(req.query as Record<string, string>).toString()}\n${req.headers.accept ?? ''}\n`);
  for (const [k, v] of Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))) hash.update(`${k}=${v}\n`);
  for (const p of parts) hash.update(`${p.name}:${p.bytes.length}:`).update(p.bytes).update('\n');
  return hash.digest('hex');
}

/**
 * With an Idempotency-Key header, the request's fingerprint is stored under the key; the same key
 * with the same request is answered again (Idempotent-Replayed: true), the same key with another
 * request is a 409. The answer itself is never stored, since it holds CV text or evidence
 * sentences: analysis is deterministic for the same bytes and lexicon version, so a replay
 * recomputes it. Without a store or header, the request just runs.
 */
export async function idempotent(req: Request, res: Response, store: JobStore | undefined, print: () => string, run: () => Promise<Outcome>): Promise<void> {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !store) {
    send(res, await run());
    return;
  }
  if (!KEY.test(key)) throw new SkillmatchError('invalid-parameter', 'Idempotency-Key takes 1 to 200 letters, digits, ".", ":", "_" or "-".');
  const requestPrint = print();
  const known = await store.getIdempotencyKey(key, Date.now(), IDEMPOTENCY_WINDOW_MS);
  if (known && known.fingerprint !== requestPrint) throw new SkillmatchError('idempotency-conflict', 'This Idempotency-Key was used for a different request.');
  const outcome = await run();
  if (known) res.setHeader('Idempotent-Replayed', 'true');
  else await store.putIdempotencyKey({ key, fingerprint: requestPrint, createdAt: Date.now() });
  send(res, outcome);
}
