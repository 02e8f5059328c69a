import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { leaseOwner, ownerIsGone } from './lease-owner';
import { statsOf, type StatusCount } from './queue-stats';
import type { AcceptedEvent, Delivery, DeliveryStatus, QueuedJob, JobStatus, JobStore, IdempotencyRecord } from '../app/ports/job-store';

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
-- Responses were once kept under their keys, with document text in them: that table goes.
DROP TABLE IF EXISTS idempotency;
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`;

/** A file beside the database that says one was created here: its loss is then an error, not a fresh start. */
const markerOf = (file: string): string => `${file}.created`;

/** Where the README says how to recover a damaged or lost database. */
const RECOVERY = 'see "Recovering the database" in the README';

/**
 * A database that was created here and is now missing or empty is refused: starting empty would
 * forget every queued job and accept old webhook ids as new.
 */
function refuseLostDatabase(file: string): void {
  const marker = markerOf(file);
  if (!existsSync(marker)) return;
  const size = existsSync(file) ? statSync(file).size : -1;
  if (size > 0) return;
  const created = readFileSync(marker, 'utf8').trim();
  throw new Error(
    `The database ${file} is ${size < 0 ? 'missing' : 'empty (0 bytes)'}, but one was created there on ${created}. ` +
      `Restore it from a backup (${RECOVERY}); to start afresh on purpose, delete ${marker}.`,
  );
}

/**
 * What the write-ahead log left by a crash holds: SQLite replays its frames up to the first one
 * that fails its checksum and silently drops the rest. A torn last write is normal (it was never
 * acknowledged); a damaged frame with committed transactions after it means acknowledged events
 * would be lost, so the start is refused instead. Returns the number of committed transactions
 * after the first damaged frame (0: the log is sound, or only its unacknowledged tail is torn).
 */
export function committedAfterDamage(wal: Buffer): number {
  if (wal.length < 32) return 0;
  const magic = wal.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return 0;
  const bigEndian = magic === 0x377f0683;
  const pageSize = wal.readUInt32BE(8) || 65_536;
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  // SQLite's WAL checksum: two running 32-bit sums over pairs of 32-bit words.
  let s0 = 0;
  let s1 = 0;
  const sum = (from: number, to: number): void => {
    for (let i = from; i < to; i += 8) {
      const x0 = bigEndian ? wal.readUInt32BE(i) : wal.readUInt32LE(i);
      const x1 = bigEndian ? wal.readUInt32BE(i + 4) : wal.readUInt32LE(i + 4);
      s0 = (s0 + x0 + s1) >>> 0;
      s1 = (s1 + x1 + s0) >>> 0;
    }
  };
  sum(0, 24);
  if (s0 !== wal.readUInt32BE(24) || s1 !== wal.readUInt32BE(28)) return 0; // no usable header: SQLite ignores the log
  let damaged = false;
  let committedAfter = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    const ours = wal.readUInt32BE(at + 8) === salt1 && wal.readUInt32BE(at + 12) === salt2;
    if (!ours) break; // a frame of an older generation of the log: the end of this one
    const commit = wal.readUInt32BE(at + 4) !== 0;
    if (damaged) {
      if (commit) committedAfter++;
      continue;
    }
    sum(at, at + 8);
    sum(at + 24, at + 24 + pageSize);
    if (s0 !== wal.readUInt32BE(at + 16) || s1 !== wal.readUInt32BE(at + 20)) damaged = true;
  }
  return committedAfter;
}

/** Refuses a log whose damage would drop acknowledged transactions (committedAfterDamage). */
function refuseDamagedLog(file: string): void {
  const wal = `${file}-wal`;
  if (!existsSync(wal) || statSync(wal).size < 32) return;
  const lost = committedAfterDamage(readFileSync(wal));
  if (lost === 0) return;
  throw new Error(
    `The write-ahead log ${wal} is damaged: ${lost} committed transaction(s) after the damage would be dropped without a word. ` +
      `The service does not start on it. Stop, keep a copy of the file and its -wal, then recover or restore it (${RECOVERY}).`,
  );
}

/** Opens the database and checks its pages (PRAGMA quick_check): a damaged file is refused, with how to recover it. */
function openChecked(file: string): Database.Database {
  let db: Database.Database | undefined;
  let problem: string;
  try {
    db = new Database(file);
    const result = db.pragma('quick_check', { simple: true });
    if (result === 'ok') return db;
    problem = String(result);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  db?.close();
  throw new Error(
    `The database ${file} is damaged (quick_check: ${problem.replace(/\s+/g, ' ').slice(0, 200)}). The service does not start on it. ` +
      `Stop, keep a copy of the file and its -wal, then recover or restore it (${RECOVERY}).`,
  );
}

/**
 * SQLite in WAL mode: one writer, durable commits, crash-safe leases. `maxMb` caps the database
 * file: past it a write fails as on a full disk (SQLITE_FULL), and the event is refused with 503.
 */
export function openSqliteStore(file: string, options: { maxMb?: number } = {}): JobStore {
  if (file !== ':memory:') {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    refuseLostDatabase(file);
    refuseDamagedLog(file);
  }
  const db = openChecked(file);
  // Free pages are handed back to the file system bit by bit (set before the first table; an
  // older file keeps its mode), and deleted content is overwritten with zeros, not just unlinked.
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma('secure_delete = ON');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  // Files made before leases had owners gain the column.
  if (!(db.pragma('table_info(jobs)') as Array<{ name: string }>).some((c) => c.name === 'lease_owner')) db.exec('ALTER TABLE jobs ADD COLUMN lease_owner TEXT');
  const owner = leaseOwner();
  if (file !== ':memory:' && !existsSync(markerOf(file))) writeFileSync(markerOf(file), `${new Date().toISOString()}\n`);
  if (options.maxMb) {
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    db.pragma(`max_page_count = ${Math.max(1, Math.floor((options.maxMb * 1024 * 1024) / pageSize))}`);
  }

  const insertEvent = db.prepare('INSERT OR IGNORE INTO events (delivery_key, source, type, received_at) VALUES (?, ?, ?, ?)');
  const insertJob = db.prepare("INSERT INTO jobs (id, delivery_key, source, status, payload, created_at, updated_at) VALUES (?, ?, ?, 'queued', ?, ?, ?)");
  const jobByDelivery = db.prepare('SELECT id FROM jobs WHERE delivery_key = ?');
  const claimOne = db.prepare(`
    UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_until = @leaseUntil, lease_owner = @owner, updated_at = @now
    WHERE id = (
      SELECT id FROM jobs
      WHERE status = 'queued' OR (status = 'running' AND lease_until < @now AND attempts < @maxAttempts)
      ORDER BY created_at LIMIT 1
    )
    RETURNING *`);
  const leasedJobs = db.prepare("SELECT id, lease_owner FROM jobs WHERE status = 'running' AND lease_owner IS NOT NULL");
  const releaseLease = db.prepare("UPDATE jobs SET status = 'queued', lease_until = NULL, lease_owner = NULL WHERE id = ? AND status = 'running'");
  const exhaustedJobs = db.prepare("SELECT * FROM jobs WHERE status = 'running' AND lease_until < @now AND attempts >= @maxAttempts ORDER BY created_at LIMIT 100");
  const renew = db.prepare("UPDATE jobs SET lease_until = ? WHERE id = ? AND status = 'running'");
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
  const getKey = db.prepare('SELECT key, fingerprint, created_at AS createdAt FROM idempotency_keys WHERE key = ? AND created_at >= ?');
  const putKey = db.prepare('INSERT OR IGNORE INTO idempotency_keys (key, fingerprint, created_at) VALUES (?, ?, ?)');
  const forgetKeys = db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?');
  const jobCounts = db.prepare("SELECT status, COUNT(*) AS n, MIN(created_at) AS oldest FROM jobs WHERE status IN ('queued', 'running') GROUP BY status");
  const deliveryCounts = db.prepare('SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status');
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

  const eraseOne = db.transaction((id: string, now: number) => {
    const erased = eraseJob.run(now, id).changes === 1;
    if (erased) eraseDelivery.run(now, id);
    return erased;
  });
  /**
   * After erasure or retention: the zeroed pages are written back into the database file and the
   * write-ahead log is emptied, so the old page images (with the document in them) leave the WAL
   * file too; free pages go back to the file system.
   */
  const scrub = (): void => {
    if (file === ':memory:') return;
    db.pragma('incremental_vacuum');
    db.pragma('wal_checkpoint(TRUNCATE)');
  };

  // better-sqlite3 is synchronous: each call runs (and commits) before its promise is returned.
  return {
    accept: async (event, jobId) => accept(event, jobId),
    claim: async (now, leaseMs, maxAttempts = Number.MAX_SAFE_INTEGER) => toJob(claimOne.get({ now, leaseUntil: now + leaseMs, maxAttempts, owner }) as JobRow | undefined),
    releaseOrphanedLeases: async () => {
      let released = 0;
      for (const row of leasedJobs.all() as Array<{ id: string; lease_owner: string }>) {
        if (ownerIsGone(row.lease_owner, owner)) released += releaseLease.run(row.id).changes;
      }
      return released;
    },
    exhausted: async (now, maxAttempts) => (exhaustedJobs.all({ now, maxAttempts }) as JobRow[]).map((r) => toJob(r)).filter((j): j is QueuedJob => j !== null),
    renewLease: async (id, leaseUntil) => {
      renew.run(leaseUntil, id);
    },
    complete: async (id, result, now, callback, keepDocument) => complete(id, result, now, callback, keepDocument),
    scrub: async () => scrub(),
    purgeDocuments: async (before) => {
      const purged = purge.run(before).changes;
      if (purged > 0) scrub();
      return purged;
    },
    fail: async (id, error, now, retry, callback) => fail(id, error, now, retry, callback),
    claimDelivery: async (now, leaseMs) => {
      const row = claimDelivery.get({ now, leaseUntil: now + leaseMs }) as DeliveryRow | undefined;
      return row ? toDelivery(row) : null;
    },
    settleDelivery: async (id, outcome, now) => {
      settle.run(outcome.status, outcome.nextAttemptAt ?? null, outcome.error ?? null, now, id);
    },
    listDeliveries: async (status, limit = 100) => (list.all(status ?? null, status ?? null, limit) as DeliveryRow[]).map(toDelivery),
    retryDelivery: async (id, now) => retryOne.run(now, now, id).changes === 1,
    setCallbackEnabled: async (enabled) => {
      putSetting.run('callback_enabled', enabled ? 'true' : 'false');
    },
    callbackEnabled: async () => (getSetting.get('callback_enabled') as { value: string } | undefined)?.value !== 'false',
    get: async (id) => toJob(getOne.get(id) as JobRow | undefined),
    listDone: async ({ after, limit }) => {
      const from = after ? (getOne.get(after) as JobRow | undefined) : undefined;
      const rows = listDone.all(from?.created_at ?? -1, from?.id ?? '', limit) as JobRow[];
      return rows.map((r) => toJob(r)).filter((j): j is QueuedJob => j !== null);
    },
    erase: async (id, now) => {
      const erased = eraseOne(id, now);
      if (erased) scrub();
      return erased;
    },
    getIdempotencyKey: async (key, now, maxAgeMs) => (getKey.get(key, now - maxAgeMs) as IdempotencyRecord | undefined) ?? null,
    putIdempotencyKey: async (r) => {
      forgetKeys.run(r.createdAt - 7 * 24 * 3600 * 1000);
      putKey.run(r.key, r.fingerprint, r.createdAt);
    },
    queueStats: async (now) => statsOf(jobCounts.all() as StatusCount[], deliveryCounts.all() as StatusCount[], now),
    ping: async () => {
      db.prepare('SELECT 1').get();
    },
    close: async () => {
      db.close();
    },
  };
}

/**
 * The full check (PRAGMA integrity_check, every page and index: slower than the check at start),
 * on demand: `npm run db:check`. Returns the problems found; none means the file is sound.
 */
export function checkDatabaseIntegrity(file: string): string[] {
  if (!existsSync(file)) return [`${file} does not exist`];
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    db?.close();
  }
}
