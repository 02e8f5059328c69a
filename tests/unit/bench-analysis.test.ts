/**
 * The analysis benchmark's reading of its stage table (bench/analysis.ts): what the analysis would
 * take with the context rules costing nothing, the figure set against the 0.5 ms target.
 */
import { CONTEXT_STAGE, withoutContextMs } from '../../bench/analysis';

describe('withoutContextMs', () => {
  it('sums every stage but the context rules', () => {
    const stages = [
      { stage: 'personal data', ms: 0.12 },
      { stage: 'tokens and sentences', ms: 0.4 },
      { stage: 'mentions', ms: 0.45 },
      { stage: CONTEXT_STAGE, ms: 1.3 },
      { stage: 'years from dates', ms: 0.05 },
      { stage: 'scores', ms: 0.02 },
    ];
    expect(withoutContextMs(stages)).toBe(1.04);
  });

  it('is zero when only the context rules were timed', () => {
    expect(withoutContextMs([{ stage: CONTEXT_STAGE, ms: 2 }])).toBe(0);
  });
});
