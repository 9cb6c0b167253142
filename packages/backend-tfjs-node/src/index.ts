import { type Backend, BackendUnavailableError, type KnownFailure } from '@mxts/core';
import { createTfjsBackend } from '@mxts/tfjs-adapter';
import { findBackendFactory, type KernelBackend, version_core } from '@tensorflow/tfjs-core';
import { classifyLoadError } from './load-error.js';

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
  const load = options.load ?? (() => import(/* @vite-ignore */ pkg));
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
      description: `TensorFlow C library through ${pkg}${version ? ` ${version}` : ''}`,
    },
  });
}

/**
 * Conformance cases this backend is known to fail, as `@mxts/conformance`'s `KnownFailure`
 * records (`{ id, reason, fix }`); `mxts-conformance --backend tfjs-node` reads it. None
 * are known: the suite has not yet run on a machine with tfjs-node installed.
 *
 * @example
 * import { createTfjsNodeBackend, knownFailures } from '@mxts/backend-tfjs-node';
 * await runConformance(() => createTfjsNodeBackend(), { knownFailures });
 */
export const knownFailures: readonly KnownFailure[] = [];
