import { describe, expect, it } from 'vitest';
import { bitsF32, f32Bits } from './fixtures/bits.js';
import {
  GLIBC_LOGF_BLOCKS,
  GLIBC_LOGF_POINTS,
  MATH_LOG_DIFFERS,
} from './fixtures/glibc-logf-vectors.js';
import { glibcLogf, logfNormal } from './glibc-logf.js';

function resultBits(y: number): number {
  return Number.isNaN(y) ? 0x7fc00000 : f32Bits(y);
}

describe('glibcLogf', () => {
  it('matches glibc 2.36 logf on the recorded points', () => {
    const mismatches = GLIBC_LOGF_POINTS.filter(
      ([x, y]) => resultBits(glibcLogf(bitsF32(x))) !== y,
    );
    expect(mismatches).toEqual([]);
  });

  it('differs from Math.fround(Math.log(x)) exactly where glibc does', () => {
    expect(MATH_LOG_DIFFERS.length).toBeGreaterThan(100);
    const points = new Map(GLIBC_LOGF_POINTS);
    for (const xb of MATH_LOG_DIFFERS) {
      const x = bitsF32(xb);
      expect(f32Bits(Math.log(x))).not.toBe(points.get(xb));
      expect(f32Bits(glibcLogf(x))).toBe(points.get(xb));
    }
  });

  it('matches glibc on every input of sampled 2^20-input blocks (FNV of the outputs)', () => {
    const f = new Float32Array(1);
    const u = new Uint32Array(f.buffer);
    const out = new Float32Array(1);
    const outBits = new Uint32Array(out.buffer);
    for (const [block, hash] of GLIBC_LOGF_BLOCKS) {
      let h = 0x811c9dc5;
      for (let j = 0; j < 1 << 20; j++) {
        u[0] = (block << 20) | j;
        const y = glibcLogf(f[0]);
        out[0] = y;
        const w = Number.isNaN(y) ? 0x7fc00000 : outBits[0];
        h = Math.imul(h ^ w, 0x01000193) >>> 0;
      }
      expect([block, h]).toEqual([block, hash]);
    }
  });

  it('handles the special values like glibc', () => {
    expect(glibcLogf(1)).toBe(0);
    expect(Object.is(glibcLogf(1), 0)).toBe(true);
    expect(glibcLogf(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(glibcLogf(-0)).toBe(Number.NEGATIVE_INFINITY);
    expect(glibcLogf(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(glibcLogf(-1)).toBeNaN();
    expect(glibcLogf(Number.NaN)).toBeNaN();
    expect(glibcLogf(Number.NEGATIVE_INFINITY)).toBeNaN();
  });

  it('rounds a double argument to float32 first, like a C float parameter', () => {
    expect(glibcLogf(0.1)).toBe(glibcLogf(Math.fround(0.1)));
  });

  it('logfNormal (the unchecked main path) agrees on positive normal floats, 1 included', () => {
    for (const [xb, yb] of GLIBC_LOGF_POINTS) {
      if (xb < 0x00800000 || xb > 0x7f7fffff) continue;
      expect([xb, resultBits(logfNormal(bitsF32(xb), 0))]).toEqual([xb, yb]);
    }
    expect(Object.is(logfNormal(1, 0), 0)).toBe(true);
  });
});
