import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { compileMt19937Simd, renderMt19937SimdModule } from '../../scripts/build-wasm.mjs';
import { MT19937 } from './mt19937.js';
import {
  mt19937SimdAvailable,
  setMt19937SimdOptions,
  uniformChunkF32Simd,
} from './mt19937-simd.js';
import { RandomGenerator } from './random-generator.js';

const fround = Math.fround;

/** MXNet's float32 uniform written per value in float64: generate_canonical<float> then scaling. */
function referenceUniform(e: MT19937, lo: number, range: number): number {
  let u = fround(e.nextU32()) / 2 ** 32;
  if (u >= 1) u = 1 - 2 ** -24;
  return fround(lo + fround(range * u));
}

/** Index of the first differing float32 bit pattern, -1 when equal (a loop: vitest's deep
 * equality on large typed arrays is slow). */
function firstBitDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

/** Runs `fill` once with every chunk on wasm and once on the JS loop, from equal generators. */
function bothPaths(
  seed: number,
  prepare: (g: RandomGenerator) => void,
  fill: (g: RandomGenerator) => Float32Array,
): { simd: Float32Array; js: Float32Array; gSimd: RandomGenerator; gJs: RandomGenerator } {
  const gSimd = new RandomGenerator(seed);
  const gJs = new RandomGenerator(seed);
  setMt19937SimdOptions({ enabled: false });
  prepare(gSimd);
  prepare(gJs);
  const js = fill(gJs);
  setMt19937SimdOptions({ minCount: 0 });
  const simd = fill(gSimd);
  setMt19937SimdOptions({});
  return { simd, js, gSimd, gJs };
}

/** The first engine (of the first `engines`) whose state differs, -1 when none. */
function firstEngineDifference(a: RandomGenerator, b: RandomGenerator, engines: number): number {
  for (let t = 0; t < engines; t++) {
    const ea = a.engine(t);
    const eb = b.engine(t);
    if (ea.index !== eb.index) return t;
    for (let k = 0; k < 624; k++) if (ea.mt[k] !== eb.mt[k]) return t;
  }
  return -1;
}

afterEach(() => setMt19937SimdOptions({}));

describe('mt19937-simd', () => {
  it('is available on Node 20 (so the tests below exercise the wasm module)', () => {
    expect(mt19937SimdAvailable()).toBe(true);
    setMt19937SimdOptions({ enabled: false });
    expect(mt19937SimdAvailable()).toBe(false);
  });

  it('committed bytes are the current compilation of mt19937-simd.wat', async () => {
    const bytes: Uint8Array = await compileMt19937Simd();
    const committed = readFileSync(new URL('./mt19937-simd-wasm.ts', import.meta.url), 'utf8');
    expect(committed).toBe(renderMt19937SimdModule(bytes));
    // Small enough for a synchronous compile on a browser's main thread (4 KB).
    expect(bytes.length).toBeLessThan(4096);
  });

  it('matches the per-value float64 formula from arbitrary states, across twists', () => {
    fc.assert(
      fc.property(
        fc.uint32Array({ minLength: 624, maxLength: 624 }),
        fc.integer({ min: 0, max: 624 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.constantFrom([0, 1], [-1, 2], [-0.07, fround(0.14)], [3e38, 0], [-1e-40, 1e-45]),
        (words, index, count, [lo, range]) => {
          const e = new MT19937(0);
          e.setState({ mt: words, index });
          const ref = e.clone();
          setMt19937SimdOptions({ minCount: 0 });
          const out = new Float32Array(count + 3).fill(7);
          expect(uniformChunkF32Simd(e, out, 2, 2 + count, fround(lo), fround(range))).toBe(true);
          const expected = new Float32Array(count + 3).fill(7);
          for (let i = 2; i < 2 + count; i++) {
            expected[i] = referenceUniform(ref, fround(lo), fround(range));
          }
          expect(firstBitDifference(out, expected)).toBe(-1);
          expect(e.index).toBe(ref.index);
          expect(e.mt).toEqual(ref.mt);
        },
      ),
      { numRuns: 150, seed: 20261207 },
    );
  });

  it('clamps draws that round to 1 to the float32 below 1', () => {
    // State words whose tempered outputs are 2^32 - 1 - 3i: the first 43 round to 2^32 as
    // float32 (from 2^32 - 128 up) and are clamped, the next 85 round to 2^32 - 256 (the
    // same value 1 - 2^-24 unclamped), the rest lie lower.
    const temper = (x: number): number => {
      let y = x ^ (x >>> 11);
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      return (y ^ (y >>> 18)) >>> 0;
    };
    // Each step of the tempering is inverted by iterating x = y ^ f(x) to its fixed point.
    const unshiftRight = (y: number, s: number): number => {
      let x = y;
      for (let k = 0; k < 32; k++) x = y ^ (x >>> s);
      return x >>> 0;
    };
    const unshiftLeft = (y: number, s: number, m: number): number => {
      let x = y;
      for (let k = 0; k < 32; k++) x = y ^ ((x << s) & m);
      return x >>> 0;
    };
    const untemper = (y: number): number =>
      unshiftRight(
        unshiftLeft(unshiftLeft(unshiftRight(y, 18), 15, 0xefc60000), 7, 0x9d2c5680),
        11,
      );
    const words = new Uint32Array(624);
    for (let i = 0; i < 624; i++) {
      words[i] = untemper(0xffffffff - 3 * i);
      expect(temper(words[i])).toBe(0xffffffff - 3 * i);
    }
    const e = new MT19937(0);
    e.setState({ mt: words, index: 0 });
    setMt19937SimdOptions({ minCount: 0 });
    const out = new Float32Array(624);
    expect(uniformChunkF32Simd(e, out, 0, 624, 0, 1)).toBe(true);
    const clamped = 1 - 2 ** -24;
    for (let i = 0; i < 624; i++) {
      const d = 0xffffffff - 3 * i;
      expect(out[i]).toBe(d >= 2 ** 32 - 128 ? clamped : fround(d) / 2 ** 32);
    }
    expect(out.filter((v) => v === clamped).length).toBe(128);
    expect(out[128]).toBe(1 - 2 ** -23);
  });

  const sizes = [0, 1, 63, 64, 65, 623, 624, 625, 1000, 65537, 100_003];
  const bounds: [number, number][] = [
    [0, 1],
    [-0.07, 0.07],
    [3, 3],
    [-0, 0],
    [-0, 1],
    [-5e37, 3e38],
    [-3.4e38, 0],
    [1e-30, 1e30],
    // dmlc's parser rejects subnormal parameters; tiny normal ones give subnormal products.
    [-1e-37, -2e-38],
    [123456.789, 123456.79],
  ];

  it('fillUniform draws the same bits on wasm and in JS (listed sizes, bounds, offsets)', () => {
    for (const n of sizes) {
      for (const [low, high] of bounds) {
        for (const offset of [0, 5, 620]) {
          const { simd, js, gSimd, gJs } = bothPaths(
            (n + offset) % 97,
            (g) => {
              // Draws consumed earlier, unevenly over the engines, so chunks start mid-block.
              for (let t = 0; t < 8; t++) g.engine(t).discard(offset * (t + 1));
            },
            (g) => g.fillUniform(new Float32Array(n), low, high),
          );
          const where = `n=${n} [${low}, ${high}) offset=${offset}`;
          expect(firstBitDifference(simd, js), where).toBe(-1);
          expect(firstEngineDifference(gSimd, gJs, Math.min(n, 1024)), where).toBe(-1);
        }
      }
    }
  });

  it('fillUniform draws the same bits on wasm and in JS (property)', () => {
    // Finite float32 bounds that dmlc's parser accepts (it rejects subnormals).
    const f32 = fc
      .float({ noNaN: true, noDefaultInfinity: true })
      .filter((x) => x === 0 || Math.abs(x) >= 2 ** -126);
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 100_003 })),
        f32,
        f32,
        fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 6 }),
        (seed, n, a, b, discards) => {
          const low = Math.min(a, b);
          const high = Math.max(a, b);
          const { simd, js, gSimd, gJs } = bothPaths(
            seed,
            (g) => {
              for (let t = 0; t < discards.length; t++) g.engine(t).discard(discards[t]);
            },
            (g) => g.fillUniform(new Float32Array(n), low, high),
          );
          expect(firstBitDifference(simd, js)).toBe(-1);
          expect(firstEngineDifference(gSimd, gJs, Math.min(n, 1024))).toBe(-1);
          // The streams continue alike.
          setMt19937SimdOptions({ enabled: false });
          expect(
            firstBitDifference(
              gSimd.fillUniform(new Float32Array(700)),
              gJs.fillUniform(new Float32Array(700)),
            ),
          ).toBe(-1);
        },
      ),
      { numRuns: 60, seed: 1207 },
    );
  });

  it('writes through out.set into a view at an offset, leaving the rest alone', () => {
    const backing = new Float32Array(300_010).fill(-9);
    const view = backing.subarray(5, 300_005);
    const { simd, js } = bothPaths(
      42,
      () => {},
      (g) => {
        backing.fill(-9);
        g.fillUniform(view, -2, 2);
        return backing.slice();
      },
    );
    expect(firstBitDifference(simd, js)).toBe(-1);
    expect([...simd.subarray(0, 5), ...simd.subarray(300_005)]).toEqual(new Array(10).fill(-9));
  });

  it('leaves infinite ranges to the JS path (same values, NaN included)', () => {
    const { simd, js } = bothPaths(
      1,
      () => {},
      (g) => g.fillUniform(new Float32Array(5000), -3.4028234663852886e38, 3.4028234663852886e38),
    );
    expect(firstBitDifference(simd, js)).toBe(-1);
    expect(js.some((v) => !Number.isFinite(v))).toBe(true);
    const e = new MT19937(3);
    setMt19937SimdOptions({ minCount: 0 });
    expect(uniformChunkF32Simd(e, new Float32Array(10), 0, 10, 0, Infinity)).toBe(false);
    expect(e.index).toBe(624);
  });

  it('the default threshold keeps chunks under 64 values in JS', () => {
    const e = new MT19937(3);
    expect(uniformChunkF32Simd(e, new Float32Array(63), 0, 63, 0, 1)).toBe(false);
    expect(e.index).toBe(624);
    expect(uniformChunkF32Simd(e, new Float32Array(64), 0, 64, 0, 1)).toBe(true);
    expect(e.index).toBe(64);
  });
});
