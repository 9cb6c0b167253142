import { BackendUnavailableError } from '@mxts/core';
import type { GpuLike } from './gpu-types.js';

/** The `webgpu` package: Dawn's Node bindings. */
interface DawnModule {
  create(flags: string[]): GpuLike;
  globals: Record<string, unknown>;
}

let dawn: Promise<DawnModule> | undefined;

/**
 * Loads the optional `webgpu` package once and defines WebGPU's globals (`GPUBufferUsage`,
 * `GPUMapMode`, `GPUBuffer`, ...) that TF.js's kernels use, without replacing any that exist.
 */
export function loadDawn(): Promise<DawnModule> {
  dawn ??= (async () => {
    // A computed specifier, so browser bundlers leave this Node-only package alone.
    const specifier = 'webgpu';
    let mod: DawnModule;
    try {
      mod = (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as DawnModule;
    } catch (e) {
      dawn = undefined;
      throw new BackendUnavailableError(
        'webgpu',
        `the optional dependency \`webgpu\` (Dawn's Node bindings) could not be loaded: ${
          (e as Error)?.message ?? e
        }. Fix: install it beside @mxts/backend-webgpu (\`npm install webgpu@0.6.2\`; its ` +
          'prebuilt binaries cover linux-x64, linux-arm64, darwin and win32), or pass `gpu`.',
      );
    }
    const g = globalThis as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod.globals)) {
      if (!(name in g)) g[name] = value;
    }
    return mod;
  })();
  return dawn;
}

/** True in Node (and runtimes that pose as it), where WebGPU comes from the `webgpu` package. */
export function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}
