/**
 * `npm run lexicon:check [-- <lexicon dir>]`: validates the lexicon and role files and prints
 * every problem with how to fix it; also warns about entries that deserve a note. Exit 1 on errors.
 */
import { createNlp } from '../src/adapters/nlp';
import { readLexiconSource } from '../src/adapters/lexicon-files';
import { compileLexicon, LexiconError } from '../src/core/lexicon/compile';
import { lexiconWarnings } from '../src/core/lexicon/lint';

const dir = process.argv[2];
try {
  const lexicon = compileLexicon(readLexiconSource(dir), createNlp());
  const warnings = lexiconWarnings(lexicon);
  for (const w of warnings) process.stdout.write(`warning  ${w.where}: ${w.message}\n`);
  const perSkill = [...lexicon.skills.keys()].map((id) => `${id} ${lexicon.terms.filter((t) => id in t.entry.skills).length}`);
  process.stdout.write(`lexicon ${lexicon.version}: ${lexicon.terms.length} terms, ${lexicon.formCount} forms, ${warnings.length} warning(s)\n`);
  process.stdout.write(`terms per skill: ${perSkill.join(', ')}\n`);
} catch (error) {
  if (error instanceof LexiconError) {
    for (const p of error.problems) process.stderr.write(`error    ${p.where}: ${p.message}\n`);
    process.stderr.write(`${error.problems.length} error(s): the service will not start with this lexicon.\n`);
    process.exit(1);
  }
  throw error;
}
