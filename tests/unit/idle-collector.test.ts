import { createIdleCollector, fullCollection } from '../../src/main/idle-collector';

/**
 * The idle collector (src/main/idle-collector.ts): a full collection once the service has been
 * quiet for a while after some work, never while a request is in flight, twice per quiet spell.
 */
describe('collection when the service falls quiet', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function collector(idleMs = 1_000) {
    let clock = 0;
    const collect = jest.fn();
    const idle = createIdleCollector({ idleMs, collect, now: () => clock, every: 100 });
    const advance = (ms: number): void => {
      for (let t = 0; t < ms; t += 100) {
        clock += 100;
        jest.advanceTimersByTime(100);
      }
    };
    return { idle, collect, advance };
  }

  it('does nothing in a service that has done no work', () => {
    const { idle, collect, advance } = collector();
    advance(10_000);
    expect(collect).not.toHaveBeenCalled();
    idle.stop();
  });

  it('collects twice, idleMs apart, once the last request has been done for idleMs; not again until new work', () => {
    const { idle, collect, advance } = collector();
    idle.begin()();
    advance(900);
    expect(collect).toHaveBeenCalledTimes(0);
    advance(200);
    expect(collect).toHaveBeenCalledTimes(1);
    advance(1_000);
    expect(collect).toHaveBeenCalledTimes(2);
    advance(10_000);
    expect(collect).toHaveBeenCalledTimes(2);
    idle.begin()();
    advance(2_100);
    expect(collect).toHaveBeenCalledTimes(4);
    idle.stop();
  });

  it('never collects while a request is in flight, however long it takes; ending twice counts once', () => {
    const { idle, collect, advance } = collector();
    const slow = idle.begin();
    const quick = idle.begin();
    quick();
    quick();
    advance(5_000);
    expect(collect).not.toHaveBeenCalled();
    slow();
    advance(1_100);
    expect(collect).toHaveBeenCalledTimes(1);
    idle.stop();
  });

  it('has V8\'s full collection at hand without --expose-gc', () => {
    const gc = fullCollection();
    expect(typeof gc).toBe('function');
    const before = process.memoryUsage().heapUsed;
    let garbage: unknown[] | null = Array.from({ length: 200_000 }, (_, i) => ({ i }));
    expect(garbage.length).toBe(200_000);
    garbage = null;
    gc?.();
    expect(process.memoryUsage().heapUsed).toBeLessThan(before + 4 * 2 ** 20);
  });
});
