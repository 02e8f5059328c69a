import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_LOG_DIR } from '../helpers';

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  port: number;
  /** Everything the process wrote, stdout and stderr. */
  logs: string[];
  /** Open file descriptors of the process, and its resident memory in MB (Linux /proc). */
  openFds(): number;
  rssMb(): number;
}

/** Starts src/main/server.ts in its own process, as `npm start` does, on a free port; resolves once it listens. */
export function startServer(env: Record<string, string> = {}, options: { preload?: string[] } = {}): Promise<ServerProcess> {
  const preload = (options.preload ?? []).flatMap((file) => ['--import', file]);
  // A data directory of its own unless the test gives one; it is removed when the process exits,
  // so no store is left behind in the temporary directory.
  const ownDataDir = env.DATA_DIR === undefined ? mkdtempSync(path.join(os.tmpdir(), 'skillmatch-')) : undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload, path.join(__dirname, '..', '..', 'src', 'main', 'server.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PDF_WORKERS: '1', LOG_LEVEL: 'info', ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}), ...env },
  });
  if (ownDataDir) child.on('exit', () => rmSync(ownDataDir, { recursive: true, force: true }));
  const logs: string[] = [];
  const proc = `/proc/${child.pid}`;
  // Its log lines join the suite's, for the scan for CV text after the suite (tests/log-scan).
  mkdirSync(TEST_LOG_DIR, { recursive: true });
  const logFile = path.join(TEST_LOG_DIR, `process-${child.pid}.ndjson`);
  child.stdout.on('data', (chunk: Buffer) => appendFileSync(logFile, chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // A server that never said it listens is not left running behind the test.
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${logs.join('')}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      logs.push(chunk.toString());
      for (const line of chunk.toString().split('\n')) {
        const port = /"msg":"listening"/.test(line) ? (JSON.parse(line) as { port?: number }).port : undefined;
        if (port) {
          clearTimeout(timer);
          resolve({
            child,
            port,
            logs,
            openFds: () => readdirSync(`${proc}/fd`).length,
            rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`${proc}/status`, 'utf8'))?.[1] ?? 0) / 1024,
          });
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${logs.join('')}`));
    });
  });
}
