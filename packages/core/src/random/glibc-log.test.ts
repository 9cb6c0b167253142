import { describe, expect, it } from 'vitest';
import { f64Hex } from './fixtures/bits.js';
import { GLIBC_LOG_FMA_DIFFERS, GLIBC_LOG_POINTS } from './fixtures/glibc-log-vectors.js';
import { glibcLog } from './glibc-log.js';

describe('glibcLog', () => {
  it('matches glibc 2.36 log on the recorded points (bit for bit)', () => {
    const xs = GLIBC_LOG_POINTS.map(([x]) => x);
    const want = GLIBC_LOG_POINTS.map(([, y]) => y);
    expect(f64Hex(xs.map(glibcLog))).toBe(f64Hex(want));
  });

  it("follows glibc's generic build where the x86-64 FMA variant rounds differently", () => {
    expect(GLIBC_LOG_FMA_DIFFERS.length).toBeGreaterThan(0);
    for (const [x, generic, fma] of GLIBC_LOG_FMA_DIFFERS) {
      expect(glibcLog(x)).toBe(generic);
      expect(Math.abs(generic - fma)).toBeLessThanOrEqual(Math.abs(generic) * 2 ** -52);
    }
  });

  it('handles the special values like glibc', () => {
    expect(Object.is(glibcLog(1), 0)).toBe(true);
    expect(glibcLog(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(glibcLog(-0)).toBe(Number.NEGATIVE_INFINITY);
    expect(glibcLog(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(glibcLog(-1)).toBeNaN();
    expect(glibcLog(Number.NaN)).toBeNaN();
    expect(glibcLog(Number.MIN_VALUE)).toBe(-744.4400719213812);
  });
});
