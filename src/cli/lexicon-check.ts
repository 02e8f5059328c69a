import { LexiconError, type CompiledLexicon } from '../core/2-lexicon/compile';
import { lexiconWarnings } from '../core/2-lexicon/lint';

/**
 * Validates the lexicon that `load` reads and compiles; prints warnings and a summary, or every error
 * with how to fix it. Returns the exit code.
 */
export function lexiconCheck(load: () => CompiledLexicon, out: (line: string) => void, err: (line: string) => void): number {
  try {
    const lexicon = load();
    const warnings = lexiconWarnings(lexicon);
    for (const w of warnings) out(`warning  ${w.where}: ${w.message}`);
    const perSkill = [...lexicon.skills.keys()].map((id) => `${id} ${lexicon.terms.filter((t) => id in t.entry.skills).length}`);
    out(`lexicon ${lexicon.version}: ${lexicon.terms.length} terms, ${lexicon.formCount} forms, ${warnings.length} warning(s)`);
    out(`terms per skill: ${perSkill.join(', ')}`);
    const families = new Set(lexicon.familyOf.values());
    out(`families of related terms: ${families.size} (${lexicon.familyOf.size} terms)`);
    out(`variant groups: ${new Set(lexicon.variantOf.values()).size} (${lexicon.variantOf.size} terms); umbrellas: ${lexicon.umbrellas.size}`);
    return 0;
  } catch (error) {
    if (!(error instanceof LexiconError)) throw error;
    for (const p of error.problems) err(`error    ${p.where}: ${p.message}`);
    err(`${error.problems.length} error(s): the service will not start with this lexicon.`);
    return 1;
  }
}

export type { CompiledLexicon };
