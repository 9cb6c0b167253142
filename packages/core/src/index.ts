/**
 * @mxts/core: MXNet's `autograd`, `initializer` and NDArray APIs in TypeScript.
 *
 * @example
 * import * as mx from '@mxts/core';
 * import { createCpuBackend } from '@mxts/backend-cpu';
 * mx.useBackend(await createCpuBackend());
 * const x = mx.nd.ones([2]); x.attachGrad();
 * const z = mx.autograd.record(() => mx.nd.elemwiseAdd(mx.nd.exp(x), x));
 * const dx = mx.autograd.grad(z, [x], { createGraph: true });
 * console.log(await mx.repr(dx)); // [\n[3.7182817 3.7182817]\n<NDArray 2 @cpu(0)>]
 */
import './wiring.js';

/** MXNet's `mx.autograd`: `record`, `pause`, `backward`, `grad`, `markVariables`, `Function`, .... */
export * as autograd from './autograd/index.js';
export type {
  Backend,
  BackendCapabilities,
  KnownFailure,
  MemoryInfo,
  TensorRecord,
} from './backend/backend.js';
export { Context, cpu, type DeviceType, gpu } from './backend/context.js';
export type { KernelAttrs, KernelName } from './backend/kernels.js';
export {
  backendFor,
  currentContext,
  type MemorySummary,
  memory,
  registeredBackends,
  useBackend,
} from './backend/registry.js';
export * from './errors/index.js';
/** MXNet's `mx.init`: the initializers (`Xavier`, `Uniform`, ...), `InitDesc`, `create`/`register`. */
export * as init from './initializer/index.js';
/** MXNet's `mx.initializer`, the same namespace as `mx.init`. */
export * as initializer from './initializer/index.js';
export { type LeakWarningOptions, setLeakWarning } from './memory/leak-watch.js';
export { keep, MemoryScope, scope } from './memory/scope.js';
/** MXNet's `mx.mod`: the symbolic `Module` (bind, fit, predict, checkpoints). */
export * as mod from './module/index.js';
/** MXNet's `mx.nd`: creation functions and every op, camelCase (`broadcast_add` is `broadcastAdd`). */
export * as nd from './nd.js';
export { DTYPES, type DType, type HostArray } from './ndarray/dtype.js';
export { NDArray, type WithGrad } from './ndarray/ndarray.js';
export { NumpyArray } from './ndarray/numpy-array.js';
/** MXNet's `mx.np`: NumPy-compatible arrays and functions. */
export * as np from './np/index.js';
/** MXNet's `mx.npx`: NumPy-extension ops (`relu`, `batchDot`, `setNp`...). */
export * as npx from './np/npx.js';
/** MXNet's `mx.random`: `seed` and the random stream MXTS reproduces bit for bit. */
export * as random from './random-api.js';
export { repr } from './repr.js';
/** MXNet's `mx.sym`: symbols, their ops, JSON, shape inference and evaluation. */
export * as sym from './symbol/index.js';
/** MXNet's `mx.name`: the `NameManager` and `Prefix` that name symbols. */
export * as name from './symbol/name.js';
export { Symbol } from './symbol/symbol.js';
export { maxArrayBytes, setMaxArrayBytes } from './validate/max-array-bytes.js';
