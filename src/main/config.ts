import os from 'node:os';
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Every setting comes from the environment, is parsed once at start-up, and has a working default. */
export const configSchema = z.object({
  PORT: int(0, 65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest accepted upload, in bytes. */
  MAX_FILE_BYTES: int(1, 512 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Largest accepted JSON body, in bytes. */
  MAX_JSON_BYTES: int(1, 64 * 1024 * 1024).default(2 * 1024 * 1024),
  /** Largest /v1/match request, all files together, in bytes. */
  MAX_BATCH_BYTES: int(1, 2048 * 1024 * 1024).default(100 * 1024 * 1024),
  /** Most CVs in one /v1/match request. */
  MAX_CVS: int(1, 500).default(50),
  /** Pages of a PDF that are read; the rest are ignored with a warning. */
  PDF_MAX_PAGES: int(1, 10_000).default(30),
  /** auto: read scanned PDFs and PNG, JPEG and TIFF images by OCR; off: refuse them (422 no-text-layer, 415). */
  OCR: z.enum(['auto', 'off']).default('auto'),
  /** Pages of a scanned PDF that OCR reads. */
  OCR_MAX_PAGES: int(1, 50).default(5),
  /** Time limit to recognise one page image. */
  OCR_TIMEOUT_MS: int(1_000, 300_000).default(30_000),
  /** Threads that run OCR (started on first use), apart from the PDF workers. */
  OCR_WORKERS: int(1, 8).default(1),
  /** OCR threads are stopped after this long without work, and their memory (about 230 MB) given back. */
  OCR_IDLE_MS: int(1_000, 3_600_000).default(60_000),
  /** Time limit for reading one PDF, in milliseconds. */
  PDF_TIMEOUT_MS: int(100, 600_000).default(10_000),
  /** Heap limit of each PDF worker thread, in MB. */
  PDF_WORKER_MEMORY_MB: int(64, 8_192).default(256),
  /** PDF worker threads idle this long exit, giving their memory back; the next PDF starts one. */
  PDF_IDLE_MS: int(1_000, 3_600_000).default(60_000),
  /** After this long with no request in flight, one full garbage collection gives the garbage of the last burst back (and one runs once start-up is done); 0 turns both off. */
  IDLE_GC_MS: int(0, 3_600_000).default(5_000),
  /** PDF worker threads; defaults to the number of cores. */
  PDF_WORKERS: int(1, 64).default(Math.max(1, Math.min(4, os.availableParallelism()))),
  /**
   * Threads for large documents (text over 64 kB, or a PDF whose text is over 32,000 characters),
   * so they never hold the event loop; started when one comes, gone after 30 s idle.
   */
  ANALYSIS_WORKERS: int(1, 64).default(1),
  /**
   * Uploads held in memory at once, all requests together, in MB: past it, an upload waits (its
   * sender held back by TCP) until room is free. One larger than this runs alone.
   */
  UPLOAD_MEMORY_MB: int(1, 65_536).default(128),
  /** Time limit for analysing one large document, in milliseconds. */
  ANALYSIS_TIMEOUT_MS: int(100, 600_000).default(30_000),
  /** Heap limit of each analysis worker thread, in MB. */
  ANALYSIS_WORKER_MEMORY_MB: int(64, 8_192).default(256),
  /** Folder holding lexicon.yaml; defaults to the lexicon shipped with the service. */
  LEXICON_DIR: z.string().min(1).optional(),
  /**
   * postgres://user:password@host:5432/db: keep all durable state (jobs, callbacks, idempotency
   * keys, the audit export, rate-limit counts) in PostgreSQL, shared by every replica. Without it,
   * the embedded SQLite file (DB_PATH).
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//, 'give a postgres:// or postgresql:// URL, e.g. postgres://skillmatch@127.0.0.1:5432/skillmatch')
    .optional(),
  /**
   * Serve Prometheus metrics on this port only (bind it to an internal network); without it they
   * are at /metrics on the main port, keyed like /v1 when API keys are set. 0 lets the system pick
   * a free port, given in the "metrics listening" log line.
   */
  METRICS_PORT: int(0, 65_535).optional(),
  /** Connections each replica keeps to PostgreSQL. */
  DATABASE_POOL_SIZE: int(1, 100).default(10),
  /** SQLite file of the durable job queue; defaults to skillmatch.db in DATA_DIR. */
  DB_PATH: z.string().min(1).optional(),
  /** Largest size of the queue database in MB (0: no cap); past it, new events get 503 as on a full disk. */
  DB_MAX_MB: z.coerce.number().min(0).max(1_000_000).default(0),
  /** Secrets of the webhook sources; a source without one is not enabled. */
  WEBHOOK_SECRET_STANDARD: z.string().min(8).optional(),
  WEBHOOK_SECRET_GREENHOUSE: z.string().min(8).optional(),
  /** Largest webhook body (résumés may arrive inline, base64-encoded). */
  MAX_WEBHOOK_BYTES: int(1, 256 * 1024 * 1024).default(16 * 1024 * 1024),
  /** Hosts résumés may be fetched from, comma-separated; ".example.com" includes subdomains. */
  FETCH_ALLOWED_HOSTS: z.string().default(''),
  /** Allow fetching from loopback addresses over plain HTTP: for tests on one machine only. */
  FETCH_ALLOW_LOOPBACK: z.enum(['true', 'false']).default('false'),
  /** Allow fetching from private-network addresses (an ATS on the same network); link-local and metadata addresses stay refused. */
  FETCH_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  FETCH_TIMEOUT_MS: int(100, 300_000).default(15_000),
  /** Jobs processed at once, and attempts before a job fails for good. */
  JOB_CONCURRENCY: int(1, 64).default(2),
  JOB_MAX_ATTEMPTS: int(1, 50).default(5),
  /** How long a claimed job stays with its process before another may take it over. */
  JOB_LEASE_MS: int(1_000, 3_600_000).default(120_000),
  /** SHA-256 hashes (hex) of the API keys, comma-separated; when set, /v1 routes but the webhooks need a key. */
  API_KEY_HASHES: z
    .string()
    .regex(/^([0-9a-f]{64})(,[0-9a-f]{64})*$/, 'comma-separated SHA-256 hex digests; make one with npm run api-key')
    .optional(),
  /** Requests a minute per client address to the /v1 API (webhooks excepted); 0 turns the limit off. */
  RATE_LIMIT_IP_PER_MINUTE: int(0, 1_000_000).default(600),
  /** Requests a minute per API key (when keys are configured); 0 turns the limit off. */
  RATE_LIMIT_KEY_PER_MINUTE: int(0, 1_000_000).default(1_200),
  /** Origins allowed to call the API from a browser, comma-separated; empty (the default) allows none. */
  CORS_ORIGINS: z.string().default(''),
  /** Hours a finished job keeps its document (résumé); 0 deletes it as soon as the job is done. */
  DOCUMENT_RETENTION_HOURS: z.coerce.number().min(0).max(24 * 365).default(0),
  /** Where results are sent (Standard Webhooks), and the secret they are signed with. */
  CALLBACK_URL: z.url().optional(),
  CALLBACK_SECRET: z.string().min(8).optional(),
  /** Seconds before each callback retry, comma-separated; after the last, the delivery is dead-lettered. */
  CALLBACK_SCHEDULE: z
    .string()
    .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, 'a comma-separated list of seconds, e.g. 30,120,600')
    .default('30,120,600,1800,7200,21600,86400'),
  CALLBACK_TIMEOUT_MS: int(100, 120_000).default(10_000),
  /** How long SIGTERM waits for in-flight requests before closing them, in milliseconds. */
  SHUTDOWN_GRACE_MS: int(0, 600_000).default(10_000),
  /** Time a client has to send its request headers, and its whole request (slow-loris guard). */
  HEADERS_TIMEOUT_MS: int(500, 600_000).default(15_000),
  REQUEST_TIMEOUT_MS: int(1_000, 3_600_000).default(120_000),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = configSchema.safeParse(relevant);
  if (parsed.success && parsed.data.CALLBACK_URL && !parsed.data.CALLBACK_SECRET) {
    throw new ConfigError('Invalid configuration in the environment:\n  CALLBACK_SECRET: set it with CALLBACK_URL, so that callbacks are signed');
  }
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`Invalid configuration in the environment:\n${problems}`);
  }
  return parsed.data;
}
