import {
  type Backend,
  BackendUnavailableError,
  type HostArray,
  OutOfMemoryError,
} from '@mxts/core';
import { createTfjsBackend } from '@mxts/tfjs-adapter';
import {
  type BackendWasm,
  getThreadsCount,
  setThreadsCount,
  setWasmPaths,
} from '@tensorflow/tfjs-backend-wasm';
import {
  engine,
  env,
  findBackendFactory,
  registerBackend,
  removeBackend,
} from '@tensorflow/tfjs-core';
import { fusedPatches } from './fused/fused-patches.js';
import { pickPatches } from './fused/pick-patches.js';
import { createWasmFused } from './fused/wasm-fused.js';
import { createWasmSgemm } from './gemm/wasm-sgemm.js';
import { wasmKernelPatches } from './wasm-kernel-patches.js';

/**
 * The three binaries TF.js's wasm backend ships, each mapped to the URL it is served at.
 *
 * @example
 * const wasmPaths: WasmFileMap = {
 *   'tfjs-backend-wasm.wasm': '/wasm/plain.wasm',
 *   'tfjs-backend-wasm-simd.wasm': '/wasm/simd.wasm',
 *   'tfjs-backend-wasm-threaded-simd.wasm': '/wasm/threaded-simd.wasm',
 * };
 */
export interface WasmFileMap {
  'tfjs-backend-wasm.wasm': string;
  'tfjs-backend-wasm-simd.wasm': string;
  'tfjs-backend-wasm-threaded-simd.wasm': string;
}

/**
 * Options of `createWasmBackend`.
 *
 * @example
 * await createWasmBackend({ wasmPaths: '/assets/tfjs-wasm/', simd: true });
 */
export interface WasmBackendOptions {
  /**
   * Where the `.wasm` binaries are served: a folder URL ending in `/`, or one URL per file.
   * Needed in browsers (bundlers do not copy them). In Node the binaries inside the
   * installed `@tensorflow/tfjs-backend-wasm` package are used.
   */
  wasmPaths?: string | WasmFileMap;
  /**
   * Threads XNNPACK may use. Threads need the threaded binary, which TF.js loads only in
   * cross-origin-isolated browsers (never in Node, where kernels run on 1 thread); `1`
   * forces the single-threaded binary. Default: TF.js's choice (half the logical cores,
   * where threads are available).
   */
  threads?: number;
  /**
   * Whether to load the SIMD binary. Default: when the engine has WebAssembly SIMD.
   * `true` on an engine without SIMD rejects with `BackendUnavailableError`.
   */
  simd?: boolean;
  /**
   * The most bytes of arrays the backend holds at once; an allocation past it raises
   * `OutOfMemoryError` (before anything is written), and the backend keeps working.
   * Default: the WebAssembly heap's capacity (4 GiB, less the module's own data); lower it
   * to bound a page's memory. Allocations that the heap cannot fit raise the same error.
   */
  maxBytes?: number;
}

const SIMD_FLAG = 'WASM_HAS_SIMD_SUPPORT';
const THREADS_FLAG = 'WASM_HAS_MULTITHREAD_SUPPORT';

/** The installed package's `dist/` folder as a file URL (Node only; null elsewhere). */
function installedWasmFolder(): string | null {
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
  if (!isNode || typeof import.meta.resolve !== 'function') return null;
  try {
    return new URL('./', import.meta.resolve('@tensorflow/tfjs-backend-wasm')).href;
  } catch {
    // Emscripten's own default in Node is that same folder (the node bundle's __dirname).
    return null;
  }
}

const PROCESS_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
type Listener = (...args: unknown[]) => void;

/**
 * Runs `start` and removes the process-wide handlers Emscripten's Node glue adds while the
 * module instantiates: they rethrow every uncaught exception and unhandled rejection (from
 * inside the wasm bundle), overriding the host program's own handlers.
 */
async function withoutEmscriptenHandlers<T>(start: () => Promise<T>): Promise<T> {
  const proc = typeof process !== 'undefined' && typeof process.on === 'function' ? process : null;
  const listeners = (event: string) =>
    (proc?.listeners(event as 'uncaughtException') ?? []) as Listener[];
  const before = PROCESS_EVENTS.map((event) => new Set(listeners(event)));
  try {
    return await start();
  } finally {
    if (proc) {
      PROCESS_EVENTS.forEach((event, i) => {
        for (const listener of listeners(event)) {
          const source = String(listener);
          if (!before[i].has(listener) && /ExitStatus|throw reason/.test(source)) {
            proc.removeListener(event as 'uncaughtException', listener);
          }
        }
      });
    }
  }
}

function checkOptions(options: WasmBackendOptions): void {
  const { threads, maxBytes } = options;
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0)) {
    throw new RangeError(`createWasmBackend: threads must be a positive integer, got ${threads}`);
  }
  if (maxBytes !== undefined && !(Number.isSafeInteger(maxBytes) && maxBytes > 0)) {
    throw new RangeError(
      `createWasmBackend: maxBytes must be a positive integer number of bytes, got ${maxBytes}`,
    );
  }
}

// wasm32's address space, which TF.js's module may grow its heap to (it is built with a
// 4 GiB maximum); browsers may refuse to grow that far, and malloc then fails earlier.
const HEAP_MAX = 2 ** 32;
// Room left free near the top of the heap for what kernels allocate inside the module
// (XNNPACK's packed weights and scratch): a failed malloc there is not checked by TF.js's
// C code and writes through a null pointer, i.e. over the heap's first bytes.
const KERNEL_RESERVE = 64 * 2 ** 20;

interface EmscriptenHeap {
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  HEAPU8: Uint8Array;
}

const GUARDED = Symbol('mxts.heapGuard');

/**
 * Makes every array allocation of TF.js's wasm backend (its `move`, through the module's
 * `_malloc`) refuse with `OutOfMemoryError` what cannot fit, instead of going on with the
 * null pointer a failed malloc returns: TF.js would then write the array over the heap's
 * first bytes, and every later kernel fails with `memory access out of bounds`. A throw
 * there leaves TF.js's bookkeeping untouched (nothing is registered yet).
 */
function guardHeap(tfBackend: BackendWasm, maxBytes: number): void {
  const wasm = tfBackend.wasm as unknown as EmscriptenHeap & { [GUARDED]?: true };
  if (wasm[GUARDED]) return;
  // Emscripten's exports replace themselves with the raw wasm function on their first call
  // (Module._malloc = wasmExports.malloc); make that happen now, or it replaces the guard.
  wasm._free(wasm._malloc(8));
  const malloc = wasm._malloc;
  const free = wasm._free;
  const sizes = new Map<number, number>();
  let live = 0;
  wasm._malloc = (bytes: number): number => {
    if (bytes > 0 && live + bytes > maxBytes) {
      throw new OutOfMemoryError(
        'wasm',
        bytes,
        `${live} bytes of arrays are live and the backend's maxBytes is ${maxBytes}`,
      );
    }
    const ptr = malloc(bytes) >>> 0;
    if (ptr === 0 && bytes > 0) {
      throw new OutOfMemoryError(
        'wasm',
        bytes,
        `the WebAssembly heap, ${wasm.HEAPU8.length} bytes with ${live} bytes of live arrays, cannot grow to fit it`,
      );
    }
    if (wasm.HEAPU8.length > HEAP_MAX - KERNEL_RESERVE) {
      const probe = malloc(KERNEL_RESERVE) >>> 0;
      if (probe === 0) {
        free(ptr);
        throw new OutOfMemoryError(
          'wasm',
          bytes,
          `it would leave the WebAssembly heap less than ${KERNEL_RESERVE} bytes for kernels' own memory`,
        );
      }
      free(probe);
    }
    sizes.set(ptr, bytes);
    live += bytes;
    return ptr;
  };
  wasm._free = (ptr: number): void => {
    const bytes = sizes.get(ptr >>> 0);
    if (bytes !== undefined) {
      sizes.delete(ptr >>> 0);
      live -= bytes;
    }
    free(ptr);
  };
  wasm[GUARDED] = true;
}

/**
 * Instantiates TF.js's wasm module and backend (or adopts the one TF.js's engine already
 * runs), without switching TF.js's global backend.
 */
async function instantiate(options: WasmBackendOptions): Promise<Backend> {
  const factory = findBackendFactory('wasm') as (() => Promise<BackendWasm>) | null;
  if (factory === null) {
    throw new BackendUnavailableError(
      'wasm',
      'TF.js has no wasm backend registered (@tensorflow/tfjs-backend-wasm did not load). ' +
        'Install it next to @mxts/backend-wasm: npm install @tensorflow/tfjs-backend-wasm@4.22.0',
    );
  }
  const flags = env();
  const tfEngine = engine();
  // TF.js's own engine already runs a wasm module here: its kernels are bound to it, use it.
  const active = tfEngine.registry['wasm'] as BackendWasm | undefined;
  if (active !== undefined) {
    return wrap(active, flags.getBool(SIMD_FLAG), getThreadsCount(), options.maxBytes);
  }
  // TF.js reads these module-level settings while its factory instantiates the module.
  const simdSupported = (await flags.getAsync(SIMD_FLAG)) as boolean;
  if (options.simd === true && !simdSupported) {
    throw new BackendUnavailableError(
      'wasm',
      'simd: true was asked for, but this JavaScript engine has no WebAssembly SIMD. ' +
        'Omit the option to load the plain binary, or use an engine with SIMD (Node >= 16, current browsers).',
    );
  }
  flags.set(SIMD_FLAG, options.simd ?? simdSupported);
  if (options.threads === 1) flags.set(THREADS_FLAG, false);
  setThreadsCount(options.threads ?? -1);
  let tfBackend: BackendWasm;
  try {
    const paths = options.wasmPaths ?? installedWasmFolder();
    if (paths !== null) setWasmPaths(paths as string);
    tfBackend = await withoutEmscriptenHandlers(factory);
  } catch (e) {
    const cause = (e as Error)?.message ?? String(e);
    throw new BackendUnavailableError(
      'wasm',
      `the WebAssembly module did not load (${cause}). In a browser, serve the .wasm files ` +
        'of @tensorflow/tfjs-backend-wasm/dist/ and pass their folder: ' +
        "createWasmBackend({ wasmPaths: 'https://example.com/tfjs-wasm/' }).",
    );
  }
  // Should TF.js's engine pick wasm later (it ranks it above cpu), hand it this instance
  // rather than a second module that would take the kernels' bindings over.
  const registered = tfEngine.registryFactory['wasm'];
  if (registered !== undefined && tfEngine.registry['wasm'] === undefined) {
    removeBackend('wasm');
    registerBackend('wasm', () => tfBackend, registered.priority);
  }
  return wrap(tfBackend, flags.getBool(SIMD_FLAG), getThreadsCount(), options.maxBytes);
}

function wrap(
  tfBackend: BackendWasm,
  simd: boolean,
  threads: number,
  maxBytes = HEAP_MAX,
): Backend {
  guardHeap(tfBackend, maxBytes);
  return createTfjsBackend({
    name: 'wasm',
    deviceType: 'cpu',
    tfBackend,
    tfBackendName: 'wasm',
    // sgemm.wat needs SIMD; the plain binary (simd: false) keeps TF.js's products.
    tfKernelPatches: {
      ...wasmKernelPatches(simd ? createWasmSgemm(tfBackend) : null),
      ...fusedPatches(simd ? createWasmFused(tfBackend) : null),
      ...pickPatches,
    },
    // Random draws and initial weights are written straight into the heap: no host copy.
    viewOf: (t) => tfBackend.typedArrayFromHeap(t) as HostArray,
    capabilities: {
      dtypes: ['float32', 'int32'],
      syncRead: true,
      maxBytes,
      description: `TF.js wasm kernels (XNNPACK, ${simd ? 'SIMD' : 'no SIMD'}, ${threads} thread${threads === 1 ? '' : 's'})`,
    },
  });
}

// TF.js binds its wasm kernels to one WebAssembly module per process (each kernel keeps
// the module's functions in a module-level variable), so a process has one wasm backend.
let shared: { options: WasmBackendOptions; backend: Promise<Backend> } | null = null;

function conflicts(first: WasmBackendOptions, later: WasmBackendOptions): string[] {
  return (['wasmPaths', 'threads', 'simd', 'maxBytes'] as const).filter(
    (key) => later[key] !== undefined && JSON.stringify(later[key]) !== JSON.stringify(first[key]),
  );
}

/**
 * The WebAssembly backend: TF.js's wasm kernels (XNNPACK, with SIMD where the engine has
 * it), context `cpu(0)`, float32 and int32, synchronous reads. Much faster than
 * `@mxts/backend-cpu` on matrix products. It never switches TF.js's global backend, so it
 * coexists with other backends in one process.
 *
 * TF.js binds its wasm kernels to one WebAssembly module per process, so every call
 * returns the same backend, and a later call with different options rejects. TF.js's own
 * engine shares that module: if it already runs wasm, this backend adopts its instance;
 * if it picks wasm later (`tf.setBackend('wasm')`), it gets this backend's instance (and
 * its tensors then count in `mx.memory()`).
 *
 * @example
 * import * as mx from '@mxts/core';
 * import { createWasmBackend } from '@mxts/backend-wasm';
 * mx.useBackend(await createWasmBackend());
 * // In a browser, point it at the served binaries:
 * mx.useBackend(await createWasmBackend({ wasmPaths: '/assets/tfjs-wasm/' }));
 */
export async function createWasmBackend(options: WasmBackendOptions = {}): Promise<Backend> {
  checkOptions(options);
  if (shared !== null) {
    const differ = conflicts(shared.options, options);
    if (differ.length > 0) {
      throw new BackendUnavailableError(
        'wasm',
        `this process's wasm module was already created with other ${differ.join(', ')} ` +
          '(TF.js binds its wasm kernels to one module per process). Pass the same options ' +
          'as the first createWasmBackend() call, or none.',
      );
    }
    return shared.backend;
  }
  const entry = { options, backend: instantiate(options) };
  shared = entry;
  try {
    return await entry.backend;
  } catch (e) {
    // Let a later call (e.g. with the right wasmPaths) try again.
    if (shared === entry) shared = null;
    throw e;
  }
}

export { knownFailures } from './known-failures.js';
