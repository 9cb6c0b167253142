import { isTraining } from '../autograd/state.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { disposeCreated } from '../memory/collect.js';
import { fromHost } from '../ndarray/creation.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { sampleBernoulliMask } from '../random/index.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { multiply } from './multiply.js';

/** Options of `Dropout`. */
export interface DropoutOptions {
  /** Fraction of elements zeroed; default 0.5. */
  p?: number;
  /** 'training' (active only in train mode, default) or 'always'. */
  mode?: 'training' | 'always';
  /** Axes that share one mask value (variational dropout). */
  axes?: readonly number[];
}

/**
 * MXNet `nd.Dropout(data, p=0.5, mode='training', axes=())`: in training mode, zeroes each
 * element with probability p and scales the rest by 1/(1-p); otherwise the identity. The
 * mask comes from MXNet's random stream, so it matches MXNet bit for bit.
 *
 * @example
 * const y = mx.autograd.record(() => mx.nd.Dropout(mx.nd.ones([10, 10]), { p: 0.5 })); // 0s and 2s
 */
export function Dropout(x: NDArray, options: DropoutOptions = {}): NDArray {
  checkNDArray('Dropout', 'x', x);
  checkOptions('Dropout', options);
  return disposeCreated(() => {
    const { p = 0.5, mode = 'training', axes = [] } = options;
    if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError('Dropout', `p=${p} must lie in [0, 1]`);
    if (mode !== 'training' && mode !== 'always') {
      throw new InvalidArgumentError(
        'Dropout',
        `mode '${String(mode)}' is not 'training' or 'always'`,
      );
    }
    if (!(isTraining() || mode === 'always') || p === 0) return applyOp('copy', [x], {});
    const shared = axes.map((a) => normalizeAxis('Dropout', a, x.ndim));
    const maskShape = x.shape.map((d, i) => (shared.includes(i) ? 1 : d));
    const n = maskShape.reduce((a, b) => a * b, 1);
    // With axes MXNet draws through its Bernoulli kernel, which keeps u < 1-p (not <=).
    let mask = fromHost(
      sampleBernoulliMask(n, p, { axes: shared.length > 0 }),
      maskShape,
      x.context,
    );
    if (x.dtype !== 'float32') mask = applyOp('cast', [mask], { dtype: x.dtype });
    return multiply(x, mask);
  });
}
