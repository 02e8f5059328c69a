import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { createUploadBudget } from '../../src/http/upload-budget';

/** A response that can be ended (its 'close' event), as the budget sees one. */
function exchange(): { res: Response; end(): void } {
  const res = new EventEmitter();
  return { res: res as unknown as Response, end: () => res.emit('close') };
}

const settled = async (p: Promise<void>): Promise<boolean> => Promise.race([p.then(() => true), new Promise<boolean>((r) => setImmediate(() => r(false)))]);

describe('the upload budget', () => {
  it('lets uploads in while they fit, holds the next until room is given back, in arrival order', async () => {
    const budget = createUploadBudget(100);
    const [a, b, c, d] = [exchange(), exchange(), exchange(), exchange()];
    expect(await settled(budget.reserve(a.res, 60))).toBe(true);
    const second = budget.reserve(b.res, 60);
    const third = budget.reserve(c.res, 10);
    expect(await settled(second)).toBe(false);
    // Arrival order: the small third waits behind the second, though it would fit.
    expect(await settled(third)).toBe(false);
    expect(budget.inUse()).toBe(60);
    a.end();
    expect(await settled(second)).toBe(true);
    expect(await settled(third)).toBe(true);
    expect(budget.inUse()).toBe(70);
    // One larger than the whole budget runs alone, once the others are done.
    const big = budget.reserve(d.res, 1_000);
    expect(await settled(big)).toBe(false);
    b.end();
    c.end();
    expect(await settled(big)).toBe(true);
    expect(budget.inUse()).toBe(100);
    d.end();
    expect(budget.inUse()).toBe(0);
  });

  it('forgets an upload whose client leaves while it waits (its handler goes on, holding no room)', async () => {
    const budget = createUploadBudget(10);
    const [a, b, c] = [exchange(), exchange(), exchange()];
    await budget.reserve(a.res, 10);
    const left = budget.reserve(b.res, 10);
    const next = budget.reserve(c.res, 10);
    b.end(); // the client went away before its turn
    a.end();
    expect(await settled(next)).toBe(true);
    expect(await settled(left)).toBe(true);
    expect(budget.inUse()).toBe(10);
    c.end();
    expect(budget.inUse()).toBe(0);
  });
});
