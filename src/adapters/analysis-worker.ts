/**
 * Runs inside a worker thread of the analysis pool: the whole pipeline for a large text document
 * (decode, normalise, sections, mentions, context, scores), or the analysis of a long text a PDF
 * gave, off the service's event loop. Builds its own lexicon and language services once.
 * Problems cross the thread boundary as plain data, never as exceptions.
 */
import { workerData } from 'node:worker_threads';
import { isSkillmatchError, SkillmatchError, type ErrorCode } from '../core/0-base/errors';
import type { NlpPort } from '../core/0-base/nlp-port';
import { extractDocument, type ExtractorPorts } from '../core/1-text/document-text';
import type { Extraction } from '../core/1-text/schema';
import type { FileHints } from '../core/1-text/sniff';
import { compileLexicon, type CompiledLexicon } from '../core/2-lexicon/compile';
import { analyzeExtraction, type AnalyzeOptions } from '../core/4-analyze/analyze';
import type { Analysis, KindRequest } from '../core/4-analyze/schema';
import { readDocx } from './docx';
import { htmlToText } from './html';
import { readLexiconSource } from './lexicon-files';
import { markdownToHtml } from './markdown';
import { createNlp } from './nlp';

export interface AnalysisWorkerData {
  lexiconDir: string;
}

export type AnalysisWorkerTask =
  | { type: 'bytes'; bytes: Uint8Array; hints: FileHints; kind: KindRequest; options: Pick<AnalyzeOptions, 'unmappedNounPhrases' | 'unmappedTerms'>; maxPages: number }
  | { type: 'extraction'; extraction: Extraction; kind: KindRequest; options: Pick<AnalyzeOptions, 'unmappedNounPhrases' | 'unmappedTerms'> };

export type AnalysisWorkerResult =
  | { ok: true; extraction: Extraction; analysis: Analysis }
  | { ok: false; code: ErrorCode; detail: string; extra: Record<string, string | number | boolean>; fix: string };

let ready: { lexicon: CompiledLexicon; nlp: NlpPort } | undefined;

/** PDFs are read by the PDF pool before they get here; this pool is never handed one. */
const ports: ExtractorPorts = {
  readPdf: () => Promise.reject(new SkillmatchError('internal', 'The analysis worker reads no PDF.')),
  readDocx: (bytes) => readDocx(bytes),
  htmlToText,
  markdownToHtml,
};

export default async function run(task: AnalysisWorkerTask): Promise<AnalysisWorkerResult> {
  try {
    if (!ready) {
      const nlp = createNlp();
      ready = { nlp, lexicon: compileLexicon(readLexiconSource((workerData as AnalysisWorkerData).lexiconDir), nlp) };
    }
    const extraction = task.type === 'bytes' ? await extractDocument(task.bytes, ports, { ...task.hints, maxPages: task.maxPages }) : task.extraction;
    const { analysis } = analyzeExtraction(extraction, ready.lexicon, ready.nlp, { ...task.options, kind: task.kind });
    return { ok: true, extraction, analysis };
  } catch (error) {
    const known = isSkillmatchError(error) ? error : new SkillmatchError('internal', 'The document could not be analysed.');
    return { ok: false, code: known.code, detail: known.detail, extra: { ...known.extra }, fix: known.fix };
  }
}
