import path from 'node:path';
import { Piscina } from 'piscina';
import { SkillmatchError } from '../core/0-base/errors';
import type { AnalysisWorkerData, AnalysisWorkerResult, AnalysisWorkerTask } from './analysis-worker';
import type { AnalysisOffload } from '../app/ports';
import type { Extraction } from '../core/1-text/schema';
import type { Analysis } from '../core/4-analyze/schema';

export interface AnalysisPoolOptions {
  threads: number;
  timeoutMs: number;
  memoryMb: number;
  lexiconDir: string;
  /** The page bound of the extractor (a DOCX's pages are not counted, but the option is the same). */
  maxPages: number;
}

export interface AnalysisPool extends AnalysisOffload {
  close(): Promise<void>;
}

function workerFile(): { filename: string; execArgv: string[] } {
  // Under ts-node-like runners (jest, tsx) this file is TypeScript, and so is the worker.
  const ext = path.extname(__filename);
  return { filename: path.join(__dirname, `analysis-worker${ext}`), execArgv: ext === '.ts' ? ['--import', 'tsx'] : [] };
}

/**
 * Worker threads for large documents. No thread runs until a large document comes, and an idle
 * one exits after a while, so the pool costs no memory at rest; each has a memory cap and each
 * task a time limit.
 */
export function createAnalysisPool(options: AnalysisPoolOptions): AnalysisPool {
  const { filename, execArgv } = workerFile();
  const workerData: AnalysisWorkerData = { lexiconDir: options.lexiconDir };
  const newPool = (): Piscina<AnalysisWorkerTask, AnalysisWorkerResult> => {
    const created = new Piscina<AnalysisWorkerTask, AnalysisWorkerResult>({
      filename,
      execArgv,
      workerData,
      minThreads: 0,
      maxThreads: options.threads,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: 32 },
    });
    // A worker that dies (out of memory) leaves the pool unable to run tasks: it is replaced.
    created.on('error', () => {
      if (created !== pool) return;
      pool = newPool();
      created.destroy().catch(() => undefined);
    });
    return created;
  };
  let pool = newPool();

  async function run(task: AnalysisWorkerTask): Promise<{ extraction: Extraction; analysis: Analysis }> {
      let result: AnalysisWorkerResult;
      try {
        result = await pool.run(task, { signal: AbortSignal.timeout(options.timeoutMs) });
      } catch (error) {
        if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
          throw new SkillmatchError('document-too-complex', `Analysing the document took longer than ${options.timeoutMs} ms and was stopped.`, { limitMs: options.timeoutMs });
        }
        throw new SkillmatchError('document-too-complex', `Analysing the document needed more than ${options.memoryMb} MB of memory, or its worker stopped.`, { limitMb: options.memoryMb });
      }
      if (!result.ok) throw new SkillmatchError(result.code, result.detail, result.extra, result.fix);
      return { extraction: result.extraction, analysis: result.analysis };
  }

  return {
    analyzeBytes: (bytes, hints, kind, detail) => run({ type: 'bytes', bytes, hints, kind, options: { ...detail }, maxPages: options.maxPages }),
    analyzeExtraction: async (extraction, kind, detail) => (await run({ type: 'extraction', extraction, kind, options: { ...detail } })).analysis,
    async close() {
      await pool.destroy();
    },
  };
}
