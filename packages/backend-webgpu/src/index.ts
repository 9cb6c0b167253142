export {
  createWebGpuBackend,
  type WebGpuAdapterDescription,
  type WebGpuBackend,
  type WebGpuBackendOptions,
  type WebGpuMemoryInfo,
} from './create-webgpu-backend.js';
export type {
  GpuAdapterInfoLike,
  GpuAdapterLike,
  GpuDeviceLike,
  GpuLike,
  GpuRequestAdapterOptions,
} from './gpu-types.js';
export { type KnownFailure, knownFailures } from './known-failures.js';
export type { DawnBackend } from './open-adapter.js';
