/**
 * The analysis's CPU profile, in a process of its own (the profiler must start before the
 * analysis first runs: see profileShares).
 *   node dist/bench/profile-analysis.js <text file>
 * Prints ProfileShares as JSON: 1,000 analyses of the text as a CV on the scoring path, after 100
 * that warm the code up.
 */
import { readFileSync } from 'node:fs';
import { createNlp } from '../src/adapters/nlp';
import { readLexiconSource } from '../src/adapters/lexicon-files';
import { DEFAULT_LEXICON_DIR, ROOT } from '../src/main/paths';
import { analyzeExtraction } from '../src/core/4-analyze/analyze';
import { detectSections } from '../src/core/1-text/sections';
import { compileLexicon } from '../src/core/2-lexicon/compile';
import type { Extraction } from '../src/core/1-text/schema';
import { profileShares } from './profile';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-analysis.js <text file>');
  const text = readFileSync(file, 'utf8');
  const nlp = createNlp();
  const lexicon = compileLexicon(readLexiconSource(DEFAULT_LEXICON_DIR), nlp);
  const extraction: Extraction = { format: 'text', filename: null, pages: null, chars: text.length, text, sections: detectSections(text), quality: { status: 'ok', warnings: [] } };
  const shares = await profileShares(() => analyzeExtraction(extraction, lexicon, nlp, { kind: 'cv', unmappedTerms: false }), 1000, 100, ROOT);
  process.stdout.write(`${JSON.stringify(shares)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
