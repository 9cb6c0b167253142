import type { KnownFailure } from '@mxts/conformance';
import type { Backend } from '@mxts/core';
// TF.js's wasm binaries, served by Vite in dev and emitted as hashed assets by `vite build`.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export type BackendName = 'cpu' | 'wasm' | 'webgpu';

export const BACKEND_NAMES: readonly BackendName[] = ['cpu', 'wasm', 'webgpu'];

/** Why a backend cannot run in this browser, or null when it may. */
export function unavailableReason(name: BackendName): string | null {
  if (name === 'webgpu' && !('gpu' in navigator)) {
    return window.isSecureContext
      ? 'navigator.gpu is undefined: this browser has no WebGPU'
      : 'navigator.gpu is undefined: WebGPU needs a secure context (https or localhost)';
  }
  return null;
}

// Each backend package is loaded on first use only, and each backend is created once: the
// wasm one is one per page anyway, and a WebGPU device is worth keeping.
const created = new Map<BackendName, Promise<Backend>>();

const factories: Record<BackendName, () => Promise<Backend>> = {
  cpu: async () => (await import('@mxts/backend-cpu')).createCpuBackend(),
  wasm: async () =>
    (await import('@mxts/backend-wasm')).createWasmBackend({
      wasmPaths: {
        'tfjs-backend-wasm.wasm': wasmPlain,
        'tfjs-backend-wasm-simd.wasm': wasmSimd,
        'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
      },
    }),
  webgpu: async () => (await import('@mxts/backend-webgpu')).createWebGpuBackend(),
};

/** The failures a backend's package records as expected (`knownFailures`), if any. */
export async function knownFailuresOf(name: BackendName): Promise<readonly KnownFailure[]> {
  if (name === 'wasm') return (await import('@mxts/backend-wasm')).knownFailures;
  if (name === 'webgpu') return (await import('@mxts/backend-webgpu')).knownFailures;
  return [];
}

/**
 * The backend to start with: WebGPU when the browser has an adapter, else wasm (TF.js's
 * wasm kernels run everywhere and are the fast CPU path).
 */
export async function preferredBackend(): Promise<BackendName> {
  if (unavailableReason('webgpu') === null) {
    const { gpu } = navigator as unknown as { gpu: { requestAdapter(): Promise<unknown> } };
    const adapter = await gpu.requestAdapter().catch(() => null);
    if (adapter !== null) return 'webgpu';
  }
  return 'wasm';
}

/** The backend called `name`, created on first call. */
export function getBackend(name: BackendName): Promise<Backend> {
  let backend = created.get(name);
  if (backend === undefined) {
    backend = factories[name]();
    // A failure is not cached, so Run tries again.
    backend.catch(() => created.delete(name));
    created.set(name, backend);
  }
  return backend;
}
