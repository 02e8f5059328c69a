/**
 * The folder benchmark's memory curve (bench/folder.ts): CVs done are counted from the lines the
 * output has gained, reading only new bytes, and flatness is judged after the warm-up's files.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lineCounter, spreadAfter } from '../../bench/folder';

describe('lineCounter', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-lines-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts nothing before the output exists, then the lines as they are written', () => {
    const file = path.join(dir, 'out.jsonl');
    const count = lineCounter(file);
    expect(count()).toBe(0);
    appendFileSync(file, '{"cv":"a"}\n{"cv":"b"}\n{"cv":');
    expect(count()).toBe(2);
    // The half-written line is counted once its end arrives, and nothing twice.
    appendFileSync(file, '"c"}\n');
    expect(count()).toBe(3);
    expect(count()).toBe(3);
  });
});

describe('spreadAfter', () => {
  const curve = [
    { seconds: 1, rssMb: 120, cvsDone: 100 },
    { seconds: 2, rssMb: 210, cvsDone: 480 },
    { seconds: 3, rssMb: 230, cvsDone: 900 },
    { seconds: 4, rssMb: 224.5, cvsDone: 1400 },
    { seconds: 5, rssMb: 241, cvsDone: 1900 },
  ];

  it('measures highest less lowest once the warm-up files are done', () => {
    expect(spreadAfter(curve, 500)).toBe(16.5);
    expect(spreadAfter(curve, 0)).toBe(121);
  });

  it('gives no figure when the run never got past the warm-up at a sample', () => {
    expect(spreadAfter(curve, 5000)).toBeNull();
  });
});
