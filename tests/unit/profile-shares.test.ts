/**
 * The benchmark's profile summary (bench/profile.ts): where a CPU profile's time went, a regular
 * expression's time charged to the file whose code ran it, the warm-up's samples left out.
 */
import { sharesOf } from '../../bench/profile';

const ROOT = '/srv/skillmatch';

/** A profile of five frames: the root, a function in context.ts calling a pattern, one in tokenize.ts, and the collector. */
function profile(samples: number[], deltas: number[]) {
  return {
    startTime: 1_000,
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2, 4, 5] },
      { id: 2, callFrame: { functionName: 'judgeWindow', url: `file://${ROOT}/dist/src/core/4-analyze/context.js` }, children: [3] },
      { id: 3, callFrame: { functionName: 'RegExp: \\b(?:never|not)\\b', url: '' } },
      { id: 4, callFrame: { functionName: 'tokenize', url: `file://${ROOT}/dist/src/core/1-text/tokenize.js` } },
      { id: 5, callFrame: { functionName: '(garbage collector)', url: '' } },
    ],
    samples,
    timeDeltas: deltas,
  };
}

describe('sharesOf', () => {
  it('charges a pattern to its caller and names source files, not built ones', () => {
    // Time 10 in the pattern, 20 in context.ts's own code, 60 in tokenize.ts, 10 collecting.
    const shares = sharesOf(profile([3, 2, 4, 5], [10, 20, 60, 10]), ROOT);
    expect(shares.samples).toBe(4);
    expect(shares.regexPercent).toBe(10);
    expect(shares.patterns).toBe(1);
    expect(shares.regexByCaller).toEqual([{ name: 'src/core/4-analyze/context.ts', percent: 10 }]);
    expect(shares.topPatterns).toEqual([{ name: '\\b(?:never|not)\\b', percent: 10 }]);
    expect(shares.gcPercent).toBe(10);
    expect(shares.byFile).toEqual([
      { name: 'src/core/1-text/tokenize.ts', percent: 60 },
      { name: 'src/core/4-analyze/context.ts', percent: 20 },
    ]);
  });

  it('leaves out samples taken before the measured part and the idle ones', () => {
    // Samples at 1,010 and 1,030 fall before 1,040; the idle root frame is no work.
    const shares = sharesOf(profile([3, 3, 4, 1], [10, 20, 20, 50]), ROOT, 1_040);
    expect(shares.samples).toBe(1);
    expect(shares.regexPercent).toBe(0);
    expect(shares.byFile).toEqual([{ name: 'src/core/1-text/tokenize.ts', percent: 100 }]);
  });
});
