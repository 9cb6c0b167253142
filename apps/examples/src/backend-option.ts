// `--backend cpu|wasm|webgpu|tfjs-node` for every example: each backend package is imported
// only when it is picked, so an example on cpu never loads Dawn or libtensorflow.

import type { Backend } from '@mxts/core';

/** The backends an example can run on, by their `--backend` name. */
export const BACKEND_NAMES = ['cpu', 'wasm', 'webgpu', 'tfjs-node'] as const;

/** One of `BACKEND_NAMES`. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** Whether `name` is one of `BACKEND_NAMES`. */
export function isBackendName(name: string): name is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(name);
}

/**
 * Starts the named backend. A backend that cannot start here (no WebGPU adapter, tfjs-node's
 * addon not set up) rejects with its own message, which names what is missing.
 *
 * @example
 * mx.useBackend(await createBackendNamed('wasm'));
 */
export async function createBackendNamed(name: BackendName): Promise<Backend> {
  switch (name) {
    case 'cpu':
      return (await import('@mxts/backend-cpu')).createCpuBackend();
    case 'wasm':
      return (await import('@mxts/backend-wasm')).createWasmBackend();
    case 'webgpu':
      return (await import('@mxts/backend-webgpu')).createWebGpuBackend();
    case 'tfjs-node':
      return (await import('@mxts/backend-tfjs-node')).createTfjsNodeBackend();
  }
}
