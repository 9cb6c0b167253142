import { type DType, type NDArray, nd } from '@mxts/core';
import type { OpInfo, RefArg, RunArg } from '../op-info.js';
import { type RefArray, refArray } from '../ref-array.js';
import { type ArgArray, isArray, type Sample } from '../sample.js';

/** The arrays of a call, and the arguments to pass (arrays and numbers in order). */
export interface BuiltArgs {
  readonly runArgs: RunArg[];
  /** One entry per argument; null where the argument is a number. */
  readonly arrays: (NDArray | null)[];
}

/**
 * Makes the NDArrays of a sample; `override` replaces the values of some arguments (by
 * position), which is how central differences perturb one element.
 */
export function buildArgs(
  sample: Sample<unknown>,
  override: ReadonlyMap<number, readonly number[]> = new Map(),
): BuiltArgs {
  const arrays = sample.args.map((a, i) => (isArray(a) ? toNDArray(a, override.get(i)) : null));
  const runArgs = sample.args.map((a, i) => arrays[i] ?? (a as number));
  return { runArgs, arrays };
}

/** One array argument as an NDArray. */
export function toNDArray(a: ArgArray, values: readonly number[] = a.values): NDArray {
  return nd.array(values, { shape: a.shape, dtype: a.dtype });
}

/** Runs the op on a sample's arguments; the outputs always as a list. */
export function runOp<O>(info: OpInfo<O>, sample: Sample<O>, args: BuiltArgs): NDArray[] {
  const y = info.run(args.runArgs, sample.options);
  return Array.isArray(y) ? y : [y];
}

/** The reference outputs of a sample, always as a list. */
export function referenceOf<O>(info: OpInfo<O>, sample: Sample<O>): RefArray[] {
  const refArgs: RefArg[] = sample.args.map((a) => (isArray(a) ? refArray(a.shape, a.values) : a));
  const y = info.reference(refArgs, sample.options);
  return Array.isArray(y) ? y : [y];
}

/** The dtype the outputs of a sample must have. */
export function outputDType<O>(info: OpInfo<O>, sample: Sample<O>): DType {
  if (info.outputDType) return info.outputDType(sample);
  const first = sample.args.find(isArray);
  return first?.dtype ?? 'float32';
}
