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
 * Live arrays and bytes held by the backends: of one context, or summed over all.
 * Tests use it to check that nothing leaks.
 *
 * @example
 * const before = mx.memory(); ...; mx.memory().arrays === before.arrays;
 */
export function memory(ctx?: Context): MemoryInfo {
  if (ctx !== undefined) return backendFor(ctx).memory();
  const total = { arrays: 0, bytes: 0 };
  for (const b of backends.values()) {
    const m = b.memory();
    total.arrays += m.arrays;
    total.bytes += m.bytes;
  }
  return total;
}
