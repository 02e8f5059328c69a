import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgresStore, type PostgresStore } from '../../src/adapters/postgres-store';
import { openSqliteStore } from '../../src/adapters/sqlite-store';
import type { JobStore } from '../../src/app/ports';

/**
 * The PostgreSQL the tests use: 127.0.0.1:5432, database `test`, trust auth (POSTGRES_TEST_URL
 * overrides). Each run works in a schema of its own, dropped at the end. Without a reachable server
 * the PostgreSQL cases are skipped, unless REQUIRE_POSTGRES=1 (CI) makes that an error.
 */
export const POSTGRES_URL = process.env.POSTGRES_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether PostgreSQL answers (decided before the suites are declared, so it runs synchronously, in a child process). */
export function postgresReachable(): boolean {
  const probe = `const pg = require('pg'); const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 2000 });
    c.connect().then(() => c.query('SELECT 1')).then(() => process.exit(0), () => process.exit(1));`;
  const up = spawnSync(process.execPath, ['-e', probe, POSTGRES_URL], { timeout: 5_000, cwd: path.join(__dirname, '..', '..') }).status === 0;
  if (!up && process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL at ${POSTGRES_URL} cannot be reached`);
  return up;
}

/** The backends to run a contract on: SQLite always, PostgreSQL when it answers. */
export function backends(): Backend[] {
  return postgresReachable() ? [sqliteBackend, postgresBackend] : [sqliteBackend];
}

/** A fresh schema on the test database, and the URL that works in it. */
export async function freshSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `sm_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** A backend under test: a way to open a store, and a second, independent connection to the same data. */
export interface Backend {
  name: string;
  open(): Promise<{ store: JobStore; second(): Promise<JobStore>; close(): Promise<void> }>;
}

export const sqliteBackend: Backend = {
  name: 'SQLite',
  async open() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-contract-'));
    const file = path.join(dir, 'store.db');
    const store = openSqliteStore(file);
    const others: JobStore[] = [];
    return {
      store,
      async second() {
        const other = openSqliteStore(file);
        others.push(other);
        return other;
      },
      async close() {
        for (const o of others) await o.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const postgresBackend: Backend = {
  name: 'PostgreSQL',
  async open() {
    const schema = await freshSchema();
    const store: PostgresStore = openPostgresStore(schema.url, { poolSize: 4 });
    const others: JobStore[] = [];
    return {
      store,
      async second() {
        const other = openPostgresStore(schema.url, { poolSize: 4 });
        others.push(other);
        return other;
      },
      async close() {
        for (const o of others) await o.close();
        await store.close();
        await schema.drop();
      },
    };
  },
};
