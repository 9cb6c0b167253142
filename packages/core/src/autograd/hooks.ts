import type { KernelAttrs, KernelName } from '../backend/kernels.js';
import type { NDArray } from '../ndarray/ndarray.js';
import type { GradFn } from './node.js';

/** One gradient rule per primitive kernel; the compiler lists a missing one. */
export type GradientTable = { readonly [K in KernelName]: GradFn<KernelAttrs[K]> };

/**
 * What the tape needs from the ops layer. Injected at start-up (the package index does
 * it), so autograd never imports ops and gradient rules can be written with ops.
 */
export interface AutogradOps {
  readonly rules: GradientTable;
  add(a: NDArray, b: NDArray): NDArray;
  onesLike(a: NDArray): NDArray;
  zerosLike(a: NDArray): NDArray;
  copy(a: NDArray): NDArray;
}

let installed: AutogradOps | null = null;

/** Wires the ops layer into the tape. Called once by the package index. */
export function installAutogradOps(ops: AutogradOps): void {
  installed = ops;
}

/** The injected ops layer. */
export function autogradOps(): AutogradOps {
  if (installed === null) throw new Error('autograd ops are not installed; import @mxts/core');
  return installed;
}
