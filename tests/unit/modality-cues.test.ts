import { modalityOf, sentenceCues } from '../../src/core/4-analyze/context';
import type { DocumentKind } from '../../src/core/4-analyze/schema';
import { createNlp } from '../../src/adapters/nlp';

/**
 * The analysis judges a mention's modality only in sentences where sentenceCues finds a word some
 * modality rule starts from. This keeps that shortcut in step with the rules: for one sentence per
 * cue family, the rules judged directly give a verdict, and the shortcut lets them run.
 */
const nlp = createNlp();

const CASES: Array<[DocumentKind, string, string]> = [
  ['cv', 'No experience with Scala.', 'Scala'],
  ['cv', 'Scala: none', 'Scala'],
  ['job', 'Scala is not required.', 'Scala'],
  ['job', 'We will train you in Scala during onboarding.', 'Scala'],
  ['job', "We're happy to coach you through Scala.", 'Scala'],
  ['job', "You'll learn Scala on the job.", 'Scala'],
  ['cv', 'The data team built the Scala services.', 'Scala'],
  ['cv', 'The Scala services were built by another team.', 'Scala'],
  ['cv', 'Currently learning Scala.', 'Scala'],
  ['cv', 'Backend developer looking to move into Scala.', 'Scala'],
  ['cv', 'A reading knowledge of Scala.', 'Scala'],
  ['cv', 'Scala (reading knowledge only)', 'Scala'],
  ['cv', 'Scala (reading level)', 'Scala'],
  ['cv', 'Scala: followed one online course', 'Scala'],
  ['cv', 'Go, Rust, some Scala', 'Scala'],
  ['cv', 'Scala (basic)', 'Scala'],
  ['cv', 'Familiarity with Scala.', 'Scala'],
  ['cv', 'One afternoon on Scala.', 'Scala'],
  ['cv', 'Expert in Scala.', 'Scala'],
  ['cv', '6+ years of Scala.', 'Scala'],
  ['cv', 'Scala (primary)', 'Scala'],
  ['cv', 'Scala: not yet.', 'Scala'],
  ['cv', 'Scala: theory only', 'Scala'],
  ['cv', 'Took an evening class to learn Scala.', 'Scala'],
  ['cv', 'Go, Scala (some)', 'Scala'],
  ['cv', 'Now retraining as a data analyst in Tableau.', 'Tableau'],
  ['cv', 'AWS Machine Learning Specialty (in progress)', 'Machine Learning'],
  ['cv', 'My teammates built the Scala services.', 'Scala'],
  ['job', "You'll attend our bootcamp on Scala.", 'Scala'],
  ['job', 'You will follow our academy (Scala, SQL).', 'Scala'],
  ['job', "We'll teach you our tools and practices, including Scala.", 'Scala'],
];

describe('the modality shortcut runs every modality rule that would give a verdict', () => {
  it.each(CASES)('%s: %s', (kind, sentence, term) => {
    const start = sentence.indexOf(term);
    const verdict = modalityOf(sentence, start, start + term.length, kind, nlp);
    expect(verdict.modality).not.toBe('normal');
    expect(sentenceCues(sentence).modality).toBe(true);
  });
});
