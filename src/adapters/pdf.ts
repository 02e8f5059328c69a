import path from 'node:path';
import { Piscina } from 'piscina';
import { SkillmatchError } from '../core/0-base/errors';
import type { PdfReadResult } from '../core/1-text/document-text';
import type { PdfPoolResult, PdfWorkerTask } from './pdf-worker';
import { unpackPage } from './pdf-pages-wire';

export interface PdfPoolOptions {
  threads: number;
  timeoutMs: number;
  memoryMb: number;
  /** A worker idle this long exits and gives its memory back; the next PDF starts one again. */
  idleMs?: number;
}

export interface PdfReader {
  readPdf(bytes: Uint8Array, options: { maxPages: number }): Promise<PdfReadResult>;
  /** The listed pages (1-based) rendered to PNG images, in order (for OCR of scanned pages). */
  renderPages(bytes: Uint8Array, options: { pages: number[]; width: number }): Promise<Uint8Array[]>;
  /** Loads pdf.js in every worker so the first real request does not pay for it. */
  warmUp(): Promise<void>;
  /** How busy the pool is: its utilisation (0–1, since it started), PDFs waiting and threads. */
  stats(): { utilisation: number; queued: number; threads: number };
  close(): Promise<void>;
}

/** The smallest well-formed one-page PDF with a line of text, for warming the pool. */
const WARM_UP_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
    '4 0 obj<</Length 35>>stream\nBT /F1 12 Tf 20 100 Td (warm) Tj ET\nendstream endobj\n' +
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

function workerFile(): { filename: string; execArgv: string[] } {
  // Under ts-node-like runners (jest, tsx) this file is TypeScript, and so is the worker.
  const ext = path.extname(__filename);
  const filename = path.join(__dirname, `pdf-worker${ext}`);
  return { filename, execArgv: ext === '.ts' ? ['--import', 'tsx'] : [] };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/**
 * A pool of worker threads that read PDFs with a time limit and a memory cap per document. A warm
 * pdf.js worker holds about 35 MB at rest and more after large files; idle ones exit, so a quiet
 * service does not keep them.
 */
export function createPdfReader(options: PdfPoolOptions): PdfReader {
  const { filename, execArgv } = workerFile();
  const newPool = (): Piscina<PdfWorkerTask, PdfPoolResult> => {
    const created = new Piscina<PdfWorkerTask, PdfPoolResult>({
      filename,
      execArgv,
      // No thread is kept at rest: warmUp starts them, and each exits after idleMs without work.
      minThreads: 0,
      maxThreads: options.threads,
      idleTimeout: options.idleMs ?? 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: 16 },
    });
    // A worker that dies (out of memory on a hostile PDF) is reported on the pool, not on its task,
    // and leaves the pool unable to run tasks: the pool is replaced. (Without a listener, the
    // error would take the whole service down.)
    created.on('error', () => replacePool(created));
    return created;
  };
  let pool = newPool();
  /** Counts replacements: a task that saw one fail under it is run once more on the new pool. */
  let generation = 0;
  const replacePool = (failed: Piscina<PdfWorkerTask, PdfPoolResult>): void => {
    if (failed !== pool) return;
    generation++;
    pool = newPool();
    // Rejects the tasks still held by the failed pool, the one that killed its worker among them.
    failed.destroy().catch(() => undefined);
  };

  async function runTask(task: PdfWorkerTask, retried: boolean): Promise<PdfPoolResult> {
    const seen = generation;
    try {
      return await pool.run(task, { signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      if (isAbort(error)) {
        throw new SkillmatchError('extraction-timeout', `Reading the PDF took longer than ${options.timeoutMs} ms and was stopped.`, {
          limitMs: options.timeoutMs,
        });
      }
      const code = (error as { code?: unknown }).code;
      const poolFailed = generation !== seen;
      // Run once more if the pool failed under this task: it may have been another task's fault.
      if (poolFailed && !retried) return runTask(task, true);
      if (code === 'ERR_WORKER_OUT_OF_MEMORY' || poolFailed) {
        throw new SkillmatchError('document-too-complex', `Reading the PDF needed more than ${options.memoryMb} MB of memory.`, {
          limitMb: options.memoryMb,
        });
      }
      throw new SkillmatchError('unreadable-document', 'The PDF reader stopped unexpectedly on this file.');
    }
  }

  async function readPdf(bytes: Uint8Array, { maxPages }: { maxPages: number }): Promise<PdfReadResult> {
    const result = await runTask({ bytes, maxPages }, false);
    if (!result.ok) throw new SkillmatchError(result.code, result.detail);
    return { totalPages: result.totalPages, pages: result.pages.map(unpackPage) };
  }

  /** The listed pages rendered to PNG images `width` pixels wide, in the same pool, under the same time and memory caps. */
  async function renderPages(bytes: Uint8Array, { pages, width }: { pages: number[]; width: number }): Promise<Uint8Array[]> {
    if (pages.length === 0) return [];
    const result = await runTask({ bytes, maxPages: Math.max(...pages), renderWidth: width, renderPages: pages }, false);
    if (!result.ok) throw new SkillmatchError(result.code, result.detail);
    return result.images ?? [];
  }

  return {
    readPdf,
    renderPages,
    async warmUp() {
      await Promise.all(Array.from({ length: options.threads }, () => readPdf(WARM_UP_PDF, { maxPages: 1 }).catch(() => undefined)));
    },
    stats: () => ({ utilisation: pool.utilization, queued: pool.queueSize, threads: pool.threads.length }),
    async close() {
      await pool.destroy();
    },
  };
}
