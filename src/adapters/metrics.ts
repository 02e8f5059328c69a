import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { JobStore, Meter } from '../app/ports';
import type { QueueStats } from '../app/ports/job-store';

/**
 * Prometheus metrics with prom-client, one registry per service. Labels are closed sets only:
 * route patterns ("/v1/analyses/:id", never the path), methods, status codes, document formats,
 * stages and outcomes. No document text, file name, id or address ever becomes a label
 * (tests/http/metrics.test.ts checks the output for them).
 */
export interface Metrics {
  meter: Meter;
  contentType: string;
  /** The exposition text (collects the queue and pool figures first). */
  render(): Promise<string>;
}

/** Formats a label may take; anything else is "other", so a label never carries what a client sent. */
const FORMATS = new Set(['pdf', 'docx', 'html', 'markdown', 'text', 'unknown']);
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/**
 * The process and runtime metrics (CPU, memory, event-loop lag, GC): one set per process. Each
 * collection of them installs observers that live as long as the process, so they are made once
 * and shared, not made again for every service in the process (as tests make many).
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'skillmatch_' });
  }
  return processRegistry;
}

export function createMetrics(sources: { store?: JobStore; pdfPool?: () => { utilisation: number; queued: number; threads: number } }): Metrics {
  const registry = new Registry();
  const shared = processMetrics();
  /** The queue figures of the scrape in progress, read once for all the gauges that show them. */
  let scrape: Promise<QueueStats | null> | undefined;
  const requests = new Counter({ name: 'skillmatch_http_requests_total', help: 'HTTP requests by route pattern, method and status.', labelNames: ['route', 'method', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'skillmatch_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern and method.',
    labelNames: ['route', 'method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const limited = new Counter({ name: 'skillmatch_rate_limited_requests_total', help: 'Requests refused by a rate limit, per address or per API key.', labelNames: ['scope'], registers: [registry] });
  const documents = new Histogram({
    name: 'skillmatch_document_stage_duration_seconds',
    help: 'Time per document in each stage (extraction, analysis), by format.',
    labelNames: ['stage', 'format'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const store = sources.store;
  if (store) {
    // Read from the store once per scrape (the gauges collect in parallel and share one read).
    // With PostgreSQL every replica reports the same shared queue: aggregate with max(), not sum().
    const stats = (): Promise<QueueStats | null> => {
      scrape ??= store.queueStats(Date.now()).catch(() => null);
      return scrape;
    };
    const gauge = (name: string, help: string, labelNames: string[], set: (g: Gauge, s: QueueStats) => void): void => {
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          const s = await stats();
          if (s) set(this, s);
        },
      });
    };
    gauge('skillmatch_jobs', 'Webhook jobs by state (queued, running).', ['state'], (g, s) => {
      g.set({ state: 'queued' }, s.queued);
      g.set({ state: 'running' }, s.running);
    });
    gauge('skillmatch_oldest_queued_job_age_seconds', 'How long the oldest queued job has waited.', [], (g, s) => g.set(s.oldestQueuedAgeMs / 1000));
    gauge('skillmatch_callbacks', 'Callback deliveries by outcome (pending, delivered, failed).', ['outcome'], (g, s) => {
      for (const [outcome, n] of Object.entries(s.deliveries)) g.set({ outcome }, n);
    });
    gauge('skillmatch_dead_letters', 'Callbacks that failed for good (GET /v1/deliveries?status=failed).', [], (g, s) => g.set(s.deliveries.failed));
    new Gauge({
      name: 'skillmatch_store_up',
      help: '1 when the job store answered this scrape, 0 when it did not.',
      registers: [registry],
      async collect() {
        this.set((await stats()) ? 1 : 0);
      },
    });
  }
  const pdfPool = sources.pdfPool;
  if (pdfPool) {
    const poolGauge = (name: string, help: string, value: (s: { utilisation: number; queued: number; threads: number }) => number): void => {
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(value(pdfPool()));
        },
      });
    };
    poolGauge('skillmatch_pdf_pool_utilisation', 'Share of time the PDF worker pool has been busy (0 to 1).', (s) => s.utilisation);
    poolGauge('skillmatch_pdf_pool_queued', 'PDFs waiting for a worker.', (s) => s.queued);
    poolGauge('skillmatch_pdf_pool_threads', 'Worker threads of the PDF pool.', (s) => s.threads);
  }
  return {
    meter: {
      request(route, method, status, seconds) {
        const m = METHODS.has(method) ? method : 'other';
        requests.inc({ route, method: m, status: String(status) });
        latency.observe({ route, method: m }, seconds);
      },
      rateLimited(scope) {
        limited.inc({ scope });
      },
      document(stage, format, seconds) {
        documents.observe({ stage, format: FORMATS.has(format) ? format : 'other' }, seconds);
      },
    },
    contentType: registry.contentType,
    render: async () => {
      scrape = undefined;
      return `${await registry.metrics()}\n${await shared.metrics()}`;
    },
  };
}
