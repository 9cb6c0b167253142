import {
  type Backend,
  BackendUnavailableError,
  InvalidArgumentError,
  type KnownFailure,
} from '@mxts/core';
import { createTfjsBackend } from '@mxts/tfjs-adapter';
import { findBackendFactory, type KernelBackend, version_core } from '@tensorflow/tfjs-core';
import { tfjsNodeFusedPatches } from './fused-patches.js';
import { classifyLoadError } from './load-error.js';
import { plainOutputTensors } from './plain-output-tensors.js';
import { tfjsNodeKernelPatches } from './tfjs-node-kernel-patches.js';
import { markThreadsLoaded, type ThreadCounts, threadsForLoad } from './threads.js';

export { TfjsNodeThreadsError, type ThreadCounts } from './threads.js';

/**
 * The npm packages that provide TF.js's native 'tensorflow' backend.
 *
 * @example
 * const pkg: TfjsNodePackage = '@tensorflow/tfjs-node-gpu';
 */
export type TfjsNodePackage = '@tensorflow/tfjs-node' | '@tensorflow/tfjs-node-gpu';

/**
 * Options of `createTfjsNodeBackend`.
 *
 * @example
 * await createTfjsNodeBackend({ package: '@tensorflow/tfjs-node-gpu' });
 */
export interface TfjsNodeBackendOptions {
  /**
   * The package to load: `@tensorflow/tfjs-node` (default) or `@tensorflow/tfjs-node-gpu`
   * (CUDA; TensorFlow places the kernels, arrays keep the `cpu(0)` context).
   */
  package?: TfjsNodePackage;
  /**
   * Loads the package; by default `import(options.package)`. Pass
   * `() => import('@tensorflow/tfjs-node')` when a bundler must see the import.
   */
  load?: () => Promise<unknown>;
  /**
   * Threads TensorFlow runs one op on (`TF_NUM_INTRAOP_THREADS`). Default: that variable
   * when set, otherwise the machine's logical cores (`os.availableParallelism()`).
   */
  intraOpThreads?: number;
  /**
   * Ops TensorFlow runs at once (`TF_NUM_INTEROP_THREADS`). Default: that variable when
   * set, otherwise the machine's logical cores.
   */
  interOpThreads?: number;
}

/**
 * The native backend: TensorFlow's C library through `@tensorflow/tfjs-node`, context
 * `cpu(0)`, float32 and int32, synchronous reads. Node only.
 *
 * `@tensorflow/tfjs-node` is an optional peer dependency, loaded when this function runs
 * (never when this package is imported). When it is missing, or its native binding or
 * libtensorflow does not load, the promise rejects with `BackendUnavailableError` naming
 * the cause and the fix. Importing tfjs-node makes 'tensorflow' TF.js's global backend
 * (tfjs-node does that itself); MXTS runs the kernels on its own backend instance.
 *
 * @example
 * import * as mx from '@mxts/core';
 * import { createTfjsNodeBackend } from '@mxts/backend-tfjs-node';
 * // npm install @tensorflow/tfjs-node   (downloads libtensorflow)
 * mx.useBackend(await createTfjsNodeBackend());
 */
export async function createTfjsNodeBackend(
  options: TfjsNodeBackendOptions = {},
): Promise<Backend> {
  const pkg = options.package ?? '@tensorflow/tfjs-node';
  if (pkg !== '@tensorflow/tfjs-node' && pkg !== '@tensorflow/tfjs-node-gpu') {
    throw new RangeError(
      `createTfjsNodeBackend: package must be '@tensorflow/tfjs-node' or '@tensorflow/tfjs-node-gpu', got '${pkg}'`,
    );
  }
  const name = pkg === '@tensorflow/tfjs-node' ? 'tfjs-node' : 'tfjs-node-gpu';
  if (typeof process === 'undefined' || typeof process.versions?.node !== 'string') {
    throw new BackendUnavailableError(
      name,
      `${pkg} runs only in Node.js (it loads a native addon). In a browser use @mxts/backend-wasm or @mxts/backend-webgpu.`,
    );
  }
  for (const key of ['intraOpThreads', 'interOpThreads'] as const) {
    const n = options[key];
    if (n !== undefined && !(Number.isInteger(n) && n > 0)) {
      throw new InvalidArgumentError(
        'createTfjsNodeBackend',
        `${key} must be a positive integer, got ${n}; omit it to use every logical core`,
      );
    }
  }
  const load = options.load ?? (() => import(/* @vite-ignore */ pkg));
  // TensorFlow reads its thread counts once, when tfjs-node's binding creates its context.
  const threads: ThreadCounts = await threadsForLoad(
    options,
    findBackendFactory('tensorflow') !== null,
  );
  let mod: unknown;
  try {
    mod = await load();
  } catch (e) {
    throw new BackendUnavailableError(name, classifyLoadError(pkg, e).reason);
  }
  const factory = findBackendFactory('tensorflow');
  if (factory === null) {
    const theirs = (mod as { version?: Record<string, string> } | null)?.version?.['tfjs-core'];
    throw new BackendUnavailableError(
      name,
      `${pkg} loaded, but its 'tensorflow' backend is not registered with the copy of ` +
        `@tensorflow/tfjs-core that MXTS uses (${version_core}; ${pkg} brought ${theirs ?? 'another copy'}). ` +
        `Install matching versions so both resolve to one copy: npm install ${pkg}@${version_core}`,
    );
  }
  let tfBackend: KernelBackend;
  try {
    tfBackend = await factory();
  } catch (e) {
    throw new BackendUnavailableError(
      name,
      `${pkg} loaded, but its 'tensorflow' backend failed to start: ${(e as Error)?.message ?? e}`,
    );
  }
  markThreadsLoaded(threads);
  plainOutputTensors(tfBackend);
  const versions = (mod as { version?: Record<string, string> } | null)?.version;
  const version = versions?.['tfjs-node'] ?? versions?.[name];
  return createTfjsBackend({
    name,
    deviceType: 'cpu',
    tfBackend,
    tfBackendName: 'tensorflow',
    capabilities: {
      dtypes: ['float32', 'int32'],
      syncRead: true,
      description: `TensorFlow C library through ${pkg}${version ? ` ${version}` : ''}, ${threads.description}`,
    },
    tfKernelPatches: { ...tfjsNodeKernelPatches, ...tfjsNodeFusedPatches },
  });
}

/**
 * Conformance cases this backend is known to fail, as `@mxts/conformance`'s `KnownFailure`
 * records (`{ id, reason, fix }`); `mxts-conformance --backend tfjs-node` reads it. None
 * are known: the whole suite passes on tfjs-node 4.22 over TensorFlow 2.21's C library.
 *
 * @example
 * import { createTfjsNodeBackend, knownFailures } from '@mxts/backend-tfjs-node';
 * await runConformance(() => createTfjsNodeBackend(), { knownFailures });
 */
export const knownFailures: readonly KnownFailure[] = [];
