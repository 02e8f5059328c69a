import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './support/server-process';

describe('server process', () => {
  it('drains an in-flight upload on SIGTERM, then exits 0; logs hold no document text', async () => {
    const { child, port, logs } = await startServer();
    const boundary = 'B0undary';
    const secret = 'Confidential candidate text: Zyxwv Qutsr, Python and C++ engineer.';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    const body = Buffer.from(head + secret + tail);

    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { port, host: '127.0.0.1', method: 'POST', path: '/v1/extract', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': body.length } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      // Send half the body, signal the server, then finish: the request is in flight throughout.
      req.write(body.subarray(0, 40));
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => req.end(body.subarray(40)), 300);
      }, 200);
    });
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const res = await response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).text).toBe(secret);
    expect(await exit).toBe(0);
    const allLogs = logs.join('');
    expect(allLogs).toContain('shutting down');
    expect(allLogs).not.toContain('Zyxwv');
    expect(allLogs).not.toContain('cv.txt');
  });

  it('collects start-up garbage once before it says ready, unless IDLE_GC_MS is 0', async () => {
    // Preloaded: prints a line for each full collection called for by code (gc()), not by V8's own schedule.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-gc-'));
    const observer = path.join(dir, 'forced-gc.mjs');
    writeFileSync(
      observer,
      `import { PerformanceObserver, constants } from 'node:perf_hooks';
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR && (e.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED)) process.stdout.write('{"msg":"forced full collection"}\\n');
      }).observe({ entryTypes: ['gc'] });`,
    );
    const forcedBy = async (env: Record<string, string>): Promise<number> => {
      const { child, logs } = await startServer(env, { preload: [observer] });
      try {
        for (let i = 0; i < 300 && !logs.join('').includes('"msg":"ready"'); i++) await new Promise((r) => setTimeout(r, 100));
        expect(logs.join('')).toContain('"msg":"ready"');
        // No request comes: nothing else calls for a collection; the observer reports after the fact.
        await new Promise((r) => setTimeout(r, 500));
        return logs.join('').split('"msg":"forced full collection"').length - 1;
      } finally {
        child.kill('SIGKILL');
      }
    };
    try {
      expect(await forcedBy({})).toBe(1);
      expect(await forcedBy({ IDLE_GC_MS: '0' })).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses to start on a bad configuration, naming the variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'src', 'main', 'server.ts')], {
      env: { ...process.env, PORT: 'eighty' },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT/);
  });
});
