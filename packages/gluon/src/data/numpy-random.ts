import { InvalidArgumentError } from '@mxts/core';

const N = 624;
const M = 397;

/**
 * numpy's legacy global `np.random` (a `RandomState` over MT19937), the generator MXNet
 * 1.9.1's `RandomSampler` shuffles with (`np.random.shuffle`). Seeding it with
 * `gluon.data.numpyRandom.seed(s)` gives the order Python gets after `np.random.seed(s)`.
 * It is separate from `mx.random` (MXNet's own stream), as in MXNet.
 *
 * @example
 * gluon.data.numpyRandom.seed(0);
 * gluon.data.numpyRandom.permutation(10); // [2, 8, 4, 9, 1, 6, 7, 3, 0, 5], as numpy
 */
export class NumpyRandomState {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'NumpyRandomState';
  private readonly mt = new Uint32Array(N);
  private mti = N + 1;

  constructor(seed?: number) {
    this.seed(seed);
  }

  /**
   * numpy `seed(seed)`: an integer in [0, 2**32 - 1]; none seeds from the platform's entropy.
   * @example rs.seed(42);
   */
  seed(seed?: number | null): void {
    let s: number;
    if (seed === undefined || seed === null) {
      const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } })
        .crypto;
      s = c?.getRandomValues
        ? c.getRandomValues(new Uint32Array(1))[0]
        : Math.floor(Math.random() * 2 ** 32);
    } else {
      if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
        throw new InvalidArgumentError(
          'numpyRandom.seed',
          `Seed must be between 0 and 2**32 - 1 (got ${seed})`,
        );
      }
      s = seed;
    }
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.mti = N;
  }

  /** MT19937's `genrand_int32`: the next 32-bit output. */
  nextUint32(): number {
    const mt = this.mt;
    if (this.mti >= N) {
      let kk = 0;
      let y: number;
      for (; kk < N - M; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < N - 1; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.mti = 0;
    }
    let y = mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** numpy's `random_interval(max)`: uniform in [0, max] by masked rejection. */
  private interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    let v: number;
    do v = (this.nextUint32() & mask) >>> 0;
    while (v > max);
    return v;
  }

  /**
   * numpy `shuffle(x)` (legacy RandomState, Fisher-Yates from the end), in place.
   * @example rs.shuffle(indices);
   */
  shuffle<T>(x: T[] | Int32Array | Float32Array | Float64Array | Uint32Array): void {
    if (x.length >= 2 ** 32) {
      throw new InvalidArgumentError(
        'numpyRandom.shuffle',
        'arrays of 2**32 elements or more are not supported',
      );
    }
    for (let i = x.length - 1; i >= 1; i--) {
      const j = this.interval(i);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }

  /**
   * numpy `permutation(n)`: a shuffled `arange(n)`.
   * @example rs.permutation(5);
   */
  permutation(n: number): number[] {
    const a = Array.from({ length: n }, (_, i) => i);
    this.shuffle(a);
    return a;
  }
}

/** The global numpy-compatible generator `RandomSampler` uses (numpy's `np.random`). */
export const numpyRandom = new NumpyRandomState();
