import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkDatabaseIntegrity, committedAfterDamage, openSqliteStore } from '../../src/adapters/sqlite-store';

/**
 * A damaged database is refused at start with a clear message, and a lost one is not silently
 * replaced by an empty one (which would forget queued jobs and accept old webhook ids as new).
 */
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-corrupt-'));
  file = path.join(dir, 'skillmatch.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database with enough rows to span many pages. */
async function filled(): Promise<void> {
  const store = openSqliteStore(file);
  for (let i = 0; i < 400; i++) {
    await store.accept({ deliveryKey: `k${i}`, source: 'standard', type: 'application.created', payload: JSON.stringify({ pad: 'x'.repeat(600), i }), receivedAt: i }, `job-${i}`);
  }
  await store.close(); // a clean close checkpoints the WAL into the file
}

describe('a damaged or lost database', () => {
  it('opens a healthy database again, with its jobs', async () => {
    await filled();
    const store = openSqliteStore(file);
    expect((await store.get('job-7'))?.status).toBe('queued');
    await store.close();
  });

  it('refuses to open a file with 20 kB of garbage in the middle, saying how to recover', async () => {
    await filled();
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(100_000);
    const fd = openSync(file, 'r+');
    const garbage = Buffer.alloc(20_000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
    writeSync(fd, garbage, 0, garbage.length, Math.floor(size / 2));
    closeSync(fd);
    expect(() => openSqliteStore(file)).toThrow(/is damaged .*Recovering the database/);
  });

  it('refuses an empty (0-byte) or missing database where one was created, and starts afresh only when told to', async () => {
    await filled();
    truncateSync(file, 0);
    expect(() => openSqliteStore(file)).toThrow(/is empty \(0 bytes\), but one was created there/);
    unlinkSync(file);
    expect(() => openSqliteStore(file)).toThrow(/is missing, but one was created there/);
    unlinkSync(`${file}.created`);
    const fresh = openSqliteStore(file);
    expect(await fresh.get('job-7')).toBeNull();
    await fresh.close();
    expect(existsSync(`${file}.created`)).toBe(true);
  });
});

describe('the full check on demand (npm run db:check)', () => {
  it('finds a sound file sound and names the problems of a damaged one', async () => {
    await filled();
    expect(checkDatabaseIntegrity(file)).toEqual([]);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8_192, 0x5a), 0, 8_192, Math.floor(statSync(file).size / 2));
    closeSync(fd);
    expect(checkDatabaseIntegrity(file).length).toBeGreaterThan(0);
    expect(checkDatabaseIntegrity(path.join(dir, 'nope.db'))).toEqual([`${path.join(dir, 'nope.db')} does not exist`]);
  });
});

describe('a damaged write-ahead log after a crash', () => {
  /** Copies the database and its log as a crash would leave them (the store still open: nothing checkpointed). */
  async function crashCopy(events: number): Promise<{ copy: string; wal: Buffer }> {
    const store = openSqliteStore(file);
    for (let i = 0; i < events; i++) await store.accept({ deliveryKey: `w${i}`, source: 'standard', type: 'application.created', payload: JSON.stringify({ i }), receivedAt: i }, `wal-${i}`);
    const copy = path.join(dir, 'copy.db');
    copyFileSync(file, copy);
    copyFileSync(`${file}-wal`, `${copy}-wal`);
    copyFileSync(`${file}.created`, `${copy}.created`);
    await store.close();
    return { copy, wal: readFileSync(`${copy}-wal`) };
  }

  it('opens a sound log with every acknowledged event', async () => {
    const { copy, wal } = await crashCopy(20);
    expect(wal.length).toBeGreaterThan(32);
    expect(committedAfterDamage(wal)).toBe(0);
    const store = openSqliteStore(copy);
    expect((await Promise.all(Array.from({ length: 20 }, (_, i) => store.get(`wal-${i}`)))).map((j) => j?.status)).toEqual(Array.from({ length: 20 }, () => 'queued'));
    await store.close();
  });

  it('refuses a log damaged before committed transactions, instead of dropping them', async () => {
    const { copy, wal } = await crashCopy(20);
    // Flip bytes in the page data of the log's second frame: every later commit is then unreachable.
    const pageSize = wal.readUInt32BE(8);
    const at = 32 + (24 + pageSize) + 24 + 100;
    const damaged = Buffer.from(wal);
    for (let i = 0; i < 16; i++) damaged[at + i] = (damaged[at + i] ?? 0) ^ 0xff;
    writeFileSync(`${copy}-wal`, damaged);
    expect(committedAfterDamage(damaged)).toBeGreaterThan(5);
    expect(() => openSqliteStore(copy)).toThrow(/write-ahead log .* is damaged: \d+ committed transaction/);
  });

  it('accepts a log whose only damage is a torn last write (never acknowledged)', async () => {
    const { wal } = await crashCopy(5);
    const pageSize = wal.readUInt32BE(8);
    const frames = Math.floor((wal.length - 32) / (24 + pageSize));
    const torn = Buffer.from(wal);
    const last = 32 + (frames - 1) * (24 + pageSize) + 24 + 10;
    torn[last] = (torn[last] ?? 0) ^ 0xff;
    expect(committedAfterDamage(torn)).toBe(0);
  });
});
