import type { KernelAttrs, KernelName } from '../backend/kernels.js';
import type { GradFn } from './node.js';

/** One gradient rule per primitive kernel; the compiler lists a missing one. */
export type GradientTable = { readonly [K in KernelName]: GradFn<KernelAttrs[K]> };
