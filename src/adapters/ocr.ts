import path from 'node:path';
import type { Scheduler } from 'tesseract.js';
import { SkillmatchError } from '../core/0-base/errors';
import type { OcrPage, OcrPort, OcrWord } from '../core/1-text/document-text';

// tesseract.js and the canvas library are loaded on the first page to read: a service that never
// meets a scan does not hold them in memory.
let libraries: { canvas: typeof import('@napi-rs/canvas'); tesseract: typeof import('tesseract.js') } | undefined;
function ocrLibraries(): NonNullable<typeof libraries> {
  libraries ??= { canvas: require('@napi-rs/canvas') as typeof import('@napi-rs/canvas'), tesseract: require('tesseract.js') as typeof import('tesseract.js') };
  return libraries;
}

/**
 * OCR with tesseract.js and the English model of @tesseract.js-data/eng, loaded from that package's
 * folder: nothing is ever downloaded (cacheMethod none, a local langPath). tesseract.js runs each
 * recognition in a worker thread of its own; a pool of them (OCR_WORKERS) is started on first use,
 * so OCR never shares the PDF pool's threads and cannot starve text PDFs. A recognition that
 * overruns OCR_TIMEOUT_MS is stopped: the pool is torn down and started afresh for the next one.
 */
export interface OcrOptions {
  workers: number;
  timeoutMs: number;
  /** The threads are stopped after this long without work (their memory is given back); the next page starts them again. */
  idleMs: number;
  maxPages: number;
  /** Renders the listed pages of a PDF to PNG images (the PDF worker pool does it, under its own caps). */
  renderPdf(bytes: Uint8Array, options: { pages: number[]; width: number }): Promise<Uint8Array[]>;
}

/** Page images for OCR: 2,480 pixels wide is an A4 page at 300 dpi, where tesseract reads best. */
const RENDER_WIDTH = 2_480;

/** The folder of the English model inside its npm package (4.0.0: the model tesseract.js 5+ reads). */
export function englishModelDir(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0');
}

/** Below this mean confidence a page is tried turned (see recognise). */
const TURN_BELOW_CONFIDENCE = 60;

/** The image turned by a quarter, half or three quarters, as PNG; null when the canvas cannot decode it. */
async function rotate(image: Uint8Array, degrees: 90 | 180 | 270 | number): Promise<Uint8Array | null> {
  try {
    const { loadImage, createCanvas } = ocrLibraries().canvas;
    const source = await loadImage(Buffer.from(image));
    const sideways = degrees % 180 !== 0;
    const canvas = createCanvas(sideways ? source.height : source.width, sideways ? source.width : source.height);
    const ctx = canvas.getContext('2d');
    ctx.translate(canvas.width / 2, canvas.height / 2);
    ctx.rotate((degrees * Math.PI) / 180);
    ctx.drawImage(source, -source.width / 2, -source.height / 2);
    return canvas.toBuffer('image/png');
  } catch {
    return null;
  }
}

/**
 * The words of a recognised page, in reading order, with their confidences (0–100), from
 * tesseract's TSV output: one row a word (level 5) with its confidence in column 11 and its text in
 * column 12. TSV rather than the block tree: the tree carries every symbol and its alternatives,
 * several times the memory and the work to hand back to this thread.
 */
function wordsOf(tsv: string | null): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of (tsv ?? '').split('\n')) {
    const cells = row.split('\t');
    if (cells[0] !== '5' || cells.length < 12) continue;
    const text = cells.slice(11).join('\t').trim();
    const confidence = Number(cells[10]);
    if (text && Number.isFinite(confidence) && confidence >= 0) words.push({ text, confidence: Math.round(confidence) });
  }
  return words;
}

export interface OcrEngine extends OcrPort {
  /** Whether the OCR threads are running (started by the first page, stopped when idle). */
  running(): boolean;
  close(): Promise<void>;
}

export function createOcr(options: OcrOptions): OcrEngine {
  let scheduler: Promise<Scheduler> | null = null;
  const start = async (): Promise<Scheduler> => {
    const { createScheduler, createWorker, PSM } = ocrLibraries().tesseract;
    const created = createScheduler();
    const workers = await Promise.all(
      Array.from({ length: options.workers }, async () => {
        const worker = await createWorker('eng', 1, { langPath: englishModelDir(), cacheMethod: 'none', gzip: true });
        // tesseract.js reads a page as one block of text by default; a CV has columns, tables
        // and headings: let tesseract find the layout itself (its own default).
        // debug_file: tesseract's own notes ("Estimating resolution as 338") would go to stdout,
        // in among the service's JSON log lines.
        await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, debug_file: '/dev/null' });
        return worker;
      }),
    );
    for (const w of workers) created.addWorker(w);
    return created;
  };
  const pool = (): Promise<Scheduler> => {
    scheduler ??= start().catch((error: unknown) => {
      scheduler = null;
      throw error;
    });
    return scheduler;
  };
  const stop = async (): Promise<void> => {
    const current = scheduler;
    scheduler = null;
    if (current) await (await current.catch(() => null))?.terminate();
  };

  // Pages in progress, and the timer that stops the threads once none has been for idleMs.
  let busy = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  const begin = (): void => {
    busy++;
    clearTimeout(idleTimer);
  };
  const end = (): void => {
    busy--;
    if (busy > 0) return;
    idleTimer = setTimeout(() => void stop(), options.idleMs);
    idleTimer.unref();
  };

  async function recogniseOnce(image: Uint8Array): Promise<OcrPage> {
    begin();
    try {
      return await recogniseTimed(image);
    } finally {
      end();
    }
  }

  async function recogniseTimed(image: Uint8Array): Promise<OcrPage> {
    const ready = await pool();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SkillmatchError('extraction-timeout', `Reading the image by OCR took longer than ${options.timeoutMs} ms and was stopped.`, { limitMs: options.timeoutMs })), options.timeoutMs);
    });
    try {
      // tsv: the words with their own confidences, so each piece of evidence can carry its own.
      const result = await Promise.race([ready.addJob('recognize', Buffer.from(image), { rotateAuto: true }, { text: true, tsv: true }), timeout]);
      return { text: result.data.text, confidence: result.data.confidence, words: wordsOf(result.data.tsv) };
    } catch (error) {
      if (error instanceof SkillmatchError) {
        await stop(); // the overrunning recognition dies with its pool
        throw error;
      }
      throw new SkillmatchError('unreadable-document', 'The image could not be decoded: the file is corrupt or not really an image.');
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A page read with little confidence may be sideways or upside down (the English model has no
   * orientation detection): it is read again turned 90, 180 and 270 degrees, and the best reading
   * is kept. Small skews are straightened by tesseract itself (rotateAuto).
   */
  async function recognise(image: Uint8Array): Promise<OcrPage> {
    const upright = await recogniseOnce(image);
    if (upright.confidence >= TURN_BELOW_CONFIDENCE) return upright;
    let best = upright;
    for (const degrees of [90, 180, 270]) {
      const turned = await rotate(image, degrees);
      if (!turned) break; // an image the canvas cannot decode (TIFF): kept as read, its low confidence says so
      const reading = await recogniseOnce(turned);
      if (reading.confidence > best.confidence + 10) best = reading;
    }
    return best;
  }

  return {
    readImage: (bytes) => recognise(bytes),
    async readPdfPages(bytes, { pages: wanted }) {
      const images = await options.renderPdf(bytes, { pages: wanted.slice(0, options.maxPages), width: RENDER_WIDTH });
      const pages: OcrPage[] = [];
      for (const image of images) pages.push(await recognise(image));
      return pages;
    },
    running: () => scheduler !== null,
    async close() {
      clearTimeout(idleTimer);
      await stop();
    },
  };
}
