import { createNlp } from '../../src/adapters/nlp';
import { analyzeExtraction, type AnalysisTrace } from '../../src/core/4-analyze/analyze';
import type { Analysis, DocumentKind } from '../../src/core/4-analyze/schema';
import { extractDocument, type ExtractorPorts } from '../../src/core/1-text/document-text';
import { loadLexicon } from '../../src/main/compose';

/** The real lexicon and NLP adapter, compiled once per test file. */
export const nlp = createNlp();
export const lexicon = loadLexicon(nlp);

/** Text documents need no PDF or DOCX reader. */
const textOnly: ExtractorPorts = {
  readPdf: () => Promise.reject(new Error('not used')),
  readDocx: () => Promise.reject(new Error('not used')),
  htmlToText: (html) => ({ text: html, truncated: false }),
  markdownToHtml: (md) => md,
};

export async function analyzeText(text: string, kind: DocumentKind | 'auto' = 'cv'): Promise<{ analysis: Analysis; trace: AnalysisTrace }> {
  const extraction = await extractDocument(Buffer.from(text), textOnly, { filename: 'doc.txt', maxPages: 30 });
  return analyzeExtraction(extraction, lexicon, nlp, { kind });
}

/** Terms whose mentions were accepted, with their modality: "pytorch:normal". */
export async function acceptedTerms(text: string, kind: DocumentKind | 'auto' = 'cv'): Promise<string[]> {
  const { trace } = await analyzeText(text, kind);
  return trace.mentions.filter((m) => m.judgement.accepted).map((m) => `${m.mention.term.entry.id}:${m.judgement.modality}`);
}

export async function presentSkills(text: string, kind: DocumentKind | 'auto' = 'cv'): Promise<string[]> {
  const { analysis } = await analyzeText(text, kind);
  return analysis.skills.filter((s) => s.present).map((s) => s.id);
}
