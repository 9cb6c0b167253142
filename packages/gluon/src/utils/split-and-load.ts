import { type Context, InvalidArgumentError, NDArray, nd, type nd as ndNs } from '@mxts/core';
import { type SplitOptions, splitData } from './split-data.js';

/**
 * MXNet `gluon.utils.split_and_load(data, ctx_list, batch_axis=0, even_split=True)`: splits
 * a batch and copies slice i to `ctxList[i]`; with one context, the whole batch there.
 *
 * @example
 * const [x] = gluon.utils.splitAndLoad(batch, [mx.cpu()]);
 */
export function splitAndLoad(
  data: NDArray | ndNs.NestedArray,
  ctxList: readonly Context[],
  options: SplitOptions = {},
): NDArray[] {
  if (ctxList.length === 0) {
    throw new InvalidArgumentError('splitAndLoad', 'ctxList must hold at least one context');
  }
  const arr = data instanceof NDArray ? data : nd.array(data, { ctx: ctxList[0] });
  if (ctxList.length === 1) return [arr.asInContext(ctxList[0])];
  return splitData(arr, ctxList.length, options).map((s, i) => s.asInContext(ctxList[i]));
}
