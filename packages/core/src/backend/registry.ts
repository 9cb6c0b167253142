import { NoBackendError } from '../errors/no-backend-error.js';
import type { Backend, MemoryInfo } from './backend.js';
import { type Context, cpu, type DeviceType, gpu } from './context.js';

const backends = new Map<DeviceType, Backend>();
let defaultContext: Context | null = null;

/**
 * Registers a backend for its device type and makes its context the default, so arrays
 * created without `ctx` live there. Returns that context.
 *
 * @example
 * import { createCpuBackend } from '@mxts/backend-cpu';
 * mx.useBackend(await createCpuBackend()); // default context is now cpu(0)
 */
export function useBackend(backend: Backend): Context {
  backends.set(backend.deviceType, backend);
  defaultContext = backend.deviceType === 'cpu' ? cpu(0) : gpu(0);
  return defaultContext;
}

/** The backend serving `ctx`; throws NoBackendError when none is registered. */
export function backendFor(ctx: Context): Backend {
  const b = backends.get(ctx.deviceType);
  if (b === undefined) throw new NoBackendError(ctx.toString());
  return b;
}

/**
 * The context arrays are created on when no `ctx` is given: the last backend registered.
 * MXNet's `mx.context.current_context()`.
 *
 * @example
 * mx.currentContext().toString(); // 'cpu(0)'
 */
export function currentContext(): Context {
  if (defaultContext === null) throw new NoBackendError('the default context');
  return defaultContext;
}

/** The registered backends, by device type. */
export function registeredBackends(): ReadonlyMap<DeviceType, Backend> {
  return backends;
}

/**
 * What {@link memory} reports over all backends: the totals, and each backend's own count
 * by its name (`cpu`, `wasm`, `webgpu`, `tfjs-node`).
 */
export interface MemorySummary extends MemoryInfo {
  backends: Record<string, MemoryInfo>;
}

/**
 * Live arrays and bytes held by the backends (and GPU bytes where a backend has them): of
 * one context, or summed over all with a per-backend breakdown. The counts come from the
 * engines themselves, so a leak anywhere, kernels included, shows up. MXNet has no such
 * call (`mx.context.gpu_memory_info` reports a device's free memory).
 *
 * @example
 * const before = mx.memory();
 * // ... a training step in mx.scope ...
 * mx.memory().arrays === before.arrays; // true
 * mx.memory().backends.webgpu?.gpuBytes; // bytes in GPU buffers, on WebGPU
 * mx.memory(mx.cpu()); // { arrays, bytes } of cpu(0) alone
 */
export function memory(): MemorySummary;
export function memory(ctx: Context): MemoryInfo;
export function memory(ctx?: Context): MemoryInfo | MemorySummary {
  if (ctx !== undefined) return backendFor(ctx).memory();
  const total: MemorySummary = { arrays: 0, bytes: 0, backends: {} };
  for (const b of backends.values()) {
    const m = b.memory();
    total.backends[b.name] = m;
    total.arrays += m.arrays;
    total.bytes += m.bytes;
    if (m.gpuBytes !== undefined) total.gpuBytes = (total.gpuBytes ?? 0) + m.gpuBytes;
  }
  return total;
}
