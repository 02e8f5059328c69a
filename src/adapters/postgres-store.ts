import type pg from 'pg';
import type { AcceptedEvent, Delivery, DeliveryStatus, IdempotencyRecord, JobStatus, JobStore, QueuedJob } from '../app/ports/job-store';
import { leaseOwner, ownerIsGone } from './lease-owner';
import { statsOf, type StatusCount } from './queue-stats';

/**
 * The job store on PostgreSQL, for several replicas sharing one database: the same contract as the
 * SQLite store (tests/store/contract.test.ts runs on both). Jobs and deliveries are leased with
 * `FOR UPDATE SKIP LOCKED`, so replicas never take the same row and never wait on each other;
 * every multi-row change is one transaction. Times are milliseconds since the epoch (bigint).
 */

/** One versioned step of the schema; applied in order, each in its own transaction, once. */
interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE events (
  delivery_key TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  type TEXT NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  delivery_key TEXT NOT NULL UNIQUE REFERENCES events(delivery_key),
  source TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'erased')),
  attempts INTEGER NOT NULL DEFAULT 0,
  payload TEXT,
  result TEXT,
  error TEXT,
  lease_until BIGINT,
  lease_owner TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX jobs_runnable ON jobs (status, lease_until, created_at);
CREATE INDEX jobs_done ON jobs (created_at, id) WHERE status = 'done';
CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  job_id TEXT NOT NULL UNIQUE REFERENCES jobs(id),
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE idempotency_keys (
  key TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
CREATE TABLE rate_limit_windows (
  bucket TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (bucket, window_start)
);`,
  },
];

/** The advisory lock that serialises migrations when several replicas start at once. */
const MIGRATION_LOCK = 7_413_290_551;

/** A connection taken out of the pool, and how to give it back. */
export interface Checkout {
  client: pg.PoolClient;
  release: () => void;
}

/**
 * Takes a connection out of the pool for several statements. While a connection is checked out the
 * pool no longer listens for its errors, and a backend that dies then (a restart, an administrator's
 * pg_terminate_backend) makes the client emit 'error'; unheard, that is an uncaught exception that
 * ends the process. The listener keeps the error, the statement in flight fails as usual, and the
 * broken connection is destroyed on release instead of being handed out again.
 */
export async function checkout(pool: pg.Pool): Promise<Checkout> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error): void => {
    broken = error;
  };
  client.on('error', onError);
  return {
    client,
    release: () => {
      // A broken client keeps the listener: it may still report its socket closing.
      if (!broken) client.removeListener('error', onError);
      client.release(broken);
    },
  };
}

/** Applies the migrations this database lacks, under an advisory lock: the first replica migrates, the others wait and find nothing to do. */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const { client, release } = await checkout(pool);
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS skillmatch_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM skillmatch_migrations')).rows.map((r) => Number(r.version)));
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO skillmatch_migrations (version) VALUES ($1)', [m.version]);
        await client.query('COMMIT');
        applied.push(m.version);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    release();
  }
  return applied;
}

type Row = Record<string, unknown>;
const num = (v: unknown): number => Number(v);
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toJob(row: Row | undefined): QueuedJob | null {
  if (!row) return null;
  return {
    id: String(row.id), deliveryKey: String(row.delivery_key), source: String(row.source), status: row.status as JobStatus, attempts: num(row.attempts),
    payload: text(row.payload), result: text(row.result), error: text(row.error), createdAt: num(row.created_at), updatedAt: num(row.updated_at),
  };
}

function toDelivery(row: Row): Delivery {
  return {
    id: String(row.id), jobId: String(row.job_id), eventType: String(row.event_type), payload: String(row.payload), status: row.status as DeliveryStatus,
    attempts: num(row.attempts), nextAttemptAt: num(row.next_attempt_at), lastError: text(row.last_error), createdAt: num(row.created_at), updatedAt: num(row.updated_at),
  };
}

export interface PostgresStoreOptions {
  /** Connections per replica (default 10). */
  poolSize?: number;
  /** How long a query may wait for a connection before it fails (default 5 s): a database that is down answers fast. */
  connectTimeoutMs?: number;
}

/** The store plus what only a shared database offers: a rate-limit counter every replica sees. */
export interface PostgresStore extends JobStore {
  /** Counts a hit in `bucket` for the window starting at `windowStart`; returns the window's hits so far. */
  countHit(bucket: string, windowStart: number): Promise<number>;
  readonly pool: pg.Pool;
}

type Callback = { deliveryId: string; eventType: string; payload: string };

/**
 * Opens the store at `url` (postgres://...). Nothing waits here: the schema is migrated on first
 * use (and again on the next call if the database was down), so start-up does not depend on the
 * database being up; readiness (`ping`) says whether it is.
 */
export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): PostgresStore {
  // pg is loaded only when a PostgreSQL store is opened: the SQLite default does not hold it.
  const { Pool } = require('pg') as typeof import('pg');
  const pool = new Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000, idleTimeoutMillis: 30_000 });
  // A connection dropped by the server (a restart, pg_terminate_backend) is an error on an idle
  // client: the pool replaces it; it must not crash the process.
  pool.on('error', () => undefined);
  const owner = leaseOwner();
  let migrated: Promise<unknown> | null = null;
  const ready = async (): Promise<void> => {
    migrated ??= migrate(pool).catch((error: unknown) => {
      migrated = null; // the next call tries again
      throw error;
    });
    await migrated;
  };
  const query = async (sql: string, params: unknown[] = []): Promise<pg.QueryResult<Row>> => {
    await ready();
    return pool.query<Row>(sql, params);
  };
  /** Runs `work` in one transaction on one connection. */
  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    await ready();
    const { client, release } = await checkout(pool);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      release();
    }
  };
  const queueCallback = async (client: pg.PoolClient, jobId: string, now: number, callback: Callback | undefined): Promise<void> => {
    if (!callback) return;
    await client.query(
      "INSERT INTO deliveries (id, job_id, event_type, payload, status, next_attempt_at, created_at, updated_at) VALUES ($1, $2, $3, $4, 'pending', $5, $5, $5) ON CONFLICT DO NOTHING",
      [callback.deliveryId, jobId, callback.eventType, callback.payload, now],
    );
  };
  /**
   * Dead rows keep the bytes of an erased or purged document until vacuumed: vacuum the two tables
   * at once (SKIP_LOCKED: a table another session holds is left to autovacuum).
   */
  const scrub = async (): Promise<void> => {
    await ready();
    await pool.query('VACUUM (SKIP_LOCKED) jobs, deliveries');
  };

  return {
    pool,
    accept: (event: AcceptedEvent, jobId: string) =>
      transaction(async (client) => {
        const inserted = await client.query('INSERT INTO events (delivery_key, source, type, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [event.deliveryKey, event.source, event.type, event.receivedAt]);
        if (inserted.rowCount !== 1) {
          const existing = await client.query<Row>('SELECT id FROM jobs WHERE delivery_key = $1', [event.deliveryKey]);
          return { duplicate: true, jobId: text(existing.rows[0]?.id) ?? '' };
        }
        await client.query("INSERT INTO jobs (id, delivery_key, source, status, payload, created_at, updated_at) VALUES ($1, $2, $3, 'queued', $4, $5, $5)", [jobId, event.deliveryKey, event.source, event.payload, event.receivedAt]);
        return { duplicate: false, jobId };
      }),
    claim: async (now, leaseMs, maxAttempts = 2_147_483_647) => {
      const bound = Math.min(maxAttempts, 2_147_483_647);
      const res = await query(
        `UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_until = $2, lease_owner = $3, updated_at = $1
         WHERE id = (
           SELECT id FROM jobs
           WHERE status = 'queued' OR (status = 'running' AND lease_until < $1 AND attempts < $4)
           ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED
         )
         RETURNING *`,
        [now, now + leaseMs, owner, bound],
      );
      return toJob(res.rows[0]);
    },
    releaseOrphanedLeases: async () => {
      const leased = await query("SELECT id, lease_owner FROM jobs WHERE status = 'running' AND lease_owner IS NOT NULL");
      let released = 0;
      for (const row of leased.rows) {
        if (!ownerIsGone(String(row.lease_owner), owner)) continue;
        const res = await query("UPDATE jobs SET status = 'queued', lease_until = NULL, lease_owner = NULL WHERE id = $1 AND status = 'running' AND lease_owner = $2", [row.id, row.lease_owner]);
        released += res.rowCount ?? 0;
      }
      return released;
    },
    exhausted: async (now, maxAttempts) => {
      const res = await query("SELECT * FROM jobs WHERE status = 'running' AND lease_until < $1 AND attempts >= $2 ORDER BY created_at LIMIT 100", [now, maxAttempts]);
      return res.rows.map((r) => toJob(r)).filter((j): j is QueuedJob => j !== null);
    },
    renewLease: async (id, leaseUntil) => {
      await query("UPDATE jobs SET lease_until = $1 WHERE id = $2 AND status = 'running'", [leaseUntil, id]);
    },
    complete: (id, result, now, callback, keepDocument = false) =>
      transaction(async (client) => {
        const res = await client.query(
          "UPDATE jobs SET status = 'done', result = $1, payload = CASE WHEN $2 THEN payload ELSE NULL END, error = NULL, lease_until = NULL, updated_at = $3 WHERE id = $4 AND status = 'running'",
          [result, keepDocument, now, id],
        );
        const done = res.rowCount === 1;
        if (done) await queueCallback(client, id, now, callback);
        return done;
      }),
    scrub,
    purgeDocuments: async (before) => {
      const res = await query("UPDATE jobs SET payload = NULL WHERE status IN ('done', 'failed') AND payload IS NOT NULL AND updated_at < $1", [before]);
      const purged = res.rowCount ?? 0;
      if (purged > 0) await scrub();
      return purged;
    },
    fail: (id, error, now, retry, callback) =>
      transaction(async (client) => {
        const status = retry ? 'queued' : 'failed';
        const res = await client.query(
          "UPDATE jobs SET status = $1, error = $2, lease_until = NULL, updated_at = $3, payload = CASE WHEN $1 = 'failed' THEN NULL ELSE payload END WHERE id = $4 AND status = 'running'",
          [status, error, now, id],
        );
        if (res.rowCount === 1 && !retry) await queueCallback(client, id, now, callback);
      }),
    claimDelivery: async (now, leaseMs) => {
      const res = await query(
        `UPDATE deliveries SET attempts = attempts + 1, lease_until = $2, updated_at = $1
         WHERE id = (
           SELECT id FROM deliveries
           WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
           ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED
         )
         RETURNING *`,
        [now, now + leaseMs],
      );
      const row = res.rows[0];
      return row ? toDelivery(row) : null;
    },
    settleDelivery: async (id, outcome, now) => {
      await query('UPDATE deliveries SET status = $1, next_attempt_at = COALESCE($2, next_attempt_at), last_error = $3, lease_until = NULL, updated_at = $4 WHERE id = $5', [
        outcome.status,
        outcome.nextAttemptAt ?? null,
        outcome.error ?? null,
        now,
        id,
      ]);
    },
    listDeliveries: async (status, limit = 100) => {
      const res = await query('SELECT * FROM deliveries WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at, id LIMIT $2', [status ?? null, limit]);
      return res.rows.map(toDelivery);
    },
    retryDelivery: async (id, now) => {
      const res = await query("UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = $1, lease_until = NULL, updated_at = $1 WHERE id = $2 AND status = 'failed'", [now, id]);
      return res.rowCount === 1;
    },
    setCallbackEnabled: async (enabled) => {
      await query("INSERT INTO settings (key, value) VALUES ('callback_enabled', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [enabled ? 'true' : 'false']);
    },
    callbackEnabled: async () => {
      const res = await query("SELECT value FROM settings WHERE key = 'callback_enabled'");
      return res.rows[0]?.value !== 'false';
    },
    get: async (id) => toJob((await query('SELECT * FROM jobs WHERE id = $1', [id])).rows[0]),
    listDone: async ({ after, limit }) => {
      const from = after ? (await query('SELECT created_at, id FROM jobs WHERE id = $1', [after])).rows[0] : undefined;
      const res = await query("SELECT * FROM jobs WHERE status = 'done' AND (created_at, id) > ($1, $2) ORDER BY created_at, id LIMIT $3", [from ? num(from.created_at) : -1, from ? String(from.id) : '', limit]);
      return res.rows.map((r) => toJob(r)).filter((j): j is QueuedJob => j !== null);
    },
    erase: async (id, now) => {
      const erased = await transaction(async (client) => {
        const res = await client.query("UPDATE jobs SET status = 'erased', payload = NULL, result = NULL, error = NULL, lease_until = NULL, updated_at = $1 WHERE id = $2 AND status <> 'erased'", [now, id]);
        if (res.rowCount !== 1) return false;
        await client.query(
          "UPDATE deliveries SET payload = '{}', status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END, last_error = CASE WHEN status = 'pending' THEN 'erased before delivery' ELSE last_error END, updated_at = $1 WHERE job_id = $2",
          [now, id],
        );
        return true;
      });
      if (erased) await scrub();
      return erased;
    },
    getIdempotencyKey: async (key, now, maxAgeMs) => {
      const row = (await query('SELECT key, fingerprint, created_at FROM idempotency_keys WHERE key = $1 AND created_at >= $2', [key, now - maxAgeMs])).rows[0];
      return row ? ({ key: String(row.key), fingerprint: String(row.fingerprint), createdAt: num(row.created_at) } satisfies IdempotencyRecord) : null;
    },
    putIdempotencyKey: async (r) => {
      await query('DELETE FROM idempotency_keys WHERE created_at < $1', [r.createdAt - 7 * 24 * 3600 * 1000]);
      await query('INSERT INTO idempotency_keys (key, fingerprint, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [r.key, r.fingerprint, r.createdAt]);
    },
    countHit: async (bucket, windowStart) => {
      const res = await query(
        'INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES ($1, $2, 1) ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1 RETURNING hits',
        [bucket, windowStart],
      );
      // Windows older than the previous one are no longer read.
      if (Math.random() < 0.01) await query('DELETE FROM rate_limit_windows WHERE window_start < $1', [windowStart - 120_000]);
      return num(res.rows[0]?.hits);
    },
    queueStats: async (now) => {
      const jobs = await query("SELECT status, COUNT(*) AS n, MIN(created_at) AS oldest FROM jobs WHERE status IN ('queued', 'running') GROUP BY status");
      const deliveries = await query('SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status');
      return statsOf(jobs.rows as unknown as StatusCount[], deliveries.rows as unknown as StatusCount[], now);
    },
    ping: async () => {
      await query('SELECT 1');
    },
    close: async () => {
      await pool.end();
    },
  };
}
