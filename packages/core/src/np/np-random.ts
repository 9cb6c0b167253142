import type { Context } from '../backend/context.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { disposeCreated } from '../memory/collect.js';
import { arange as ndArange } from '../ndarray/creation.js';
import type { NDArray } from '../ndarray/ndarray.js';
import type { Shape } from '../ndarray/shape.js';
import * as nd from '../ops/index.js';
import * as ndRandom from '../ops/random/index.js';
import { asNpInPlace, type NpArray } from './np-array.js';

/** Options of the np samplers (MXNet's `dtype=`, `ctx=`). */
export interface NpSampleOptions {
  dtype?: 'float32' | 'float64';
  ctx?: Context;
}

/** NumPy's `size=None` draws one value: a 0-d array. */
function sized(size: Shape | number | null | undefined, fn: (shape: number[]) => NDArray): NpArray {
  if (size === undefined || size === null)
    return asNpInPlace(disposeCreated(() => nd.reshape(fn([1]), { shape: [] })));
  return asNpInPlace(fn(typeof size === 'number' ? [size] : [...size]));
}

/**
 * MXNet `np.random.uniform(low=0.0, high=1.0, size=None)`: draws from MXTS's MXNet-exact
 * generator (`mx.random.seed`), as MXNet's documented output.
 *
 * @example
 * mx.random.seed(0);
 * mx.np.random.uniform(0, 1, [2, 3]); // array([[0.5488135 , 0.5928446 , 0.71518934],
 *                                     //        [0.84426576, 0.60276335, 0.8579456 ]])
 */
export function uniform(
  low = 0,
  high = 1,
  size?: Shape | number | null,
  options: NpSampleOptions = {},
): NpArray {
  return sized(size, (shape) => ndRandom.uniform({ low, high, shape, ...options }));
}

/** MXNet `np.random.normal(loc=0.0, scale=1.0, size=None)`. @example mx.np.random.normal(0, 0.01, [3, 1]) */
export function normal(
  loc = 0,
  scale = 1,
  size?: Shape | number | null,
  options: NpSampleOptions = {},
): NpArray {
  return sized(size, (shape) => ndRandom.normal({ loc, scale, shape, ...options }));
}

/** MXNet `np.random.randint(low, high=None, size=None)`: int32 values in [low, high). @example mx.np.random.randint(0, 10, [5]) */
export function randint(
  low: number,
  high?: number | null,
  size?: Shape | number | null,
  options: { ctx?: Context } = {},
): NpArray {
  const [lo, hi] = high === undefined || high === null ? [0, low] : [low, high];
  return sized(size, (shape) => ndRandom.randint(lo, hi, { shape, ...options }));
}

/** MXNet `np.random.shuffle(x)`: shuffles the first axis in place. @example mx.np.random.shuffle(x) */
export function shuffle(x: NDArray): void {
  const s = ndRandom.shuffle(x);
  x._assign(s, true);
}

/**
 * MXNet `np.random.choice(a, size=None, replace=True)`: samples from `arange(a)` (a number)
 * or from the first axis of an array, uniformly (weights `p` are not supported yet).
 *
 * @example
 * mx.np.random.choice(5, [3]);
 */
export function choice(
  a: number | NDArray,
  size?: Shape | number | null,
  options: { replace?: boolean; ctx?: Context } = {},
): NpArray {
  const n = typeof a === 'number' ? a : a.shape[0];
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(
      'random.choice',
      'a must be a positive integer or a non-empty array',
    );
  const shape =
    size === undefined || size === null ? [] : typeof size === 'number' ? [size] : [...size];
  const count = shape.reduce((p, d) => p * d, 1);
  const ctx = typeof a === 'number' ? options.ctx : a.context;
  return asNpInPlace(
    disposeCreated(() => {
      let idx: NDArray;
      if (options.replace ?? true) idx = ndRandom.randint(0, n, { shape: [count], ctx });
      else {
        if (count > n)
          throw new InvalidArgumentError(
            'random.choice',
            `cannot take ${count} samples from ${n} without replacement`,
          );
        const perm = ndRandom.shuffle(ndArange(0, n, { dtype: 'int32', ctx }));
        idx = nd.slice(perm, { begin: [0], end: [count] });
      }
      if (typeof a === 'number') return nd.reshape(idx, { shape });
      return nd.reshape(nd.take(a, idx, { axis: 0 }), { shape: [...shape, ...a.shape.slice(1)] });
    }),
  );
}

/** MXNet `np.random.rand(*size)`: uniform in [0, 1). @example mx.np.random.rand(2, 3) */
export function rand(...size: number[]): NpArray {
  return uniform(0, 1, size.length === 0 ? null : size);
}

/** MXNet `np.random.randn(*size)`: standard normal. @example mx.np.random.randn(2, 3) */
export function randn(...size: number[]): NpArray {
  return normal(0, 1, size.length === 0 ? null : size);
}
