import { spawnSync } from 'node:child_process';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from '../../src/main/heap';

describe('the heap growth limit', () => {
  it('is set for the process when the command line gives none', () => {
    const set: string[] = [];
    expect(limitHeapGrowth(['--max-semi-space-size=4'], (flags) => set.push(flags))).toBe(true);
    expect(set).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  it('leaves a limit given on the command line alone, in either spelling', () => {
    for (const given of ['--heap-growing-percent=50', '--heap_growing_percent=35']) {
      const set: string[] = [];
      expect(limitHeapGrowth(['--inspect', given], (flags) => set.push(flags))).toBe(false);
      expect(set).toEqual([]);
    }
  });

  it('is a flag this Node.js knows (an unknown one stops node with "bad option")', () => {
    const run = spawnSync(process.execPath, [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, '-e', '0'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
