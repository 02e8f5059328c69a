/**
 * OCR: seconds per page of a scan (a one-page PNG and a two-page scanned PDF), the peak resident
 * memory while it runs, and how much a text PDF's analysis slows down while OCR runs beside it,
 * compared with the same text PDF alone, in the same run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/main/config';
import { createServices } from '../src/main/compose';
import { round, spread, type Spread } from './stats';

export interface OcrBench {
  secondsPerPage: { image: Spread; scannedPdf: Spread };
  peakRssMb: number;
  restRssMb: number;
  textPdfAloneMs: Spread;
  textPdfBesideOcrMs: Spread;
  /** textPdfBesideOcrMs / textPdfAloneMs (medians). */
  slowdown: number;
}

export async function benchOcr(root: string, runs: number): Promise<OcrBench> {
  const services = createServices(loadConfig({ ...process.env, LOG_LEVEL: 'silent', DB_PATH: ':memory:', PDF_WORKERS: '2' }));
  const read = (file: string): Buffer => readFileSync(path.join(root, 'fixtures', file));
  const image = read('scan-clean.png');
  const scanned = read('scanned-two-page.pdf');
  const textPdf = read('latex-two-column.pdf');
  const analyze = async (bytes: Buffer, filename: string): Promise<number> => {
    const t = performance.now();
    await services.analyzer.analyze(bytes, { filename }, 'cv');
    return performance.now() - t;
  };
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  try {
    await services.warmUp();
    const restRss = process.memoryUsage().rss;
    await analyze(image, 'warm.png'); // starts the OCR thread
    const imageMs: number[] = [];
    const pdfMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      imageMs.push(await analyze(image, 'scan.png'));
      pdfMs.push((await analyze(scanned, 'scan.pdf')) / 2);
    }
    // Unmeasured runs first, each time: the first few after a change of load are slower (heaps
    // and caches settling), and would flatter whichever side came second.
    for (let i = 0; i < runs; i++) await analyze(textPdf, 'cv.pdf');
    const alone: number[] = [];
    for (let i = 0; i < runs * 3; i++) alone.push(await analyze(textPdf, 'cv.pdf'));
    // The same text PDFs while scans are read by OCR without pause.
    let busy = true;
    const ocrLoop = (async () => {
      while (busy) await analyze(scanned, 'scan.pdf');
    })();
    for (let i = 0; i < runs; i++) await analyze(textPdf, 'cv.pdf');
    const beside: number[] = [];
    for (let i = 0; i < runs * 3; i++) beside.push(await analyze(textPdf, 'cv.pdf'));
    busy = false;
    await ocrLoop;
    const a = spread(alone);
    const b = spread(beside);
    return {
      secondsPerPage: { image: spread(imageMs.map((m) => m / 1000)), scannedPdf: spread(pdfMs.map((m) => m / 1000)) },
      peakRssMb: round(peak / 2 ** 20, 0),
      restRssMb: round(restRss / 2 ** 20, 0),
      textPdfAloneMs: a,
      textPdfBesideOcrMs: b,
      slowdown: round(b.median / a.median),
    };
  } finally {
    clearInterval(sampler);
    await services.close();
  }
}
