import { requirementOf } from '../../src/core/4-analyze/context';

describe("a job ad's level for each item of a list", () => {
  const plus = 'Kotlin, Scala and Go are a plus';
  const needed = 'Kotlin, Scala and Go are needed';

  it('gives every item the level of the clause it shares, and reads the next clause anew', () => {
    const levels = [plus, plus, needed, needed, plus].map((sentence, i) => requirementOf('requirements', sentence, sentence.indexOf(['Kotlin', 'Scala', 'Go'][i % 3] ?? '')));
    expect(levels).toEqual(['preferred', 'preferred', 'required', 'required', 'preferred']);
  });

  it('reads a preferred cue in the item’s own clause only', () => {
    const sentence = 'Strong Java; Rust would be nice';
    expect(requirementOf('requirements', sentence, sentence.indexOf('Java'))).toBe('required');
    expect(requirementOf('requirements', sentence, sentence.indexOf('Rust'))).toBe('preferred');
    expect(requirementOf('requirements', sentence, sentence.indexOf('Java'))).toBe('required');
  });
});
