import { describe, expect, it } from 'vitest';
import { glibcLogf } from './glibc-logf.js';
import { MT19937 } from './mt19937.js';
import { RandomGenerator } from './random-generator.js';

// The straightforward reference: the textbook MT19937 (Matsumoto & Nishimura's genrand_int32
// with a modulo per word, one word at a time), the C++ sampler bodies written per value, and
// LaunchRNG's split written from its formulas. Nothing here shares code with the optimised
// loops of RandomGenerator and MT19937, so a slip in their blocking, inlining or
// specialisation shows up as a bit difference.

const fround = Math.fround;

class TextbookMT {
  private readonly mt = new Array<number>(624);
  private mti = 624;

  constructor(seed: number) {
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = this.mt[i - 1];
      this.mt[i] = (Math.imul(1812433253, (prev ^ (prev >>> 30)) >>> 0) + i) >>> 0;
    }
  }

  /** Puts the engine at `words` (untempered state) with read position `mti`. */
  setWords(words: ArrayLike<number>, mti: number): void {
    for (let i = 0; i < 624; i++) this.mt[i] = words[i];
    this.mti = mti;
  }

  next(): number {
    if (this.mti >= 624) {
      for (let kk = 0; kk < 624; kk++) {
        const y = ((this.mt[kk] & 0x80000000) | (this.mt[(kk + 1) % 624] & 0x7fffffff)) >>> 0;
        const mag = y % 2 === 1 ? 0x9908b0df : 0;
        this.mt[kk] = (this.mt[(kk + 397) % 624] ^ Math.floor(y / 2) ^ mag) >>> 0;
      }
      this.mti = 0;
    }
    let y = this.mt[this.mti++];
    y = (y ^ (y >>> 11)) >>> 0;
    y = (y ^ ((y << 7) & 0x9d2c5680)) >>> 0;
    y = (y ^ ((y << 15) & 0xefc60000)) >>> 0;
    return (y ^ (y >>> 18)) >>> 0;
  }
}

/** generate_canonical<float, 24>: float(d) / 2^32, clamped to nextafter(1.0f, 0.0f). */
function canonical(e: TextbookMT): number {
  const u = fround(fround(e.next()) / 4294967296);
  return u < 1 ? u : fround(1 - 2 ** -24);
}

/** normal_distribution<float> as MXNet drives it (fresh object per value). */
function polar(e: TextbookMT): number {
  for (;;) {
    const x = fround(fround(2 * canonical(e)) - 1);
    const y = fround(fround(2 * canonical(e)) - 1);
    const r2 = fround(fround(x * x) + fround(y * y));
    if (r2 <= 1 && r2 !== 0) {
      const mult = fround(Math.sqrt(fround(fround(-2 * glibcLogf(r2)) / r2)));
      return fround(y * mult);
    }
  }
}

/** A bank of textbook engines for user seed s, split per call as LaunchRNG does. */
class ReferenceBank {
  private readonly engines = new Map<number, TextbookMT>();

  constructor(private readonly s: number) {}

  engine(j: number): TextbookMT {
    let e = this.engines.get(j);
    if (e === undefined) {
      e = new TextbookMT((Math.imul(127, this.s) + j) >>> 0);
      this.engines.set(j, e);
    }
    return e;
  }

  run<T extends { [i: number]: number; length: number }>(
    out: T,
    draw: (e: TextbookMT) => number,
  ): T {
    const n = out.length;
    if (n === 0) return out;
    const nthread = Math.min(Math.ceil(n / 64), 1024);
    const step = Math.ceil(n / nthread);
    for (let t = 0; t < nthread; t++) {
      const e = this.engine(t);
      for (let i = t * step; i < Math.min((t + 1) * step, n); i++) out[i] = draw(e);
    }
    return out;
  }
}

/** The state word whose tempered output is `out` (MT19937's tempering inverted step by step). */
function untemper(out: number): number {
  let y = out >>> 0;
  y = (y ^ (y >>> 18)) >>> 0;
  y = (y ^ ((y << 15) & 0xefc60000)) >>> 0;
  let x = y;
  for (let k = 0; k < 5; k++) x = (y ^ ((x << 7) & 0x9d2c5680)) >>> 0;
  y = x;
  return (y ^ (y >>> 11) ^ (y >>> 22)) >>> 0;
}

function bits(a: Float32Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length);
}

/** Index and bits of the first difference, or null: keeps a failure message short. */
function firstDiff(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
): [number, number, number] | null {
  if (got.length !== want.length) return [-1, got.length, want.length];
  for (let i = 0; i < got.length; i++) {
    if (got[i] !== want[i]) return [i, got[i], want[i]];
  }
  return null;
}

// Sizes around the split (64 per engine, 1024 engines) and the 624-word block: not multiples
// of the engine count, odd (polar pairs), exactly a block, a block plus one, many blocks.
const SIZES = [1, 2, 3, 63, 64, 65, 127, 623, 624, 625, 1247, 1249, 65535, 65537, 66113, 700001];
// Draws taken from engine 0..3 before the call: mid-block, one before / at / after a twist.
const OFFSETS = [0, 1, 311, 622, 623, 624, 625];

describe('optimised samplers against the textbook reference', () => {
  it('MT19937 (blocked twist, fill) equals textbook genrand_int32 over 5 blocks', () => {
    for (const seed of [0, 1, 5489, 0x7fffffff, 0xffffffff, 123456789]) {
      const e = new MT19937(seed);
      const ref = new TextbookMT(seed);
      const got = new Uint32Array(3120);
      e.fill(got, 0, 1000);
      for (let i = 1000; i < 3120; i++) got[i] = e.nextU32();
      const want = Uint32Array.from({ length: 3120 }, () => ref.next());
      expect([seed, firstDiff(got, want)]).toEqual([seed, null]);
    }
  });

  it('draws at the float32 rounding edges (the clamp below 1, 0, 2^31) give the same values', () => {
    // Raw draws around 2^32 - 128 (the first that float32 rounds to 2^32, clamped to
    // 1 - 2^-24 by generate_canonical), ties at other binades, and the extremes.
    const edges = [
      0,
      1,
      2,
      127,
      128,
      129,
      2 ** 24 - 1,
      2 ** 24 + 1,
      2 ** 25 + 2,
      2 ** 25 + 6,
      2 ** 31 - 64,
      2 ** 31 + 128,
      2 ** 31 + 384,
      2 ** 32 - 385,
      2 ** 32 - 384,
      2 ** 32 - 256,
      2 ** 32 - 129,
      2 ** 32 - 128,
      2 ** 32 - 127,
      2 ** 32 - 1,
    ];
    const words = new Uint32Array(624);
    for (let i = 0; i < 624; i++) words[i] = untemper(edges[i % edges.length]);
    const check = new TextbookMT(0);
    check.setWords(words, 0);
    expect(Array.from({ length: edges.length }, () => check.next())).toEqual(edges);
    for (const [lo, hi] of [
      [0, 1],
      [-0.07, 0.07],
      [2, 3],
    ]) {
      const g = new RandomGenerator(0);
      g.engine(0).setState({ mt: words, index: 0 });
      const ref = new TextbookMT(0);
      ref.setWords(words, 0);
      const l = fround(lo);
      const range = fround(fround(hi) - l);
      const got = g.uniform(60, lo, hi);
      const want = Float32Array.from({ length: 60 }, () => l + fround(range * canonical(ref)));
      expect([lo, firstDiff(bits(got), bits(want))]).toEqual([lo, null]);
      if (lo === 0) expect(got[17]).toBe(fround(1 - 2 ** -24));
    }
    const g = new RandomGenerator(0);
    g.engine(0).setState({ mt: words, index: 0 });
    const ref = new TextbookMT(0);
    ref.setWords(words, 0);
    const pkeep = fround(1 - fround(0.5));
    const mask = g.bernoulliMask(60, 0.5);
    const wantMask = Float32Array.from({ length: 60 }, () => (canonical(ref) <= pkeep ? 2 : 0));
    expect(firstDiff(bits(mask), bits(wantMask))).toBeNull();
  });

  it('polar edges: r2 = 1 (mult = -0, so N(0, 1) gives +0), coordinates at -1, 0 and the clamp', () => {
    // Pairs (x, y) of raw draws: x = -1 (draw 0) with tiny y makes r2 round to exactly 1;
    // draw 2^31 gives the coordinate 0; 2^32 - 128 up give the clamped 1 - 2^-23.
    const pairs = [
      [0, 2 ** 31 + 256],
      [0, 2 ** 31 - 256],
      [2 ** 31, 2 ** 31 + 128],
      [2 ** 32 - 128, 2 ** 31],
      [2 ** 31 + 4096, 2 ** 32 - 1],
      [1, 2 ** 31 - 1],
      [2 ** 30, 3 * 2 ** 30],
    ];
    const draws = pairs.flat();
    const words = new Uint32Array(624);
    for (let i = 0; i < 624; i++) words[i] = untemper(draws[i % draws.length]);
    for (const [mu, sd] of [
      [0, 1],
      [fround(0.5), fround(2)],
    ]) {
      const g = new RandomGenerator(0);
      g.engine(0).setState({ mt: words, index: 0 });
      const ref = new TextbookMT(0);
      ref.setWords(words, 0);
      const got = g.normal(40, mu, sd);
      const want = Float32Array.from({ length: 40 }, () => fround(polar(ref) * sd) + mu);
      expect([mu, firstDiff(bits(got), bits(want))]).toEqual([mu, null]);
      if (mu === 0) expect(Object.is(got[0], 0)).toBe(true);
    }
  });

  it('uniform float32, U(0, 1) and scaled, over seeds, sizes and engine offsets', () => {
    let k = 0;
    for (const n of SIZES) {
      const s = (k * 7919) % 2003;
      const offset = OFFSETS[k % OFFSETS.length];
      const [lo, hi] = k % 2 === 0 ? [0, 1] : [-0.07, 0.07];
      k++;
      const g = new RandomGenerator(s);
      const ref = new ReferenceBank(s);
      for (let j = 0; j < 4; j++) {
        g.engine(j).discard(offset);
        for (let d = 0; d < offset; d++) ref.engine(j).next();
      }
      const l = fround(lo);
      const range = fround(fround(hi) - l);
      // Two calls: the second continues every engine from where the first left it.
      for (let call = 0; call < 2; call++) {
        const got = g.uniform(n, lo, hi);
        const want = ref.run(new Float32Array(n), (e) => l + fround(range * canonical(e)));
        expect([n, offset, lo, call, firstDiff(bits(got), bits(want))]).toEqual([
          n,
          offset,
          lo,
          call,
          null,
        ]);
      }
    }
  });

  it('normal float32 (branch-free polar batches) over seeds, odd sizes and twist-straddling offsets', () => {
    let k = 0;
    for (const n of SIZES.filter((m) => m < 100000)) {
      const s = 17 + k;
      const offset = OFFSETS[k % OFFSETS.length];
      const [mu, sd] = k % 3 === 0 ? [0, 1] : [fround(-0.5), fround(2.5)];
      k++;
      const g = new RandomGenerator(s);
      const ref = new ReferenceBank(s);
      for (let j = 0; j < 4; j++) {
        g.engine(j).discard(offset);
        for (let d = 0; d < offset; d++) ref.engine(j).next();
      }
      for (let call = 0; call < 2; call++) {
        const got = g.normal(n, mu, sd);
        const want = ref.run(new Float32Array(n), (e) => fround(polar(e) * sd) + mu);
        expect([n, offset, call, firstDiff(bits(got), bits(want))]).toEqual([
          n,
          offset,
          call,
          null,
        ]);
      }
    }
  });

  it('Dropout masks (float32) and randint (int32) over seeds and sizes', () => {
    for (const [k, n] of [1, 63, 65, 625, 1249, 65537].entries()) {
      const s = 1000 + k;
      const g = new RandomGenerator(s);
      const ref = new ReferenceBank(s);
      const pkeep = fround(1 - fround(0.3));
      const scale = fround(1 / pkeep);
      const mask = g.bernoulliMask(n, 0.3);
      const wantMask = ref.run(new Float32Array(n), (e) => (canonical(e) <= pkeep ? scale : 0));
      expect([n, firstDiff(bits(mask), bits(wantMask))]).toEqual([n, null]);
      // randint: int32(low + int64((hi_draw << 31) + lo_draw) % (high - low)), in BigInt.
      const [low, high] = k % 2 === 0 ? [-10, 10] : [-(2 ** 31), 2 ** 31 - 1];
      const ints = g.randInt(n, low, high);
      const wantInts = ref.run(new Int32Array(n), (e) => {
        const a = BigInt(e.next());
        const b = BigInt(e.next());
        const r = BigInt.asIntN(64, (a << 31n) + b) % BigInt(high - low);
        return Number(BigInt.asIntN(32, BigInt(low) + r));
      });
      expect([n, low, firstDiff(ints, wantInts)]).toEqual([n, low, null]);
    }
  });
});
