/**
 * MXNet 1.9.1's CPU parallel random generator: 1024 `std::mt19937` engines shared by every
 * sampling operator, split per call as `LaunchRNG` does, keeping their state across calls.
 */

import { checkSeedState } from './check-seed-state.js';
import { canonicalDoubleFromU32Pair, ONE_BELOW_ONE_F32 } from './generate-canonical.js';
import { logfNormal } from './glibc-logf.js';
import { launchRngSplit, NUM_RANDOM_STATES } from './launch-rng-split.js';
import { MT19937, type MT19937State } from './mt19937.js';
import { uniformChunkF32Simd } from './mt19937-simd.js';
import { type FloatParamValue, parseFloatParam } from './parse-float-param.js';
import { polarNormalDouble } from './polar-normal.js';
import { randIntFromDraws } from './rand-int64.js';
import { shufflePermutation } from './shuffle-permutation.js';

const fround = Math.fround;
const MT_N = 624;
const TWO_POW_M32 = 2.3283064365386963e-10;
// A module-local copy: reading an imported binding inside the hot loops costs V8 a check
// per iteration (measured: normals 20 % slower), while a local const folds away.
const CLAMP_F32 = ONE_BELOW_ONE_F32;
const TWO_POW_M31 = 4.656612873077393e-10;
/** float32(2 * (1 - 2^-24) - 1) = 1 - 2^-23, the polar coordinate of a clamped draw. */
const POLAR_V_CLAMPED = 0.9999998807907104;
/** The smallest draw whose float32 is 2^32 (canonical uniform 1, clamped): 2^32 - 128. */
const CLAMP_FROM_U32 = 4294967168;
/** `kRandMagic` in `src/resource.cc`: the user seed is multiplied by it. */
const RAND_MAGIC = 127;

/**
 * Element type of a sample (float16 is not supported here).
 *
 * MXNet equivalent: the `dtype` parameter of `_random_uniform`/`_random_normal`.
 * @example const dtype: RandomDType = 'float64';
 */
export type RandomDType = 'float32' | 'float64';

/**
 * Options of the sampling calls.
 *
 * MXNet equivalent: the `dtype=` keyword of `mx.nd.random.uniform`/`normal`.
 * @example sampleUniform(3, 0, 1, { dtype: 'float64' });
 */
export interface SampleOptions {
  /** Output dtype; `'float32'` (MXNet's default) unless given. */
  dtype?: RandomDType;
}

/**
 * Options of {@link RandomGenerator.bernoulliMask}.
 *
 * MXNet equivalent: Dropout's `axes` parameter (only whether it is non-empty matters here).
 * @example sampleBernoulliMask(4, 0.5, { axes: true });
 */
export interface BernoulliMaskOptions extends SampleOptions {
  /**
   * True for Dropout with `axes`: the mask is drawn over the (smaller) mask shape by
   * `BernoulliKernel`, which keeps a value when `u < 1-p` instead of `u <= 1-p`.
   */
  axes?: boolean;
}

/**
 * A snapshot of a {@link RandomGenerator}, from {@link RandomGenerator.getState}.
 *
 * MXNet equivalent: none exposed; the global seed plus `RandGenerator<cpu>::states_`.
 * @example const snap: RandomGeneratorState = getState();
 */
export interface RandomGeneratorState {
  /** The int32 seed last given to `seed` (0 for a fresh process). */
  readonly seedState: number;
  /** Per engine: its state, or `null` when it has not drawn since seeding. */
  readonly engines: ReadonlyArray<MT19937State | null>;
  /**
   * The separate `kRandom` engine (`_shuffle`'s), or `null`/absent when it has not drawn
   * since seeding.
   */
  readonly randomResource?: MT19937State | null;
}

/** Output array type for a dtype. */
type OutputFor<D extends RandomDType | undefined> = D extends 'float64'
  ? Float64Array
  : Float32Array;

const SCRATCH_F32 = new Float32Array(1);
const SCRATCH_U32 = new Uint32Array(SCRATCH_F32.buffer);

/** The largest float32 below a float32 x >= 0 (-1 for 0: no uniform is below it). */
function float32Below(x: number): number {
  if (!(x > 0)) return -1;
  SCRATCH_F32[0] = x;
  SCRATCH_U32[0] -= 1;
  return SCRATCH_F32[0];
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`sample count must be a non-negative safe integer, got ${n}`);
  }
}

function checkRandIntBounds(low: number, high: number): void {
  if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high)) {
    throw new RangeError(
      `low and high must be integers (safe integers, |x| <= 2^53-1), got low=${low}, high=${high}`,
    );
  }
  if (high < low) {
    throw new RangeError('low must be less or equal to high in uniform distribution');
  }
  if (high === low) {
    throw new RangeError(
      `low must be less than high (got ${low} for both): the interval [low, high) is empty`,
    );
  }
}

function allocate(n: number, dtype: RandomDType | undefined): Float32Array | Float64Array {
  checkCount(n);
  if (dtype === undefined || dtype === 'float32') return new Float32Array(n);
  if (dtype === 'float64') return new Float64Array(n);
  throw new TypeError(`unsupported dtype ${String(dtype)}; expected 'float32' or 'float64'`);
}

// The float32 hot loops below work on the engine's state array directly, one twist block at
// a time, with tempering and generate_canonical<float> inlined: a call per draw costs about
// as much as the draw itself. They must stay equivalent to MT19937.nextU32 +
// canonicalFloatFromU32, which the tests check against the reference vectors.

/** out[i] = float32(lo + float32(range * u)) for i in [start, end). */
function uniformChunkF32(
  e: MT19937,
  out: Float32Array,
  start: number,
  end: number,
  lo: number,
  range: number,
): void {
  const mt = e.mt;
  let idx = e.index;
  let i = start;
  // U(0, 1), the default and the bulk of initializer draws: lo + float32(1 * u) is u itself,
  // so the scaling is skipped (same bits, -0 cannot occur since u >= 0).
  const unit = lo === 0 && range === 1;
  while (i < end) {
    if (idx >= MT_N) {
      e.twist();
      idx = 0;
    }
    const stop = Math.min(end, i + (MT_N - idx));
    if (unit) {
      for (; i < stop; i++) {
        let y = mt[idx++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        // float32(d) * 2^-32 rounds like float32(d * 2^-32) (a power-of-two scaling far
        // from float32's limits), so the store's rounding stands in for the fround; d from
        // 2^32 - 128 up rounds to 2^32, where generate_canonical clamps.
        const d = y >>> 0;
        out[i] = d < CLAMP_FROM_U32 ? d * TWO_POW_M32 : CLAMP_F32;
      }
    } else {
      for (; i < stop; i++) {
        let y = mt[idx++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        const u = fround(y >>> 0) * TWO_POW_M32;
        // The Float32Array store performs the final float32 rounding of the addition.
        out[i] = lo + fround(range * (u < 1 ? u : CLAMP_F32));
      }
    }
  }
  e.index = idx;
}

/**
 * Scratch for {@link normalChunkF32}: V[k] = float32(2*u - 1) for the canonical uniform u of
 * state word k of the engine being sampled (both polar coordinates use that transform).
 * Only meaningful within one chunk call.
 */
const POLAR_V = new Float32Array(MT_N);

/** float32(2*u - 1) of the canonical uniform of one untempered state word. */
function polarCoordinate(word: number): number {
  let y = word;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  let u = fround(y >>> 0) * TWO_POW_M32;
  if (u >= 1) u = CLAMP_F32;
  return fround(2 * u - 1);
}

/** Fills POLAR_V[from..to) from mt[from..to). */
function fillPolarCoordinates(mt: Uint32Array, from: number, to: number): void {
  const v = POLAR_V;
  for (let k = from; k < to; k++) {
    let y = mt[k];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    const d = y >>> 0;
    // 2u - 1 with u = float32(d) * 2^-32 is float32(d) * 2^-31 - 1 exactly (a multiple of
    // 2^-31 in (-1, 1)); the Float32Array store is the float32 rounding. Clamped draws give
    // 2 * (1 - 2^-24) - 1.
    v[k] = d < CLAMP_FROM_U32 ? fround(d) * TWO_POW_M31 - 1 : POLAR_V_CLAMPED;
  }
}

/** Normals computed per batch in {@link normalChunkF32}. */
const POLAR_BATCH = 256;
/** Accepted y coordinates and radii of the current batch (slot j = j-th value of the batch). */
const BATCH_Y = new Float64Array(POLAR_BATCH);
const BATCH_R2 = new Float64Array(POLAR_BATCH);

/**
 * out[i] = float32(float32(n * sd) + mu) with n from the float32 polar method: the same
 * arithmetic and draw order as polarNormalFloat, arranged for speed.
 * - Draws are tempered and mapped to 2u-1 in branch-free runs (POLAR_V, indexed like the
 *   state words), sized from the values still needed so short chunks stay cheap.
 * - Rejection runs without an unpredictable branch: each attempt writes its (y, r2) to the
 *   next free batch slot, which only advances when the pair is accepted; the loop stops
 *   right after the last accepted pair, so exactly MXNet's draws are consumed.
 * - The log/sqrt/divide chains of a whole batch then run back to back, which lets the CPU
 *   overlap them instead of waiting behind a mispredicted rejection test.
 */
function normalChunkF32(
  e: MT19937,
  out: Float32Array,
  start: number,
  end: number,
  mu: number,
  sd: number,
): void {
  const mt = e.mt;
  const v = POLAR_V;
  const by = BATCH_Y;
  const br = BATCH_R2;
  let idx = e.index;
  if (idx >= MT_N) {
    e.twist();
    idx = 0;
  }
  // Invariant: POLAR_V[idx..filled) is valid for the current block.
  let filled = idx;
  for (let i0 = start; i0 < end; i0 += POLAR_BATCH) {
    const m = Math.min(POLAR_BATCH, end - i0);
    let j = 0;
    while (j < m) {
      if (idx + 2 > filled) {
        const want = Math.max(64, 3 * (end - i0 - j));
        if (idx + 2 <= MT_N) {
          const to = Math.min(MT_N, idx + want);
          fillPolarCoordinates(mt, filled, to);
          filled = to;
        } else if (idx === MT_N - 1) {
          // The pair straddles a twist: last word of this block, first word of the next.
          const x = polarCoordinate(mt[idx]);
          e.twist();
          const y = polarCoordinate(mt[0]);
          idx = 1;
          filled = 1;
          const r2 = fround(fround(x * x) + fround(y * y));
          by[j] = y;
          br[j] = r2;
          j += +(r2 <= 1) & +(r2 !== 0);
          continue;
        } else {
          e.twist();
          idx = 0;
          filled = Math.min(MT_N, want);
          fillPolarCoordinates(mt, 0, filled);
        }
      }
      const pairs = (filled - idx) >> 1;
      for (let p = 0; p < pairs && j < m; p++) {
        const x = v[idx];
        const y = v[idx + 1];
        idx += 2;
        const r2 = fround(fround(x * x) + fround(y * y));
        by[j] = y;
        br[j] = r2;
        // Accept unless r2 > 1 or r2 == 0, as a 0/1 increment rather than a branch.
        j += +(r2 <= 1) & +(r2 !== 0);
      }
    }
    // r2 is a float32 in [2^-48, 1] (|x|, |y| >= 2^-24 when nonzero), so glibc's argument
    // checks can be skipped.
    for (let k = 0; k < m; k++) {
      const r2 = br[k];
      // -2 * logf(r2) is exact in float32 (a power-of-two scaling of a value far from
      // overflow), so MXNet's float product needs no rounding of its own.
      const mult = fround(Math.sqrt(fround((-2 * logfNormal(r2, 0)) / r2)));
      // No shortcut for N(0, 1): r2 = 1 makes mult = sqrt(-0) = -0, and MXNet's `+ mu`
      // turns the -0 product into +0.
      out[i0 + k] = fround(fround(by[k] * mult) * sd) + mu;
    }
  }
  e.index = idx;
}

/** Dropout/Bernoulli mask over [start, end): keep (value `scale`) where u <= threshold. */
function maskChunkF32(
  e: MT19937,
  out: Float32Array,
  start: number,
  end: number,
  threshold: number,
  scale: number,
): void {
  const mt = e.mt;
  let idx = e.index;
  let i = start;
  while (i < end) {
    if (idx >= MT_N) {
      e.twist();
      idx = 0;
    }
    const stop = Math.min(end, i + (MT_N - idx));
    for (; i < stop; i++) {
      let y = mt[idx++];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      let u = fround(y >>> 0) * TWO_POW_M32;
      if (u >= 1) u = CLAMP_F32;
      // Multiplying (not selecting) keeps MXNet's 0 * Infinity = NaN when p = 1.
      out[i] = +(u <= threshold) * scale;
    }
  }
  e.index = idx;
}

/**
 * The CPU parallel random generator of MXNet 1.9.1: 1024 `std::mt19937` engines, engine j
 * seeded with `(127*s + j) mod 2^32` for user seed s (0 at process start). Each sampling
 * call splits its N outputs over engines as `LaunchRNG` does and every engine continues
 * its own stream across calls. Engines are seeded lazily on first use, which is invisible
 * in the output and makes `seed` cheap.
 *
 * MXNet equivalent: `common::random::RandGenerator<cpu>` behind the `kParallelRandom`
 * resource (`src/resource.cc`, default `MXNET_CPU_PARALLEL_RAND_COPY=1`).
 * @example const g = new RandomGenerator(42); g.uniform(5); // [0.82909364, 0.7478349, ...]
 */
export class RandomGenerator {
  private seedValue = 0;
  private base = 0;
  private readonly engines: (MT19937 | null)[] = Array.from(
    { length: NUM_RANDOM_STATES },
    () => null,
  );
  /** 1 where an engine must be (re)seeded from `base` before its next draw. */
  private readonly unseeded = new Uint8Array(NUM_RANDOM_STATES).fill(1);
  private resource: MT19937 | null = null;
  private resourceUnseeded = true;

  /**
   * Creates a generator in the state `mx.random.seed(seedState)` leaves (0: fresh process).
   *
   * MXNet equivalent: the CPU generator of a fresh process, then `mx.random.seed(seedState)`.
   * @example const fresh = new RandomGenerator();
   */
  constructor(seedState: number | bigint = 0) {
    this.seed(seedState);
  }

  /**
   * The int32 seed last applied.
   *
   * MXNet equivalent: `ResourceManagerImpl::global_seed_`.
   * @example new RandomGenerator(2 ** 32 + 1).seedState; // 1
   */
  get seedState(): number {
    return this.seedValue;
  }

  /**
   * Reseeds all 1024 engines: engine j gets `(127*s + j) mod 2^32` where s is `seedState`
   * truncated to int32. Throws `TypeError('seed_state must be int')` for non-integers.
   *
   * MXNet equivalent: `mx.random.seed(seed_state)` (`MXRandomSeed` ->
   * `ResourceManager::SeedRandom` -> `SeedWithDeviceID`).
   * @example g.seed(42); // engine 0 is now mt19937(5334)
   */
  seed(seedState: number | bigint): void {
    const s = checkSeedState(seedState);
    this.seedValue = s;
    this.base = Math.imul(RAND_MAGIC, s) >>> 0;
    this.unseeded.fill(1);
    this.resourceUnseeded = true;
  }

  /**
   * The single engine of MXNet's older `kRandom` resource, separate from the 1024-engine
   * bank: seeded with `(127*s) mod 2^32` (the same number as bank engine 0, but its own
   * stream), used by `_shuffle`. Live: drawing from it advances the generator.
   *
   * MXNet equivalent: `mshadow::Random<cpu>::GetRndEngine()` of the CPU `kRandom` resource
   * (`ResourceRandom<cpu>` in `src/resource.cc`, seeded `dev_id + 127*seed`).
   * @example g.randomResourceEngine().nextU32();
   */
  randomResourceEngine(): MT19937 {
    let e = this.resource;
    if (e === null) {
      e = new MT19937(this.base);
      this.resource = e;
    } else if (this.resourceUnseeded) {
      e.seed(this.base);
    }
    this.resourceUnseeded = false;
    return e;
  }

  /**
   * Engine `j` (0 <= j < 1024), live: drawing from it advances the generator. Useful to
   * reproduce states where other random ops already consumed draws.
   *
   * MXNet equivalent: `RandGenerator<cpu>::states_[j]` (what `Impl(gen, j)` wraps).
   * @example g.engine(0).discard(24); // as if 24 values had been drawn from engine 0
   */
  engine(j: number): MT19937 {
    if (!Number.isInteger(j) || j < 0 || j >= NUM_RANDOM_STATES) {
      throw new RangeError(`engine index must be an integer in [0, ${NUM_RANDOM_STATES})`);
    }
    let e = this.engines[j];
    if (e === null) {
      e = new MT19937((this.base + j) >>> 0);
      this.engines[j] = e;
    } else if (this.unseeded[j] === 1) {
      e.seed((this.base + j) >>> 0);
    }
    this.unseeded[j] = 0;
    return e;
  }

  /**
   * Fills `out` with uniform samples on [low, high), one engine draw per float32 value
   * (two per float64 value). `low`/`high` are parsed like MXNet's float32 parameters
   * ({@link parseFloatParam}); each value is `float32(lo + float32(float32(hi - lo) * u))`
   * (float64 output: `lo + float32(hi - lo) * u` in double). Throws `RangeError` unless
   * high >= low. Float32 chunks of 64 or more values per engine run on a WebAssembly SIMD
   * MT19937 where the runtime has one (`mt19937-simd.ts`), with the same bits.
   *
   * MXNet equivalent: `mx.nd.random.uniform(low, high, out=out)` (`_random_uniform`).
   * @example g.fillUniform(new Float32Array(3), -0.07, 0.07);
   */
  fillUniform<T extends Float32Array | Float64Array>(
    out: T,
    low: FloatParamValue = 0,
    high: FloatParamValue = 1,
  ): T {
    const lo = parseFloatParam(low, 'low');
    const hi = parseFloatParam(high, 'high');
    if (!(hi >= lo)) {
      throw new RangeError('low must be less or equal to high in uniform distribution');
    }
    const range = fround(hi - lo);
    const n = out.length;
    const { nthread, step } = launchRngSplit(n);
    for (let t = 0; t < nthread; t++) {
      const start = t * step;
      if (start >= n) break;
      const end = Math.min(start + step, n);
      const e = this.engine(t);
      if (out instanceof Float32Array) {
        if (!uniformChunkF32Simd(e, out, start, end, lo, range)) {
          uniformChunkF32(e, out, start, end, lo, range);
        }
      } else {
        for (let i = start; i < end; i++) {
          const a = e.nextU32();
          out[i] = lo + range * canonicalDoubleFromU32Pair(a, e.nextU32());
        }
      }
    }
    return out;
  }

  /**
   * Fills `out` with normal samples N(loc, scale): libstdc++'s polar method with a fresh
   * distribution per value (`polarNormalFloat`), then `float32(float32(n*scale) + loc)`.
   * Draws per value vary (2 per attempt, 2.55 on average). Float64 output follows the same
   * consumption; its values can be 1 ulp off on FMA hardware (see `polarNormalDouble`).
   * Throws `RangeError` unless scale > 0.
   *
   * MXNet equivalent: `mx.nd.random.normal(loc, scale, out=out)` (`_random_normal`).
   * @example g.fillNormal(new Float32Array(4), 0, 0.01);
   */
  fillNormal<T extends Float32Array | Float64Array>(
    out: T,
    loc: FloatParamValue = 0,
    scale: FloatParamValue = 1,
  ): T {
    const mu = parseFloatParam(loc, 'loc');
    const sd = parseFloatParam(scale, 'scale');
    if (!(sd > 0)) {
      throw new RangeError('scale parameter in gaussian has to be positive');
    }
    const n = out.length;
    const { nthread, step } = launchRngSplit(n);
    const f32 = out instanceof Float32Array;
    for (let t = 0; t < nthread; t++) {
      const start = t * step;
      if (start >= n) break;
      const end = Math.min(start + step, n);
      const e = this.engine(t);
      if (f32) {
        normalChunkF32(e, out as Float32Array, start, end, mu, sd);
      } else {
        for (let i = start; i < end; i++) out[i] = polarNormalDouble(e) * sd + mu;
      }
    }
    return out;
  }

  /**
   * Fills `out` with integers on [low, high) as MXNet's CPU `randint` kernel: two draws of
   * engine t per value, `int32(low + rand_int64() % (high - low))` (see
   * {@link randIntFromDraws}: with probability 2^-33 per value the 64-bit draw wraps
   * negative and the value lands below `low`, as in MXNet), split over the bank like the
   * other samplers. Throws `RangeError` unless low and high are safe integers with
   * low < high (MXNet checks only high >= low and then divides by zero when they are equal).
   *
   * MXNet equivalent: `mx.nd.random.randint(low, high, out=out)` (`_random_randint`).
   * @example g.fillRandInt(new Int32Array(3), -10, 10);
   */
  fillRandInt(out: Int32Array, low: number, high: number): Int32Array {
    checkRandIntBounds(low, high);
    const n = out.length;
    const { nthread, step } = launchRngSplit(n);
    for (let t = 0; t < nthread; t++) {
      const start = t * step;
      if (start >= n) break;
      const end = Math.min(start + step, n);
      const e = this.engine(t);
      for (let i = start; i < end; i++) {
        // The high word is drawn first: GCC evaluates `(engine() << 31) + engine()` left to right.
        const a = e.nextU32();
        out[i] = randIntFromDraws(a, e.nextU32(), low, high);
      }
    }
    return out;
  }

  /**
   * `n` integers on [low, high); see {@link RandomGenerator.fillRandInt}.
   *
   * MXNet equivalent: `mx.nd.random.randint(low, high, shape=n)` (int32 output).
   * @example new RandomGenerator().randInt(1, 5, 100); // Int32Array [16]
   */
  randInt(n: number, low: number, high: number): Int32Array {
    checkRandIntBounds(low, high);
    checkCount(n);
    return this.fillRandInt(new Int32Array(n), low, high);
  }

  /**
   * The row order of `_shuffle` for `n` rows of an `ndim`-dimensional array, drawn from
   * the `kRandom` engine ({@link RandomGenerator.randomResourceEngine}); see
   * {@link shufflePermutation} for the algorithm and the GCC 4.8 assumption.
   *
   * MXNet equivalent: the permutation `mx.nd.random.shuffle(data)` applies on CPU.
   * @example new RandomGenerator().shufflePermutation(3, 2);
   */
  shufflePermutation(n: number, ndim: number): Int32Array {
    checkCount(n);
    if (n > 0xfffffffe) throw new RangeError(`shuffle supports up to 2^32-1 rows, got ${n}`);
    return shufflePermutation(this.randomResourceEngine(), n, ndim);
  }

  /**
   * Fills `out` with Dropout's mask for drop probability `p`: `1/(1-p)` where the uniform
   * u satisfies `u <= 1-p` (`u < 1-p` with `axes`), else 0, every quantity in float32 as
   * MXNet computes it (`pkeep = 1.0f - p`). One canonical uniform per element (two for
   * float64, rounded to float32 before the comparison). When `1-p` rounds to 1 (p = 0 or
   * tiny) Dropout passes its input through: the mask is all ones and no draw is consumed.
   * p = 1 gives NaN (0 * Infinity), as MXNet does. Throws `RangeError` unless 0 <= p <= 1.
   *
   * MXNet equivalent: the mask of `DropoutKernel` / `BernoulliKernel`
   * (`src/operator/nn/dropout-inl.h`) in training (or `mode='always'`).
   * @example g.fillBernoulliMask(new Float32Array(100), 0.5); // 0s and 2s
   */
  fillBernoulliMask<T extends Float32Array | Float64Array>(
    out: T,
    p: FloatParamValue = 0.5,
    options: { axes?: boolean } = {},
  ): T {
    const pf = parseFloatParam(p, 'p');
    // dmlc's set_range(0, 1) check; NaN slips through it, as in dmlc.
    if (pf < 0 || pf > 1) {
      throw new RangeError(`value ${formatLikeOstream(pf)} for Parameter p exceed bound [0,1]`);
    }
    const pkeep = fround(1 - pf);
    if (!(pkeep < 1)) {
      out.fill(1);
      return out;
    }
    const scale = fround(1 / pkeep);
    // Dropout keeps u <= pkeep; BernoulliKernel (axes) keeps u < pkeep. u is always a
    // float32, so u < pkeep is u <= (the float32 just below pkeep): one comparison serves both.
    const threshold = options.axes === true ? float32Below(pkeep) : pkeep;
    const n = out.length;
    const { nthread, step } = launchRngSplit(n);
    for (let t = 0; t < nthread; t++) {
      const start = t * step;
      if (start >= n) break;
      const end = Math.min(start + step, n);
      const e = this.engine(t);
      if (out instanceof Float32Array) {
        maskChunkF32(e, out, start, end, threshold, scale);
      } else {
        for (let i = start; i < end; i++) {
          const a = e.nextU32();
          // real_t rand_num = static_cast<float>(double uniform)
          const u = fround(canonicalDoubleFromU32Pair(a, e.nextU32()));
          out[i] = +(u <= threshold) * scale;
        }
      }
    }
    return out;
  }

  /**
   * `n` uniform samples on [low, high); see {@link RandomGenerator.fillUniform}.
   *
   * MXNet equivalent: `mx.nd.random.uniform(low, high, shape=n, dtype=dtype)`.
   * @example new RandomGenerator().uniform(1); // Float32Array [0.5488135]
   */
  uniform(
    n: number,
    low?: FloatParamValue,
    high?: FloatParamValue,
    options?: { dtype?: 'float32' },
  ): Float32Array;
  uniform<D extends RandomDType>(
    n: number,
    low: FloatParamValue | undefined,
    high: FloatParamValue | undefined,
    options: { dtype: D },
  ): OutputFor<D>;
  uniform(
    n: number,
    low?: FloatParamValue,
    high?: FloatParamValue,
    options?: SampleOptions,
  ): Float32Array | Float64Array;
  uniform(
    n: number,
    low: FloatParamValue = 0,
    high: FloatParamValue = 1,
    options: SampleOptions = {},
  ): Float32Array | Float64Array {
    // Parse first so that parameter errors win over count errors, as in MXNet.
    parseFloatParam(low, 'low');
    parseFloatParam(high, 'high');
    return this.fillUniform(allocate(n, options.dtype), low, high);
  }

  /**
   * `n` normal samples N(loc, scale); see {@link RandomGenerator.fillNormal}.
   *
   * MXNet equivalent: `mx.nd.random.normal(loc, scale, shape=n, dtype=dtype)`.
   * @example new RandomGenerator().normal(1); // Float32Array [2.2122064]
   */
  normal(
    n: number,
    loc?: FloatParamValue,
    scale?: FloatParamValue,
    options?: { dtype?: 'float32' },
  ): Float32Array;
  normal<D extends RandomDType>(
    n: number,
    loc: FloatParamValue | undefined,
    scale: FloatParamValue | undefined,
    options: { dtype: D },
  ): OutputFor<D>;
  normal(
    n: number,
    loc?: FloatParamValue,
    scale?: FloatParamValue,
    options?: SampleOptions,
  ): Float32Array | Float64Array;
  normal(
    n: number,
    loc: FloatParamValue = 0,
    scale: FloatParamValue = 1,
    options: SampleOptions = {},
  ): Float32Array | Float64Array {
    parseFloatParam(loc, 'loc');
    parseFloatParam(scale, 'scale');
    return this.fillNormal(allocate(n, options.dtype), loc, scale);
  }

  /**
   * Dropout's mask for `n` elements; see {@link RandomGenerator.fillBernoulliMask}.
   *
   * MXNet equivalent: the mask `Dropout(x, p=p)` multiplies `x` by in training.
   * @example new RandomGenerator().bernoulliMask(100, 0.5); // 44 twos, 56 zeros
   */
  bernoulliMask(
    n: number,
    p?: FloatParamValue,
    options?: { dtype?: 'float32'; axes?: boolean },
  ): Float32Array;
  bernoulliMask<D extends RandomDType>(
    n: number,
    p: FloatParamValue | undefined,
    options: { dtype: D; axes?: boolean },
  ): OutputFor<D>;
  bernoulliMask(
    n: number,
    p?: FloatParamValue,
    options?: BernoulliMaskOptions,
  ): Float32Array | Float64Array;
  bernoulliMask(
    n: number,
    p: FloatParamValue = 0.5,
    options: BernoulliMaskOptions = {},
  ): Float32Array | Float64Array {
    parseFloatParam(p, 'p');
    return this.fillBernoulliMask(allocate(n, options.dtype), p, options);
  }

  /**
   * Snapshots the generator (seed and every engine that has drawn since seeding).
   *
   * MXNet equivalent: none exposed (`RandGenerator<cpu>::GetStates()` is the closest).
   * @example const snap = g.getState(); g.uniform(10); g.setState(snap);
   */
  getState(): RandomGeneratorState {
    const engines: (MT19937State | null)[] = [];
    for (let j = 0; j < NUM_RANDOM_STATES; j++) {
      const e = this.engines[j];
      engines.push(e !== null && this.unseeded[j] === 0 ? e.getState() : null);
    }
    const r = this.resource;
    const randomResource = r !== null && !this.resourceUnseeded ? r.getState() : null;
    return { seedState: this.seedValue, engines, randomResource };
  }

  /**
   * Restores a snapshot from {@link RandomGenerator.getState} (copied, so it can be reused).
   *
   * MXNet equivalent: none exposed; lets tests run independently of their order.
   * @example g.setState(snap);
   */
  setState(state: RandomGeneratorState): void {
    if (state.engines.length !== NUM_RANDOM_STATES) {
      throw new RangeError(`state must hold ${NUM_RANDOM_STATES} engines`);
    }
    this.seed(state.seedState);
    for (let j = 0; j < NUM_RANDOM_STATES; j++) {
      const s = state.engines[j];
      if (s !== null) this.engine(j).setState(s);
    }
    const r = state.randomResource;
    if (r !== undefined && r !== null) this.randomResourceEngine().setState(r);
  }

  /**
   * An independent generator in the same state.
   *
   * MXNet equivalent: none exposed (one more `MXNET_CPU_PARALLEL_RAND_COPY` copy, same state).
   * @example const twin = g.clone(); twin.uniform(3); // same values g.uniform(3) will give
   */
  clone(): RandomGenerator {
    const copy = new RandomGenerator(0);
    copy.setState(this.getState());
    return copy;
  }
}

/** `std::ostream << float` with default flags (`%g`, 6 significant digits), for dmlc's message. */
function formatLikeOstream(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mant, expText] = v.toExponential(5).split('e');
  const exp = Number(expText);
  const trim = (t: string): string => (t.includes('.') ? t.replace(/\.?0+$/, '') : t);
  if (exp < -4 || exp >= 6) {
    return `${trim(mant)}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return trim(v.toFixed(Math.max(0, 5 - exp)));
}

/**
 * The process-wide generator every module-level function draws from, initially in the
 * state of a fresh MXNet process (seed 0).
 *
 * MXNet equivalent: the CPU `kParallelRandom` resource of `ResourceManager::Get()`.
 * @example defaultGenerator.engine(0).discard(20);
 */
export const defaultGenerator = new RandomGenerator(0);

/**
 * Seeds the default generator.
 *
 * MXNet equivalent: `mx.random.seed(seed_state)`.
 * @example seed(42); sampleUniform(1); // [0.82909364]
 */
export function seed(seedState: number | bigint): void {
  defaultGenerator.seed(seedState);
}

/**
 * `n` uniform samples on [low, high) from the default generator.
 *
 * MXNet equivalent: `mx.nd.random.uniform(low, high, shape=(n,))` (`_random_uniform`).
 * @example sampleUniform(5, -0.07, 0.07);
 */
export function sampleUniform(
  n: number,
  low?: FloatParamValue,
  high?: FloatParamValue,
  options?: { dtype?: 'float32' },
): Float32Array;
export function sampleUniform<D extends RandomDType>(
  n: number,
  low: FloatParamValue | undefined,
  high: FloatParamValue | undefined,
  options: { dtype: D },
): OutputFor<D>;
export function sampleUniform(
  n: number,
  low?: FloatParamValue,
  high?: FloatParamValue,
  options?: SampleOptions,
): Float32Array | Float64Array;
export function sampleUniform(
  n: number,
  low?: FloatParamValue,
  high?: FloatParamValue,
  options?: SampleOptions,
): Float32Array | Float64Array {
  return defaultGenerator.uniform(n, low, high, options);
}

/**
 * `n` normal samples N(loc, scale) from the default generator.
 *
 * MXNet equivalent: `mx.nd.random.normal(loc, scale, shape=(n,))` (`_random_normal`).
 * @example sampleNormal(5, 0, 0.01);
 */
export function sampleNormal(
  n: number,
  loc?: FloatParamValue,
  scale?: FloatParamValue,
  options?: { dtype?: 'float32' },
): Float32Array;
export function sampleNormal<D extends RandomDType>(
  n: number,
  loc: FloatParamValue | undefined,
  scale: FloatParamValue | undefined,
  options: { dtype: D },
): OutputFor<D>;
export function sampleNormal(
  n: number,
  loc?: FloatParamValue,
  scale?: FloatParamValue,
  options?: SampleOptions,
): Float32Array | Float64Array;
export function sampleNormal(
  n: number,
  loc?: FloatParamValue,
  scale?: FloatParamValue,
  options?: SampleOptions,
): Float32Array | Float64Array {
  return defaultGenerator.normal(n, loc, scale, options);
}

/**
 * Dropout's mask for `n` elements from the default generator: `1/(1-p)` or 0 per element.
 *
 * MXNet equivalent: the mask of `mx.nd.Dropout(x, p=p)` under `autograd.record()`.
 * @example sampleBernoulliMask(100, 0.5); // fresh process: 44 twos
 */
export function sampleBernoulliMask(
  n: number,
  p?: FloatParamValue,
  options?: { dtype?: 'float32'; axes?: boolean },
): Float32Array;
export function sampleBernoulliMask<D extends RandomDType>(
  n: number,
  p: FloatParamValue | undefined,
  options: { dtype: D; axes?: boolean },
): OutputFor<D>;
export function sampleBernoulliMask(
  n: number,
  p?: FloatParamValue,
  options?: BernoulliMaskOptions,
): Float32Array | Float64Array;
export function sampleBernoulliMask(
  n: number,
  p?: FloatParamValue,
  options?: BernoulliMaskOptions,
): Float32Array | Float64Array {
  return defaultGenerator.bernoulliMask(n, p, options);
}

/**
 * Snapshots the default generator.
 *
 * MXNet equivalent: none exposed; see {@link RandomGenerator.getState}.
 * @example const snap = getState(); sampleUniform(10); setState(snap);
 */
export function getState(): RandomGeneratorState {
  return defaultGenerator.getState();
}

/**
 * Restores the default generator from {@link getState}.
 *
 * MXNet equivalent: none exposed; see {@link RandomGenerator.setState}.
 * @example setState(snap);
 */
export function setState(state: RandomGeneratorState): void {
  defaultGenerator.setState(state);
}

/**
 * `n` integers on [low, high) from the default generator (int32).
 *
 * MXNet equivalent: `mx.nd.random.randint(low, high, shape=(n,))` (`_random_randint`).
 * @example sampleRandInt(2, -10, 10); // fresh process: Int32Array [1, -6]
 */
export function sampleRandInt(n: number, low: number, high: number): Int32Array {
  return defaultGenerator.randInt(n, low, high);
}

/**
 * `_shuffle`'s row order for `n` rows of an `ndim`-dimensional array, from the default
 * generator's `kRandom` engine.
 *
 * MXNet equivalent: the permutation behind `mx.nd.random.shuffle(data)`.
 * @example sampleShufflePermutation(3, 2);
 */
export function sampleShufflePermutation(n: number, ndim: number): Int32Array {
  return defaultGenerator.shufflePermutation(n, ndim);
}
