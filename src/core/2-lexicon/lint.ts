import type { CompiledLexicon, LexiconProblem } from './compile';

/**
 * Advice that does not stop the service: a term whose matching depends on context or
 * corroboration should say why in a note, so the next curator does not undo it.
 */
export function lexiconWarnings(lexicon: CompiledLexicon): LexiconProblem[] {
  const warnings: LexiconProblem[] = [];
  for (const term of lexicon.terms) {
    const { entry } = term;
    const where = `${term.file}: term "${entry.id}"`;
    if ((entry.ambiguous || entry.caseSensitive) && !entry.note && !entry.source) {
      warnings.push({ where, message: 'ambiguous or case-sensitive: add a note saying which readings it must not match' });
    }
    if (typeof entry.context === 'object' && !entry.note) {
      warnings.push({ where, message: 'has context words: add a note saying what they rule out' });
    }
  }
  return warnings;
}
