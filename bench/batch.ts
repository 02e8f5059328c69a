/**
 * Batch match: 50 two-page PDF CVs against one job ad, in one POST /v1/match over real HTTP
 * (loopback) to the service running in this process with its default worker pool.
 */
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/main/config';
import { createApp } from '../src/http/app';
import { createLogger } from '../src/adapters/logger';
import { appDeps, createServices } from '../src/main/compose';
import { spread, type Spread } from './stats';

export interface BatchBench {
  cvs: number;
  pagesPerCv: number;
  workers: number;
  ms: Spread;
}

const JOB = 'Machine Learning Engineer\n\nRequirements\n- 3+ years of Python.\n- PyTorch or scikit-learn.\n- Statistics and experimentation.\n- Unit tests and code review.\n\nNice to have\n- C++.\n- Kubernetes.';

export async function benchBatch(root: string, runs: number): Promise<BatchBench> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const services = createServices(config);
  await services.warmUp();
  const app = createApp(appDeps(config, services, createLogger('silent'), () => true));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const pdf = readFileSync(path.join(root, 'fixtures', 'latex-two-column.pdf'));
  const cvs = 50;
  const samples: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const form = new FormData();
      form.append('jobText', JOB);
      for (let i = 0; i < cvs; i++) form.append('cv', new Blob([pdf], { type: 'application/pdf' }), `cv-${String(i).padStart(2, '0')}.pdf`);
      const t = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/v1/match`, { method: 'POST', body: form });
      const body = (await res.json()) as { results?: unknown[] };
      samples.push(performance.now() - t);
      if (res.status !== 200 || body.results?.length !== cvs) throw new Error(`batch match failed: HTTP ${res.status}`);
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await services.close();
  }
  return { cvs, pagesPerCv: 2, workers: config.PDF_WORKERS, ms: spread(samples) };
}
