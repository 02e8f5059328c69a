import path from 'node:path';
import { readDocx } from '../adapters/docx';
import { createDocumentFetcher, type FetchPolicy } from '../adapters/fetch-url';
import { htmlToText } from '../adapters/html';
import { readLexiconSource } from '../adapters/lexicon-files';
import type { Logger } from '../adapters/logger';
import { markdownToHtml } from '../adapters/markdown';
import { createAnalysisPool } from '../adapters/analysis-pool';
import { createNlp } from '../adapters/nlp';
import { createPdfReader, type PdfReader } from '../adapters/pdf';
import { createMetrics, type Metrics } from '../adapters/metrics';
import { createOcr } from '../adapters/ocr';
import { openPostgresStore } from '../adapters/postgres-store';
import { openSqliteStore } from '../adapters/sqlite-store';
import { createAnalyzer } from '../app/analyze-document';
import type { Analyzer, DocumentFetcher, Extractor, JobStore, RateCounter } from '../app/ports';
import type { NlpPort } from '../core/0-base/nlp-port';
import { extractDocument, type ExtractorPorts } from '../core/1-text/document-text';
import { compileLexicon, type CompiledLexicon } from '../core/2-lexicon/compile';
import type { AppDeps } from '../http/app';
import { createUploadBudget } from '../http/upload-budget';
import type { Config } from './config';
import { DEFAULT_LEXICON_DIR, ROOT } from './paths';

/** The composition root's product: real adapters wired into the core, and their lifecycle. */
export interface Services {
  extractor: Extractor;
  analyzer: Analyzer;
  store: JobStore;
  /** Prometheus metrics: what each request and document cost, the queue, the PDF pool. */
  metrics: Metrics;
  /** Request counts every replica shares (with PostgreSQL); absent, each process counts its own. */
  rateCounter?: RateCounter;
  /** The policy the fetcher follows (allow-list, sizes, time), for tools that derive another. */
  fetchPolicy: FetchPolicy;
  fetcher: DocumentFetcher;
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

/** Reads and compiles the lexicon; a broken lexicon stops start-up with the problems listed. */
export function loadLexicon(nlp: NlpPort, dir: string = DEFAULT_LEXICON_DIR): CompiledLexicon {
  return compileLexicon(readLexiconSource(dir), nlp);
}

export function createServices(config: Config): Services {
  const nlp = createNlp();
  const lexicon = loadLexicon(nlp, config.LEXICON_DIR);
  const pdf: PdfReader = createPdfReader({
    threads: config.PDF_WORKERS,
    timeoutMs: config.PDF_TIMEOUT_MS,
    memoryMb: config.PDF_WORKER_MEMORY_MB,
    idleMs: config.PDF_IDLE_MS,
  });
  // Scanned pages are rendered for OCR in a thread of their own, not in the text-PDF pool: a page
  // rendered at 300 dpi takes a pool thread for a while, and text PDFs would queue behind it. The
  // thread starts with the first scan and exits when OCR has been idle for OCR_IDLE_MS.
  const scanRenderer = config.OCR === 'auto' ? createPdfReader({ threads: 1, timeoutMs: config.PDF_TIMEOUT_MS, memoryMb: config.PDF_WORKER_MEMORY_MB, idleMs: config.OCR_IDLE_MS }) : undefined;
  const ocr = scanRenderer ? createOcr({ workers: config.OCR_WORKERS, timeoutMs: config.OCR_TIMEOUT_MS, idleMs: config.OCR_IDLE_MS, maxPages: config.OCR_MAX_PAGES, renderPdf: scanRenderer.renderPages }) : undefined;
  const ports: ExtractorPorts = {
    readPdf: pdf.readPdf,
    ...(ocr ? { ocr } : {}),
    readDocx: (bytes) => readDocx(bytes),
    htmlToText,
    markdownToHtml,
  };
  // The store is opened first: the metrics read the queue from it.
  // PostgreSQL when configured (several replicas share it, rate limits included); else SQLite.
  const postgres = config.DATABASE_URL ? openPostgresStore(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE }) : undefined;
  const store: JobStore = postgres ?? openSqliteStore(config.DB_PATH ?? path.join(config.DATA_DIR, 'skillmatch.db'), { maxMb: config.DB_MAX_MB });
  const metrics = createMetrics({ store, pdfPool: () => pdf.stats() });
  const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;
  const extractor: Extractor = {
    extract: async (bytes, hints) => {
      const started = process.hrtime.bigint();
      const extraction = await extractDocument(bytes, ports, { ...hints, maxPages: config.PDF_MAX_PAGES, maxOcrPages: config.OCR_MAX_PAGES });
      metrics.meter.document('extraction', extraction.format, seconds(started));
      return extraction;
    },
  };
  const analysisPool = createAnalysisPool({
    threads: config.ANALYSIS_WORKERS,
    timeoutMs: config.ANALYSIS_TIMEOUT_MS,
    memoryMb: config.ANALYSIS_WORKER_MEMORY_MB,
    lexiconDir: config.LEXICON_DIR ?? DEFAULT_LEXICON_DIR,
    maxPages: config.PDF_MAX_PAGES,
  });
  const plainAnalyzer = createAnalyzer(extractor, lexicon, nlp, analysisPool);
  // Each document's whole analysis (extraction included) is measured, by its format.
  const analyzer: Analyzer = {
    ...plainAnalyzer,
    analyze: async (...args) => {
      const started = process.hrtime.bigint();
      const result = await plainAnalyzer.analyze(...args);
      metrics.meter.document('analysis', result.extraction.format, seconds(started));
      return result;
    },
  };
  const fetchPolicy: FetchPolicy = {
    allowedHosts: config.FETCH_ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter(Boolean),
    allowLoopback: config.FETCH_ALLOW_LOOPBACK === 'true',
    allowPrivate: config.FETCH_ALLOW_PRIVATE === 'true',
    maxBytes: config.MAX_FILE_BYTES,
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxRedirects: 3,
  };
  return {
    extractor,
    analyzer,
    store,
    metrics,
    ...(postgres ? { rateCounter: postgres } : {}),
    fetchPolicy,
    fetcher: createDocumentFetcher(fetchPolicy),
    // The PostgreSQL schema is migrated here when the database is up (else on first use).
    warmUp: async () => {
      await Promise.all([pdf.warmUp(), postgres?.ping().catch(() => undefined)]);
    },
    async close() {
      await analysisPool.close();
      await ocr?.close();
      await scanRenderer?.close();
      await pdf.close();
      await store.close();
    },
  };
}

/** The built web page: dist/web, seen from src/ (tsx, tests) or from dist/src/ (npm start). */
const WEB_DIR = path.join(ROOT, 'dist', 'web');

/** The app's dependencies as configured: the one place where settings meet the HTTP layer. */
export function appDeps(config: Config, services: Services, logger: Logger, isReady: () => boolean): AppDeps {
  return {
    extractor: services.extractor,
    analyzer: services.analyzer,
    logger,
    limits: { maxFileBytes: config.MAX_FILE_BYTES, maxJsonBytes: config.MAX_JSON_BYTES, maxBatchBytes: config.MAX_BATCH_BYTES, maxCvs: config.MAX_CVS, uploadBudget: createUploadBudget(config.UPLOAD_MEMORY_MB * 1024 * 1024) },
    isReady,
    webDir: WEB_DIR,
    rateLimits: { perIpPerMinute: config.RATE_LIMIT_IP_PER_MINUTE, perKeyPerMinute: config.RATE_LIMIT_KEY_PER_MINUTE, ...(services.rateCounter ? { shared: services.rateCounter } : {}) },
    metrics: { meter: services.metrics.meter, exposeHere: config.METRICS_PORT === undefined, contentType: services.metrics.contentType, render: () => services.metrics.render() },
    corsOrigins: config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    apiKeyHashes: config.API_KEY_HASHES?.split(',') ?? [],
    jobs: {
      store: services.store,
      webhooks: { secrets: { standard: config.WEBHOOK_SECRET_STANDARD, greenhouse: config.WEBHOOK_SECRET_GREENHOUSE }, maxBytes: config.MAX_WEBHOOK_BYTES },
    },
  };
}
