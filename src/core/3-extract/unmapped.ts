import type { Extraction } from '../1-text/schema';
import type { Mention } from './mentions';
import type { NlpPort } from '../0-base/nlp-port';
import type { Token } from '../1-text/tokenize';

/** Capitalised words that are not technology names. */
const COMMON = new Set([
  'i', 'a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'my', 'our', 'we', 'you',
  'phd', 'msc', 'bsc', 'ba', 'ma', 'mba', 'ms', 'bs', 'beng', 'meng', 'm.sc', 'b.sc', 'ph.d', 'uk', 'us', 'usa', 'eu', 'ceo', 'cto', 'cfo', 'vp',
  'cv', 'gpa', 'ltd', 'inc', 'gmbh', 'llc', 'plc', 'ag', 'sa', 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'tel', 'email', 'e-mail', 'www', 'http', 'https', 'com', 'org', 'net', 'ii', 'iii', 'iv', 'ok', 'hr', 'it',
]);

/** Looks like a technology name: inner capitals (TensorRT), digits (Web3), or a short acronym (ONNX). */
const TECH_SHAPE = /^(?:[A-Z]{2,6}\d*|[A-Za-z][a-z]*[A-Z]\w*|[A-Za-z]+\d+[A-Za-z]*|\w+(?:\.js|\+\+|#))$/;

/**
 * Skill-like terms the lexicon does not know, for lexicon curation: technology-shaped tokens
 * anywhere, short skills-list items, and (with an NLP port) the noun phrases of longer skills-list
 * items (compromise), minus everything matched.
 */
export function findUnmappedTerms(extraction: Extraction, tokens: Token[], mentions: Mention[], nlp: NlpPort | undefined, limit = 40): string[] {
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) covered.fill(1, m.firstToken, m.lastToken + 1);
  const matchedText = new Set(mentions.map((m) => extraction.text.slice(m.start, m.end).toLowerCase()));
  const counts = new Map<string, number>();
  const add = (term: string): void => {
    const key = term.trim();
    if (key.length < 2 || key.length > 40 || COMMON.has(key.toLowerCase()) || matchedText.has(key.toLowerCase())) return;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const addPhrase = (phrase: string): void => {
    if (phrase.split(/\s+/).length <= 3 && /^[\p{Lu}\d]/u.test(phrase)) add(phrase);
  };
  tokens.forEach((t, i) => {
    if (t.type === 'word' && covered[i] === 0 && TECH_SHAPE.test(t.text) && !/^\d+$/.test(t.text)) add(t.text);
  });
  // Short skills-list items are names already; longer ones go, all at once (compromise's cost is
  // mostly per call), through compromise to find their noun phrases.
  const long: string[] = [];
  for (const section of extraction.sections) {
    if (section.kind !== 'skills') continue;
    const headingEnd = extraction.text.indexOf('\n', section.start);
    if (headingEnd < 0 || headingEnd >= section.end) continue;
    for (const raw of extraction.text.slice(headingEnd + 1, section.end).split(/[,;\n•|()]+/)) {
      const item = raw.replace(/^[-\s]+|[\s.:]+$/g, '');
      const words = item.split(/\s+/).filter(Boolean);
      // A function word the lexicon reads in context ("with" before people) names nothing in an item.
      if (words.length === 0 || words.some((w) => !COMMON.has(w.toLowerCase()) && matchedText.has(w.toLowerCase())) || matchedText.has(item.toLowerCase())) continue;
      if (words.length <= 3) addPhrase(item);
      // Only a capitalised word can be a name the lexicon lacks; "fluent in most tools" has none.
      else if (words.slice(1).some((w) => /^\p{Lu}/u.test(w))) long.push(item);
    }
  }
  if (nlp && long.length) for (const phrase of nlp.nounPhrases(long.join('\n'))) addPhrase(phrase);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([term]) => term);
}
