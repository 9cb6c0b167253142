import { autograd, InvalidArgumentError, keep, type NDArray, nd, scope } from '@mxts/core';
import { warn } from '../warn.js';

/** Options of {@link clipGlobalNorm}. */
export interface ClipGlobalNormOptions {
  /**
   * Read the norm back to check it is finite (warns on NaN/Inf) and return it as a number
   * (default true; needs a backend with synchronous reads). False returns the norm as an
   * NDArray of shape (1,).
   */
  checkIsfinite?: boolean;
}

/**
 * MXNet `gluon.utils.clip_global_norm(arrays, max_norm, check_isfinite=True)`: rescales the
 * arrays in place so that the 2-norm of all of them together is at most `maxNorm`
 * (scale `min(maxNorm / (norm + 1e-8), 1)`); returns the norm before clipping.
 *
 * @example
 * trainer.allreduceGrads();
 * gluon.utils.clipGlobalNorm([...net.collectParams().values()].map((p) => p.grad()), 1.0);
 * trainer.update(batchSize);
 */
export function clipGlobalNorm(
  arrays: readonly NDArray[],
  maxNorm: number,
  options: { checkIsfinite: false },
): NDArray;
export function clipGlobalNorm(
  arrays: readonly NDArray[],
  maxNorm: number,
  options?: ClipGlobalNormOptions,
): number;
export function clipGlobalNorm(
  arrays: readonly NDArray[],
  maxNorm: number,
  options: ClipGlobalNormOptions = {},
): number | NDArray {
  if (arrays.length === 0) throw new InvalidArgumentError('clipGlobalNorm', 'arrays is empty');
  if (typeof maxNorm !== 'number' || !(maxNorm > 0)) {
    throw new InvalidArgumentError(
      'clipGlobalNorm',
      `maxNorm must be a positive number, got ${maxNorm}`,
    );
  }
  const check = options.checkIsfinite ?? true;
  const ctx = arrays[0].ctx;
  const total = autograd.pause(() =>
    scope(() => {
      let acc: NDArray | null = null;
      for (const a of arrays) {
        const sq = nd
          .sum(nd.square(a.reshape([-1])))
          .reshape([1])
          .asInContext(ctx);
        acc = acc === null ? sq : nd.add(acc, sq);
      }
      const norm = keep(nd.sqrt(acc!));
      const scale = nd.min(
        nd.concat([nd.divide(maxNorm, nd.add(norm, 1e-8)), nd.ones([1], { ctx })], { dim: 0 }),
      );
      for (const a of arrays) {
        const s = scale.asInContext(a.ctx).reshape(new Array(a.ndim).fill(1));
        a.set(nd.broadcastMul(a, s));
      }
      return norm;
    }),
  );
  if (!check) return total;
  const value = total.asscalarSync();
  total.dispose();
  if (!Number.isFinite(value)) warn('nan or inf is detected. Clipping results will be undefined.');
  return value;
}
