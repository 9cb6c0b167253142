import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArrayList, checkRequiredOptions } from '../validate/check-args.js';
import { add } from './add.js';
import { negative } from './negative.js';
import { subtract } from './subtract.js';
import { checkUpdateArrays, clipIf, numberOption, runUpdate, scalarCast, scale } from './update.js';

/** Options of `multiSgdUpdate`. */
export interface MultiSgdUpdateOptions {
  /** One learning rate per weight (required). */
  lrs: readonly number[];
  /** One weight decay per weight (required). */
  wds: readonly number[];
  /** The gradients are multiplied by this first; default 1. */
  rescaleGrad?: number;
  /** Clip the rescaled gradients to [-c, c] when c >= 0; default -1 (off). */
  clipGradient?: number;
  /** How many weights `data` holds; default `data.length / stride` (MXNet's default is 1). */
  numWeights?: number;
  /** Where the new weights go, one per weight; pass the weights to update in place. */
  out?: readonly NDArray[];
}

/**
 * @internal Splits MXNet's interleaved `data` (weight, grad[, mom]) into groups and checks
 * every array, the `lrs`/`wds` lengths and `out`, before anything runs.
 */
export function updateGroups(
  op: string,
  data: readonly NDArray[],
  stride: number,
  options: MultiSgdUpdateOptions,
  names: readonly string[],
): NDArray[][] {
  if (!Array.isArray(data)) {
    throw new InvalidArgumentError(op, 'data must be a list of NDArrays');
  }
  const n = options?.numWeights ?? data.length / stride;
  if (!Number.isInteger(n) || n < 1 || data.length !== n * stride) {
    throw new InvalidArgumentError(
      op,
      `data must hold ${names.join(', ')} for each of numWeights weights (${stride} arrays each); got ${data.length} arrays for numWeights=${String(options?.numWeights ?? n)}`,
    );
  }
  for (const key of ['lrs', 'wds'] as const) {
    const v = options?.[key];
    if (!Array.isArray(v) || v.length !== n) {
      throw new InvalidArgumentError(op, `${key} must list one number per weight (${n})`);
    }
    for (const [i, x] of v.entries()) numberOption(op, `${key}[${i}]`, x);
  }
  const out = options.out;
  if (out !== undefined && (!Array.isArray(out) || out.length !== n)) {
    throw new InvalidArgumentError(op, `out must list one array per weight (${n})`);
  }
  const groups: NDArray[][] = [];
  for (let i = 0; i < n; i++) {
    const group = data.slice(i * stride, (i + 1) * stride);
    const arrays: Record<string, unknown> = { out: out?.[i] };
    names.slice(1).forEach((name, k) => {
      arrays[`${name}[${i}]`] = group[k + 1];
    });
    checkUpdateArrays(op, group[0], arrays);
    groups.push(group);
  }
  return groups;
}

/**
 * MXNet `nd.multi_sgd_update(*data, lrs, wds, rescale_grad=1, clip_gradient=-1,
 * num_weights=1, out=None)`, the update MXNet 1.9.1's SGD optimizer runs for dense arrays
 * without momentum: `data` is `[weight0, grad0, weight1, grad1, ...]` and each weight goes
 * through `MultiSGDKernel`, operation for operation:
 * `mom = -(lr*wd)*weight - lr*clip(rescaleGrad*grad, clipGradient)` (without clipping the
 * last term is `(lr*rescaleGrad)*grad`), `out = weight + mom`. This rounds differently from
 * `sgdUpdate`'s `(1 - lr*wd)*weight - ...` when `wd` is not 0. With `out: weights` it
 * updates in place and leaves no temporary. Returns the new weights.
 *
 * @example
 * mx.nd.multiSgdUpdate([w0, g0, w1, g1], { lrs: [0.1, 0.1], wds: [1e-4, 0], out: [w0, w1] });
 */
export function multiSgdUpdate(
  data: readonly NDArray[],
  options: MultiSgdUpdateOptions,
): NDArray[] {
  checkNDArrayList('multiSgdUpdate', 'data', data, 1);
  checkRequiredOptions('multiSgdUpdate', options);
  const op = 'multiSgdUpdate';
  const groups = updateGroups(op, data, 2, options, ['weight', 'grad']);
  const rescaleRaw = numberOption(op, 'rescaleGrad', options.rescaleGrad, 1);
  const boundRaw = numberOption(op, 'clipGradient', options.clipGradient, -1);
  return groups.map(([weight, grad], i) => {
    const f = scalarCast(weight);
    const [lr, wd, rescale, bound] = [options.lrs[i], options.wds[i], rescaleRaw, boundRaw].map(f);
    return runUpdate(options.out?.[i], [], () => {
      const step =
        bound >= 0 ? scale(clipIf(scale(grad, rescale), bound), lr) : scale(grad, f(lr * rescale));
      const mom = subtract(negative(scale(weight, f(lr * wd))), step);
      return [add(weight, mom)];
    });
  });
}
