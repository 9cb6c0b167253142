/**
 * The 32-bit Mersenne Twister, bit-identical to C++ `std::mt19937` (and numpy's legacy
 * `RandomState`), which is the engine behind every MXNet CPU sampler.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/**
 * A snapshot of one {@link MT19937}: its 624 state words and the read position.
 *
 * MXNet equivalent: the bytes of one `std::mt19937` in `RandGenerator<cpu>::states_`.
 * @example const snap: MT19937State = new MT19937(0).getState();
 */
export interface MT19937State {
  /** The 624 state words (a copy; mutating it does not touch the engine). */
  readonly mt: Uint32Array;
  /** Index of the next word to temper; 624 means a twist is due. */
  readonly index: number;
}

/**
 * `std::mt19937`: standard `init_genrand` seeding, twist and tempering; outputs uint32.
 *
 * MXNet equivalent: each of the 1024 engines of `RandGenerator<cpu>` (`include/mxnet/random_generator.h`).
 * @example new MT19937(0).nextU32(); // 2357136044
 */
export class MT19937 {
  /** `std::mt19937::default_seed`. @example new MT19937(MT19937.DEFAULT_SEED) */
  static readonly DEFAULT_SEED = 5489;

  /**
   * The raw state words. Exposed (read-only reference) so that samplers can run their hot
   * loops on the array directly instead of paying a call per draw; they must keep
   * {@link MT19937.index} in sync and call {@link MT19937.twist} when it reaches 624.
   *
   * MXNet equivalent: `std::mt19937`'s internal `_M_x` array.
   * @example const words = new MT19937(1).mt; // Uint32Array(624)
   */
  readonly mt: Uint32Array = new Uint32Array(N);

  /**
   * Position of the next state word to temper and return (624: twist first).
   *
   * MXNet equivalent: `std::mt19937`'s internal `_M_p`.
   * @example const e = new MT19937(0); e.nextU32(); e.index; // 1
   */
  index = N;

  /**
   * Creates an engine seeded like `std::mt19937(seed)`; the seed is taken modulo 2^32.
   * @example const e = new MT19937(5489);
   */
  constructor(seed: number = MT19937.DEFAULT_SEED) {
    this.seed(seed);
  }

  /**
   * Re-seeds like `std::mt19937::seed(s)` (Knuth's multiplier 1812433253 recurrence).
   *
   * MXNet equivalent: `states_[j].seed(seed + j)` in `RandGenerator<cpu>::Seed`.
   * @example e.seed(42);
   */
  seed(s: number): void {
    const mt = this.mt;
    // ToUint32 of an integral double is exact modulo 2^32, matching the C++ uint32 cast.
    let prev = s >>> 0;
    mt[0] = prev;
    for (let i = 1; i < N; i++) {
      prev = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
      mt[i] = prev;
    }
    this.index = N;
  }

  /**
   * Regenerates all 624 state words at once (the block step of the generator) and rewinds
   * the read position to 0.
   *
   * MXNet equivalent: `std::mt19937::_M_gen_rand()` (libstdc++ `bits/random.tcc`).
   * @example e.twist(); e.index; // 0
   */
  twist(): void {
    const mt = this.mt;
    // Split into the three index ranges so that no modulo is needed in the loop; each word
    // is loaded once and carried to the next step in `cur` (mt[kk] still holds its old value
    // when step kk reads it, since only mt[kk] itself is written there).
    let cur = mt[0];
    let kk = 0;
    for (; kk < N - M; kk++) {
      const next = mt[kk + 1];
      const y = (cur & UPPER_MASK) | (next & LOWER_MASK);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
      cur = next;
    }
    for (; kk < N - 1; kk++) {
      const next = mt[kk + 1];
      const y = (cur & UPPER_MASK) | (next & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
      cur = next;
    }
    const y = (cur & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.index = 0;
  }

  /**
   * Next 32-bit output, like `std::mt19937::operator()`.
   *
   * MXNet equivalent: `engine_->operator()()` in `RandGenerator<cpu>::Impl::rand()`.
   * @example new MT19937(5489).nextU32(); // 3499211612
   */
  nextU32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * Writes the next `end - start` outputs into `out[start..end)`, a block at a time; the
   * same values as that many {@link MT19937.nextU32} calls.
   *
   * MXNet equivalent: none directly; `std::generate(first, last, std::ref(engine))`.
   * @example new MT19937(0).fill(new Uint32Array(5)); // [2357136044, 2546248239, ...]
   */
  fill(out: Uint32Array, start = 0, end: number = out.length): Uint32Array {
    const mt = this.mt;
    let idx = this.index;
    let o = start;
    while (o < end) {
      if (idx >= N) {
        this.twist();
        idx = 0;
      }
      const stop = Math.min(end, o + (N - idx));
      for (; o < stop; o++) {
        let y = mt[idx++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        out[o] = y;
      }
    }
    this.index = idx;
    return out;
  }

  /**
   * Skips `n` outputs, like `std::mt19937::discard(n)`.
   *
   * MXNet equivalent: `std::mt19937::discard`; e.g. to stand for draws of earlier random ops.
   * @example const e = new MT19937(5489); e.discard(9999); e.nextU32(); // 4123659995
   */
  discard(n: number): void {
    let left = n;
    while (left > 0) {
      if (this.index >= N) this.twist();
      const take = Math.min(left, N - this.index);
      this.index += take;
      left -= take;
    }
  }

  /**
   * Copies the engine state out.
   *
   * MXNet equivalent: `operator<<(ostream&, const mt19937&)`; MXNet itself does not expose it.
   * @example const snap = e.getState(); e.nextU32(); e.setState(snap);
   */
  getState(): MT19937State {
    return { mt: this.mt.slice(), index: this.index };
  }

  /**
   * Restores a state from {@link MT19937.getState} (copied in, so the snapshot stays reusable).
   *
   * MXNet equivalent: `operator>>(istream&, mt19937&)`; MXNet itself does not expose it.
   * @example e.setState(snap);
   */
  setState(state: MT19937State): void {
    if (state.mt.length !== N) {
      throw new RangeError(`MT19937 state must have ${N} words, got ${state.mt.length}`);
    }
    if (!Number.isInteger(state.index) || state.index < 0 || state.index > N) {
      throw new RangeError(`MT19937 state index must be an integer in [0, ${N}]`);
    }
    this.mt.set(state.mt);
    this.index = state.index;
  }

  /**
   * An independent engine in the same state (C++ copy construction).
   *
   * MXNet equivalent: `std::mt19937` copy constructor.
   * @example const twin = e.clone(); twin.nextU32() === e.nextU32(); // true
   */
  clone(): MT19937 {
    const copy = new MT19937(0);
    copy.mt.set(this.mt);
    copy.index = this.index;
    return copy;
  }
}
