import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs-core';

/** What MXTS's own wasm kernels need of TF.js's Emscripten module (`BackendWasm.wasm`). */
interface EmscriptenModule {
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  asm?: { memory?: unknown };
  wasmMemory?: unknown;
}

/** What they need of TF.js's wasm backend beyond its public type. */
interface WasmBackendInternals {
  wasm: EmscriptenModule;
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  disposeData(dataId: object): boolean;
}

/**
 * A module of MXTS's own (sgemm.wat, fused.wat) instantiated on TF.js's heap: its exports
 * read and write tensors where TF.js keeps them, by byte address.
 */
export interface HeapModule {
  readonly exports: WebAssembly.Exports;
  /** TF.js's Emscripten module (its `_malloc`/`_free` for scratch memory). */
  readonly wasm: EmscriptenModule;
  /** The byte address of a tensor's data; read it after every allocation. */
  address(t: TensorInfo): number;
  /** A fresh float32 tensor of TF.js's backend (its data uninitialized). */
  makeOutput(shape: readonly number[], dtype: 'float32'): TensorInfo;
  /** Frees a tensor made by `makeOutput` (on an error path). */
  disposeData(dataId: object): void;
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  if (typeof Buffer !== 'undefined') return Uint8Array.from(Buffer.from(base64, 'base64'));
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** TF.js's heap as a WebAssembly.Memory, when it is a plain (not shared) one. */
function heapMemory(wasm: EmscriptenModule): WebAssembly.Memory | null {
  const memory = wasm.asm?.memory ?? wasm.wasmMemory;
  if (!(memory instanceof WebAssembly.Memory)) return null;
  // The threaded binary's memory is shared; MXTS's modules import a plain one.
  if (typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer) {
    return null;
  }
  return memory;
}

/**
 * Instantiates a module (base64 bytes importing `env.memory`) on the heap of TF.js's wasm
 * backend `tfBackend`; null where it cannot run (the engine has no WebAssembly SIMD, so the
 * module fails to compile, or the heap is shared or not found).
 *
 * @example
 * const heap = instantiateOnHeap(tfBackend, SGEMM_WASM_BASE64);
 */
export function instantiateOnHeap(tfBackend: BackendWasm, base64: string): HeapModule | null {
  const backend = tfBackend as unknown as WasmBackendInternals;
  const memory = heapMemory(backend.wasm);
  if (memory === null) return null;
  let exports: WebAssembly.Exports;
  try {
    exports = new WebAssembly.Instance(new WebAssembly.Module(decode(base64)), {
      env: { memory },
    }).exports;
  } catch {
    return null;
  }
  return {
    exports,
    wasm: backend.wasm,
    address(t) {
      const data = backend.dataIdMap.get(t.dataId);
      if (data === undefined) throw new Error('an operand is not on this wasm backend');
      return data.memoryOffset >>> 0;
    },
    makeOutput: (shape, dtype) => backend.makeOutput([...shape], dtype),
    disposeData: (dataId) => {
      backend.disposeData(dataId);
    },
  };
}
