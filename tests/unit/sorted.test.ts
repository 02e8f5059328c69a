import { countBefore } from '../../src/core/0-base/sorted';

describe('countBefore', () => {
  const starts = [0, 10, 10, 25, 40];
  it.each([
    [-1, 0],
    [0, 1],
    [10, 3],
    [24, 3],
    [40, 5],
    [99, 5],
  ])('counts the items starting at or before %i: %i', (offset, count) => {
    expect(countBefore(starts, (start) => start <= offset)).toBe(count);
  });

  it('is 0 for an empty list', () => {
    expect(countBefore([] as number[], () => true)).toBe(0);
  });
});
