import { describe, expect, it } from 'vitest';
import {
  launchRngChunks,
  launchRngSplit,
  MIN_NUM_RANDOM_PER_THREAD,
  NUM_RANDOM_STATES,
} from './launch-rng-split.js';

describe('launchRngSplit', () => {
  it('matches the table of spec §2', () => {
    const table: [number, number, number][] = [
      [1, 1, 1],
      [64, 1, 64],
      [65, 2, 33],
      [100, 2, 50],
      [128, 2, 64],
      [129, 3, 43],
      [200, 4, 50],
      [1000, 16, 63],
      [65536, 1024, 64],
      [65537, 1024, 65],
      [100000, 1024, 98],
    ];
    for (const [n, nthread, step] of table) {
      expect(launchRngSplit(n)).toEqual({ n, nthread, step });
    }
  });

  it('uses 1024 states with at least 64 values each', () => {
    expect(NUM_RANDOM_STATES).toBe(1024);
    expect(MIN_NUM_RANDOM_PER_THREAD).toBe(64);
  });

  it('draws nothing for N = 0 and rejects invalid counts', () => {
    expect(launchRngSplit(0)).toEqual({ n: 0, nthread: 0, step: 0 });
    expect(launchRngChunks(0)).toEqual([]);
    expect(() => launchRngSplit(-1)).toThrow(RangeError);
    expect(() => launchRngSplit(1.5)).toThrow(RangeError);
    expect(() => launchRngSplit(Number.NaN)).toThrow(RangeError);
  });
});

describe('launchRngChunks', () => {
  it('gives the chunks listed in the spec', () => {
    expect(launchRngChunks(65)).toEqual([
      { engine: 0, start: 0, end: 33 },
      { engine: 1, start: 33, end: 65 },
    ]);
    expect(launchRngChunks(1000).at(-1)).toEqual({ engine: 15, start: 945, end: 1000 });
    const capped = launchRngChunks(65537);
    expect(capped.length).toBe(1009); // "only engines 0..1008 are used"
    expect(capped.at(-1)).toEqual({ engine: 1008, start: 65520, end: 65537 });
    expect(launchRngChunks(100000).length).toBe(1021);
  });

  it('property: chunks tile [0, N) in engine order, sized as LaunchRNG does', () => {
    let state = 12345;
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state;
    };
    const ns = [1, 2, 63, 64, 65, 127, 128, 129, 4095, 65535, 65536, 65537, 65600, 1 << 20];
    for (let k = 0; k < 300; k++) ns.push((next() % 200000) + 1);
    for (const n of ns) {
      const { nthread, step } = launchRngSplit(n);
      const chunks = launchRngChunks(n);
      expect(nthread).toBe(Math.min(Math.ceil(n / 64), 1024));
      expect(step).toBe(Math.ceil(n / nthread));
      // Collect violations instead of asserting per chunk: thousands of expects are slow.
      const problems: string[] = [];
      let pos = 0;
      chunks.forEach((c, t) => {
        if (c.engine !== t) problems.push(`chunk ${t} uses engine ${c.engine}`);
        if (c.start !== pos) problems.push(`chunk ${t} starts at ${c.start}, not ${pos}`);
        if (!(c.end > c.start)) problems.push(`chunk ${t} is empty`);
        if (c.end - c.start !== step && c.end !== n) problems.push(`chunk ${t} is short`);
        pos = c.end;
      });
      expect(problems).toEqual([]);
      expect(pos).toBe(n);
      expect(chunks.length).toBeLessThanOrEqual(nthread);
      // Every launched engine but the empty trailing ones gets work.
      expect(chunks.length).toBe(Math.ceil(n / step));
    }
  });
});
