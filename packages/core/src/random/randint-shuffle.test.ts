import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RANDINT_MIXED,
  RANDINT_VECTORS,
  SHUFFLE_INTERLEAVED,
  SHUFFLE_VECTORS,
} from '../../../../conformance/src/fixtures/randint-shuffle-vectors.js';
import { f32Hex } from './fixtures/bits.js';
import { MT19937 } from './mt19937.js';
import { randIntFromDraws } from './rand-int64.js';
import {
  getState,
  RandomGenerator,
  type RandomGeneratorState,
  sampleRandInt,
  sampleShufflePermutation,
  sampleUniform,
  seed,
  setState,
} from './random-generator.js';
import { shufflePermutation } from './shuffle-permutation.js';
import { uniformIntDistribution } from './uniform-int-distribution.js';

let saved: RandomGeneratorState;
beforeEach(() => {
  saved = getState();
  seed(0);
});
afterEach(() => {
  setState(saved);
});

/** MXNet's formula in 64-bit integers, written out with BigInt. */
function randIntReference(a: number, b: number, low: number, high: number): number {
  const r = BigInt.asIntN(64, BigInt(a) * 2n ** 31n + BigInt(b));
  // BigInt division truncates toward zero, as C's % does.
  return Number(BigInt.asIntN(32, BigInt(low) + (r % (BigInt(high) - BigInt(low)))));
}

describe('randint (MXNet _random_randint on CPU)', () => {
  it.each(RANDINT_VECTORS.map((v) => [`seed ${v.seed} [${v.low}, ${v.high}) n=${v.n}`, v]))(
    'reference vector %s',
    (_, v) => {
      seed(v.seed);
      expect(Array.from(sampleRandInt(v.n, v.low, v.high))).toEqual(v.values);
    },
  );

  it('shares the engines with uniform: a mixed program gives MXNet sequence', () => {
    const m = RANDINT_MIXED;
    seed(m.seed);
    expect(f32Hex(sampleUniform(70)).split(' ')).toEqual(m.uniform1);
    expect(Array.from(sampleRandInt(100, 0, 9))).toEqual(m.randint);
    expect(f32Hex(sampleUniform(3)).split(' ')).toEqual(m.uniform2);
  });

  it('fresh process: the first value uses draws 1 and 2 of engine 0, high word first', () => {
    const e = new MT19937(0);
    const a = e.nextU32();
    const b = e.nextU32();
    expect([a, b]).toEqual([2357136044, 2546248239]);
    expect(new RandomGenerator().randInt(1, 5, 100)[0]).toBe(
      5 + Number(((BigInt(a) << 31n) + BigInt(b)) % 95n),
    );
  });

  it('randIntFromDraws equals the 64-bit formula, fast path and BigInt path', () => {
    const e = new MT19937(12345);
    const bounds: [number, number][] = [
      [0, 1],
      [0, 7],
      [-5, 5],
      [-(2 ** 31), 2 ** 31 - 1],
      [0, 2 ** 36],
      [0, 2 ** 36 + 1],
      [-(2 ** 52) - 3, 17],
      [2 ** 53 - 10, 2 ** 53 - 1],
      [-(2 ** 53 - 1), 2 ** 53 - 1],
      [123456789, 987654321012],
    ];
    for (const [lo, hi] of bounds) {
      for (let k = 0; k < 200; k++) {
        const a = e.nextU32();
        const b = e.nextU32();
        expect(randIntFromDraws(a, b, lo, hi)).toBe(randIntReference(a, b, lo, hi));
      }
    }
  });

  it('a 64-bit draw that wraps negative gives a value below low, as C++ does', () => {
    // a = 2^32-1, b >= 2^31: a*2^31 + b >= 2^63 wraps to a negative int64.
    const a = 0xffffffff;
    const b = 0xffffffff;
    expect(BigInt.asIntN(64, (BigInt(a) << 31n) + BigInt(b))).toBeLessThan(0n);
    expect(randIntFromDraws(a, b, 10, 20)).toBe(randIntReference(a, b, 10, 20));
    expect(randIntFromDraws(a, b, 10, 20)).toBeLessThan(10);
    expect(randIntFromDraws(a, 0x80000000, 0, 3)).toBe(randIntReference(a, 0x80000000, 0, 3));
    expect(randIntFromDraws(a, 0x7fffffff, 0, 3)).toBe(randIntReference(a, 0x7fffffff, 0, 3));
  });

  it('rejects bad bounds and counts before drawing anything', () => {
    const g = new RandomGenerator(3);
    const before = g.getState();
    expect(() => g.randInt(3, 5, 5)).toThrow(/low must be less than high/);
    expect(() => g.randInt(3, 6, 5)).toThrow(
      'low must be less or equal to high in uniform distribution',
    );
    expect(() => g.randInt(3, 0.5, 5)).toThrow(/must be integers/);
    expect(() => g.randInt(3, 0, 2 ** 53)).toThrow(/must be integers/);
    expect(() => g.randInt(3, Number.NaN, 5)).toThrow(RangeError);
    expect(() => g.randInt(-1, 0, 5)).toThrow(RangeError);
    expect(() => g.randInt(1.5, 0, 5)).toThrow(RangeError);
    expect(g.getState()).toEqual(before);
  });
});

/** The libstdc++ (GCC <= 10) downscaling rule, restated. */
function uidReference(draws: () => number, max: number): number {
  const scaling = Math.floor(4294967295 / (max + 1));
  for (;;) {
    const r = draws();
    if (r < (max + 1) * scaling) return Math.floor(r / scaling);
  }
}

describe('shuffle (MXNet _shuffle on CPU, GCC 4.8 build)', () => {
  it('uniformIntDistribution: downscaling with rejection, one draw unless rejected', () => {
    for (const max of [0, 1, 2, 9, 1000, 2 ** 31, 2 ** 32 - 3, 2 ** 32 - 2]) {
      const e = new MT19937(max);
      const twin = new MT19937(max);
      for (let k = 0; k < 50; k++) {
        expect(uniformIntDistribution(e, max)).toBe(uidReference(() => twin.nextU32(), max));
        expect(e.index).toBe(twin.index);
      }
    }
    expect(uniformIntDistribution(new MT19937(0), 9)).toBe(5);
  });

  it.each(SHUFFLE_VECTORS.map((v) => [`seed ${v.seed}`, v]))('reference vectors %s', (_, v) => {
    seed(v.seed);
    for (const c of v.calls) {
      expect(Array.from(sampleShufflePermutation(c.n, c.ndim))).toEqual(c.perm);
    }
  });

  it('uses its own engine: randint and uniform in between do not change it', () => {
    const v = SHUFFLE_INTERLEAVED;
    seed(v.seed);
    expect(Array.from(sampleShufflePermutation(6, 2))).toEqual(v.perm1);
    expect(Array.from(sampleRandInt(4, 0, 100))).toEqual(v.randint);
    expect(Array.from(sampleShufflePermutation(6, 2))).toEqual(v.perm2);
    // The bank is untouched by shuffles: randint equals a fresh seed's first values.
    seed(v.seed);
    expect(Array.from(sampleRandInt(4, 0, 100))).toEqual(v.randint);
  });

  it('1-D and N-D orders differ in algorithm, and both are permutations', () => {
    const p1 = shufflePermutation(new MT19937(77), 500, 1);
    const p2 = shufflePermutation(new MT19937(77), 500, 2);
    expect(Array.from(p1)).not.toEqual(Array.from(p2));
    for (const p of [p1, p2]) {
      expect(Array.from(p).sort((x, y) => x - y)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    }
  });

  it('0 or 1 rows draw nothing', () => {
    const e = new MT19937(1);
    expect(Array.from(shufflePermutation(e, 0, 1))).toEqual([]);
    expect(Array.from(shufflePermutation(e, 1, 3))).toEqual([0]);
    expect(e.index).toBe(624);
  });

  it('getState/setState/clone carry the shuffle engine', () => {
    const g = new RandomGenerator(4);
    g.shufflePermutation(10, 2);
    const snap = g.getState();
    const next = Array.from(g.shufflePermutation(10, 2));
    expect(Array.from(g.clone().shufflePermutation(10, 1))).toEqual(
      Array.from(g.shufflePermutation(10, 1)),
    );
    g.setState(snap);
    expect(Array.from(g.shufflePermutation(10, 2))).toEqual(next);
    // Reseeding restarts it.
    g.seed(4);
    const first = Array.from(g.shufflePermutation(10, 2));
    g.seed(4);
    expect(Array.from(g.shufflePermutation(10, 2))).toEqual(first);
  });
});
