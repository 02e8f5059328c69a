import { createNlp } from '../adapters/nlp';
import { readLexiconSource } from '../adapters/lexicon-files';
import { compileLexicon, LexiconError } from '../core/lexicon/compile';
import { lexiconWarnings } from '../core/lexicon/lint';

/** Validates the lexicon; prints warnings and a summary, or every error with how to fix it. Returns the exit code. */
export function lexiconCheck(dir: string | undefined, out: (line: string) => void, err: (line: string) => void): number {
  try {
    const lexicon = compileLexicon(readLexiconSource(dir), createNlp());
    const warnings = lexiconWarnings(lexicon);
    for (const w of warnings) out(`warning  ${w.where}: ${w.message}`);
    const perSkill = [...lexicon.skills.keys()].map((id) => `${id} ${lexicon.terms.filter((t) => id in t.entry.skills).length}`);
    out(`lexicon ${lexicon.version}: ${lexicon.terms.length} terms, ${lexicon.formCount} forms, ${warnings.length} warning(s)`);
    out(`terms per skill: ${perSkill.join(', ')}`);
    return 0;
  } catch (error) {
    if (!(error instanceof LexiconError)) throw error;
    for (const p of error.problems) err(`error    ${p.where}: ${p.message}`);
    err(`${error.problems.length} error(s): the service will not start with this lexicon.`);
    return 1;
  }
}
