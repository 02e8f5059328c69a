import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AcceptedEvent, Delivery, DeliveryStatus, QueuedJob, JobStatus, JobStore, StoredResponse } from '../app/ports/job-store';

interface DeliveryRow {
  id: string;
  job_id: string;
  event_type: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id, jobId: row.job_id, eventType: row.event_type, payload: row.payload, status: row.status, attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at, lastError: row.last_error, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

interface JobRow {
  id: string;
  delivery_key: string;
  source: string;
  status: JobStatus;
  attempts: number;
  payload: string | null;
  result: string | null;
  error: string | null;
  created_at: number;
  updated_at: number;
}

function toJob(row: JobRow | undefined): QueuedJob | null {
  return row
    ? { id: row.id, deliveryKey: row.delivery_key, source: row.source, status: row.status, attempts: row.attempts, payload: row.payload, result: row.result, error: row.error, createdAt: row.created_at, updatedAt: row.updated_at }
    : null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  delivery_key TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  type TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  delivery_key TEXT NOT NULL UNIQUE REFERENCES events(delivery_key),
  source TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'erased')),
  attempts INTEGER NOT NULL DEFAULT 0,
  payload TEXT,
  result TEXT,
  error TEXT,
  lease_until INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_runnable ON jobs (status, lease_until, created_at);
CREATE TABLE IF NOT EXISTS deliveries (
  id TEXT PRIMARY KEY,
  job_id TEXT NOT NULL UNIQUE REFERENCES jobs(id),
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt_at);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`;

/**
 * SQLite in WAL mode: one writer, durable commits, crash-safe leases. `maxMb` caps the database
 * file: past it a write fails as on a full disk (SQLITE_FULL), and the event is refused with 503.
 */
export function openSqliteStore(file: string, options: { maxMb?: number } = {}): JobStore {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  if (options.maxMb) {
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    db.pragma(`max_page_count = ${Math.max(1, Math.floor((options.maxMb * 1024 * 1024) / pageSize))}`);
  }

  const insertEvent = db.prepare('INSERT OR IGNORE INTO events (delivery_key, source, type, received_at) VALUES (?, ?, ?, ?)');
  const insertJob = db.prepare("INSERT INTO jobs (id, delivery_key, source, status, payload, created_at, updated_at) VALUES (?, ?, ?, 'queued', ?, ?, ?)");
  const jobByDelivery = db.prepare('SELECT id FROM jobs WHERE delivery_key = ?');
  const claimOne = db.prepare(`
    UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_until = @leaseUntil, updated_at = @now
    WHERE id = (
      SELECT id FROM jobs
      WHERE status = 'queued' OR (status = 'running' AND lease_until < @now)
      ORDER BY created_at LIMIT 1
    )
    RETURNING *`);
  // A job is completed once; a second completion (a lease that expired and was taken again) changes nothing.
  const completeOne = db.prepare("UPDATE jobs SET status = 'done', result = ?, payload = CASE WHEN ? THEN payload ELSE NULL END, error = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND status = 'running'");
  const purge = db.prepare("UPDATE jobs SET payload = NULL WHERE status IN ('done', 'failed') AND payload IS NOT NULL AND updated_at < ?");
  const failOne = db.prepare('UPDATE jobs SET status = ?, error = ?, lease_until = NULL, updated_at = ?, payload = CASE WHEN ? = \'failed\' THEN NULL ELSE payload END WHERE id = ? AND status = \'running\'');
  const getOne = db.prepare('SELECT * FROM jobs WHERE id = ?');
  const listDone = db.prepare("SELECT * FROM jobs WHERE status = 'done' AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?");
  const eraseJob = db.prepare("UPDATE jobs SET status = 'erased', payload = NULL, result = NULL, error = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND status <> 'erased'");
  const eraseDelivery = db.prepare("UPDATE deliveries SET payload = '{}', status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END, last_error = CASE WHEN status = 'pending' THEN 'erased before delivery' ELSE last_error END, updated_at = ? WHERE job_id = ?");
  const insertDelivery = db.prepare("INSERT OR IGNORE INTO deliveries (id, job_id, event_type, payload, status, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)");
  const claimDelivery = db.prepare(`
    UPDATE deliveries SET attempts = attempts + 1, lease_until = @leaseUntil, updated_at = @now
    WHERE id = (
      SELECT id FROM deliveries
      WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)
      ORDER BY next_attempt_at LIMIT 1
    )
    RETURNING *`);
  const settle = db.prepare('UPDATE deliveries SET status = ?, next_attempt_at = COALESCE(?, next_attempt_at), last_error = ?, lease_until = NULL, updated_at = ? WHERE id = ?');
  const list = db.prepare('SELECT * FROM deliveries WHERE (? IS NULL OR status = ?) ORDER BY created_at LIMIT ?');
  const retryOne = db.prepare("UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL, updated_at = ? WHERE id = ? AND status = 'failed'");
  const getResponse = db.prepare('SELECT key, fingerprint, status, content_type AS contentType, body, created_at AS createdAt FROM idempotency WHERE key = ? AND created_at >= ?');
  const putResponse = db.prepare('INSERT OR IGNORE INTO idempotency (key, fingerprint, status, content_type, body, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const forgetResponses = db.prepare('DELETE FROM idempotency WHERE created_at < ?');
  const getSetting = db.prepare('SELECT value FROM settings WHERE key = ?');
  const putSetting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  type Callback = { deliveryId: string; eventType: string; payload: string };
  /** A job's callback is queued in the transaction that settles the job, so neither exists without the other. */
  const queueCallback = (jobId: string, now: number, callback: Callback | undefined): void => {
    if (callback) insertDelivery.run(callback.deliveryId, jobId, callback.eventType, callback.payload, now, now, now);
  };
  const complete = db.transaction((id: string, result: string, now: number, callback?: Callback, keepDocument = false) => {
    const done = completeOne.run(result, keepDocument ? 1 : 0, now, id).changes === 1;
    if (done) queueCallback(id, now, callback);
    return done;
  });
  const fail = db.transaction((id: string, error: string, now: number, retry: boolean, callback?: Callback) => {
    const status = retry ? 'queued' : 'failed';
    const changed = failOne.run(status, error, now, status, id).changes === 1;
    if (changed && !retry) queueCallback(id, now, callback);
  });

  const accept = db.transaction((event: AcceptedEvent, jobId: string) => {
    const inserted = insertEvent.run(event.deliveryKey, event.source, event.type, event.receivedAt).changes === 1;
    if (!inserted) {
      const existing = jobByDelivery.get(event.deliveryKey) as { id: string } | undefined;
      return { duplicate: true, jobId: existing?.id ?? '' };
    }
    insertJob.run(jobId, event.deliveryKey, event.source, event.payload, event.receivedAt, event.receivedAt);
    return { duplicate: false, jobId };
  });

  return {
    accept: (event, jobId) => accept(event, jobId),
    claim: (now, leaseMs) => toJob(claimOne.get({ now, leaseUntil: now + leaseMs }) as JobRow | undefined),
    complete: (id, result, now, callback, keepDocument) => complete(id, result, now, callback, keepDocument),
    purgeDocuments: (before) => purge.run(before).changes,
    fail: (id, error, now, retry, callback) => fail(id, error, now, retry, callback),
    claimDelivery: (now, leaseMs) => {
      const row = claimDelivery.get({ now, leaseUntil: now + leaseMs }) as DeliveryRow | undefined;
      return row ? toDelivery(row) : null;
    },
    settleDelivery: (id, outcome, now) => {
      settle.run(outcome.status, outcome.nextAttemptAt ?? null, outcome.error ?? null, now, id);
    },
    listDeliveries: (status, limit = 100) => (list.all(status ?? null, status ?? null, limit) as DeliveryRow[]).map(toDelivery),
    retryDelivery: (id, now) => retryOne.run(now, now, id).changes === 1,
    setCallbackEnabled: (enabled) => {
      putSetting.run('callback_enabled', enabled ? 'true' : 'false');
    },
    callbackEnabled: () => (getSetting.get('callback_enabled') as { value: string } | undefined)?.value !== 'false',
    get: (id) => toJob(getOne.get(id) as JobRow | undefined),
    listDone: ({ after, limit }) => {
      const from = after ? (getOne.get(after) as JobRow | undefined) : undefined;
      const rows = listDone.all(from?.created_at ?? -1, from?.id ?? '', limit) as JobRow[];
      return rows.map((r) => toJob(r)).filter((j): j is QueuedJob => j !== null);
    },
    erase: db.transaction((id: string, now: number) => {
      const erased = eraseJob.run(now, id).changes === 1;
      if (erased) eraseDelivery.run(now, id);
      return erased;
    }),
    getResponse: (key, now, maxAgeMs) => (getResponse.get(key, now - maxAgeMs) as StoredResponse | undefined) ?? null,
    putResponse: (r) => {
      forgetResponses.run(r.createdAt - 7 * 24 * 3600 * 1000);
      putResponse.run(r.key, r.fingerprint, r.status, r.contentType, r.body, r.createdAt);
    },
    close: () => db.close(),
  };
}
