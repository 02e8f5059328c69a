import type { Extraction, SectionKind } from '../1-text/schema';
import type { DocumentKind } from './schema';

const JOB_SECTIONS: ReadonlySet<SectionKind> = new Set(['requirements', 'responsibilities', 'preferred', 'benefits', 'about-company', 'about-role', 'application', 'other-jobs', 'job-details']);
const CV_SECTIONS: ReadonlySet<SectionKind> = new Set(['experience', 'education', 'publications', 'certifications', 'awards', 'languages', 'interests', 'references', 'volunteering']);

const JOB_PHRASES = /\b(?:we are looking for|we're looking for|you will|you'll|the ideal candidate|join (?:us|our team)|we offer|our team|about the role|apply (?:now|by|via|here)|to apply|salary|per annum|full[- ]time|part[- ]time|hybrid|remote[- ]first|equal opportunity|responsibilities|requirements|nice to have|your profile|what you will|we value|benefits)\b/gi;
// Each alternative starts at a fixed character class and is bounded: an e-mail address is found
// from its "@", not by trying a local part at every position, so the scan stays linear.
const CV_SIGNALS = /\b(?:i|my|me)\b|[\w.+-]@[\w-]{1,63}\.[\w.]{1,63}|\+?\d[\d ()-]{7,20}\d|\b(?:19|20)\d{2}\s*[–-]\s*(?:(?:19|20)\d{2}|present|now|current)\b/gi;

/** Matches of a global pattern, counted up to `cap`: the classifier needs no more than that. */
function countUpTo(re: RegExp, text: string, cap: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < cap && re.exec(text)) n++;
  re.lastIndex = 0;
  return n;
}

/** Most the phrase counts can add to either side (JOB_PHRASES up to 8; CV_SIGNALS up to 16 × 0.5). */
const MAX_PHRASE_SCORE = 8;

/**
 * Whether the text could still make a document read as the other kind with `minConfidence`: the
 * sections alone may already rule it out (a CV with Experience and Education headings cannot read
 * as a job ad, whatever its sentences say), and then no phrase need be counted.
 */
export function mayContradict(extraction: Extraction, stated: DocumentKind, minConfidence: number): boolean {
  let job = 0;
  let cv = 0;
  for (const s of extraction.sections) {
    if (JOB_SECTIONS.has(s.kind)) job += 2;
    if (CV_SECTIONS.has(s.kind)) cv += 2;
  }
  // confidence = 1 / (1 + e^(-|margin| / 2)) reaches minConfidence at this margin
  const needed = 2 * Math.log(minConfidence / (1 - minConfidence));
  const widest = stated === 'cv' ? job + MAX_PHRASE_SCORE - cv : cv + MAX_PHRASE_SCORE - job;
  return widest >= needed;
}

/**
 * Is this a CV or a job ad? Section headings weigh most, then phrasing (job ads address "you",
 * CVs speak in the first person and carry contact details and date ranges).
 */
export function classifyKind(extraction: Extraction, textLimit = Infinity): { kind: DocumentKind; confidence: number } {
  const text = textLimit < extraction.text.length ? extraction.text.slice(0, textLimit) : extraction.text;
  let job = 0;
  let cv = 0;
  for (const s of extraction.sections) {
    if (JOB_SECTIONS.has(s.kind)) job += 2;
    if (CV_SECTIONS.has(s.kind)) cv += 2;
  }
  job += countUpTo(JOB_PHRASES, text, MAX_PHRASE_SCORE);
  cv += countUpTo(CV_SIGNALS, text, 2 * MAX_PHRASE_SCORE) * 0.5;
  const margin = job - cv;
  const confidence = 1 / (1 + Math.exp(-Math.abs(margin) / 2));
  return { kind: margin > 0 ? 'job' : 'cv', confidence: Math.round(confidence * 100) / 100 };
}
