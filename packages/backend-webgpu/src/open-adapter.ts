import { BackendUnavailableError } from '@mxts/core';
import { isNode, loadDawn } from './dawn.js';
import type { GpuAdapterLike, GpuLike, GpuRequestAdapterOptions } from './gpu-types.js';

/**
 * Dawn's backends this package selects by name in Node: 'vulkan' (GPU drivers, or Mesa 25's
 * lavapipe) and 'opengles' (Mesa's llvmpipe without a GPU, in compatibility mode).
 *
 * @example
 * const gpu = await createWebGpuBackend({ backend: 'opengles' satisfies DawnBackend });
 */
export type DawnBackend = 'vulkan' | 'opengles';

/** What `openAdapter` looks for. */
export interface AdapterRequest {
  gpu?: GpuLike;
  backend?: DawnBackend;
  adapter?: string;
  powerPreference?: 'low-power' | 'high-performance';
}

/** An adapter and how it was found, for the backend's description. */
export interface OpenedAdapter {
  gpu: GpuLike;
  adapter: GpuAdapterLike;
  /** 'navigator.gpu', 'gpu option', or Dawn's backend ('vulkan', 'opengles', 'default'). */
  route: string;
  featureLevel: 'core' | 'compatibility';
}

/** The packages and settings that give Node a WebGPU adapter, for error messages. */
export const SETUP_HINT =
  'Fix: with a GPU, install its Vulkan driver and loader (NVIDIA: the proprietary driver, ' +
  'whose Vulkan ICD comes with it, plus `apt-get install libvulkan1`; AMD/Intel: ' +
  '`apt-get install libvulkan1 mesa-vulkan-drivers`) and check `vulkaninfo --summary`; ' +
  "without a GPU, use Mesa's software OpenGL ES (llvmpipe): `apt-get install libvulkan1 " +
  'mesa-vulkan-drivers libegl1 libegl-mesa0 libgl1-mesa-dri libegl-dev` and set ' +
  'EGL_PLATFORM=surfaceless (backend: "opengles"). Choose the route with the `backend` option ' +
  'or MXTS_WEBGPU_BACKEND=vulkan|opengles.';

const unavailable = (reason: string) => new BackendUnavailableError('webgpu', reason);

/** Asks for a core adapter, then a compatibility-mode one (OpenGL ES has only those). */
async function request(
  gpu: GpuLike,
  powerPreference: GpuRequestAdapterOptions['powerPreference'],
  levels: readonly ('core' | 'compatibility')[],
): Promise<{ adapter: GpuAdapterLike; featureLevel: 'core' | 'compatibility' } | null> {
  for (const featureLevel of levels) {
    const options: GpuRequestAdapterOptions =
      featureLevel === 'core' ? { powerPreference } : { powerPreference, featureLevel };
    const adapter = await gpu.requestAdapter(options);
    if (adapter) return { adapter, featureLevel };
  }
  return null;
}

const BOTH = ['core', 'compatibility'] as const;

/** Node: one Dawn backend after another, until one gives an adapter. */
async function openDawn(req: AdapterRequest): Promise<OpenedAdapter> {
  const { create } = await loadDawn();
  const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process
    ?.env;
  const chosen = req.backend ?? (env?.MXTS_WEBGPU_BACKEND as DawnBackend | undefined);
  const adapterName = req.adapter ?? env?.MXTS_WEBGPU_ADAPTER;
  const platform = (globalThis as { process?: { platform?: string } }).process?.platform;
  // Linux: a Vulkan driver when one gives an adapter, else Mesa's OpenGL ES. Elsewhere Dawn's
  // own default (Metal on macOS, D3D12 on Windows) unless a backend is named.
  const order: (DawnBackend | undefined)[] = chosen
    ? [chosen]
    : platform === 'linux'
      ? ['vulkan', 'opengles']
      : [undefined];
  const tried: string[] = [];
  for (const backend of order) {
    if (backend !== undefined && backend !== 'vulkan' && backend !== 'opengles') {
      throw unavailable(`unknown backend '${backend}': use 'vulkan' or 'opengles'`);
    }
    const flags = backend ? [`backend=${backend}`] : [];
    if (adapterName) flags.push(`adapter=${adapterName}`);
    if (backend === 'opengles' && env && env.EGL_PLATFORM === undefined) {
      // Mesa's EGL needs a platform; with no display server only 'surfaceless' initializes.
      if (!env.DISPLAY && !env.WAYLAND_DISPLAY) env.EGL_PLATFORM = 'surfaceless';
    }
    const label = backend ?? 'default';
    try {
      const gpu = create(flags);
      const found = await request(
        gpu,
        req.powerPreference,
        backend === 'opengles' ? ['compatibility'] : BOTH,
      );
      if (found) return { gpu, ...found, route: label };
      const hint =
        backend === 'opengles'
          ? eglHint(env)
          : " (no Vulkan driver that Dawn accepts: it refuses Mesa 22's lavapipe; " +
            '`vulkaninfo --summary` lists the drivers)';
      tried.push(`${label}: no adapter${hint}`);
    } catch (e) {
      tried.push(`${label}: ${String((e as Error)?.message ?? e).trim()}`);
    }
  }
  throw unavailable(
    `Dawn (the webgpu package) found no WebGPU adapter (${tried.join('; ')}; Dawn's ` +
      `warnings on stderr tell more). ${SETUP_HINT}`,
  );
}

function eglHint(env: Record<string, string | undefined> | undefined): string {
  const p = env?.EGL_PLATFORM;
  return p === undefined || p === 'surfaceless'
    ? ' (is libEGL.so from libegl-dev and a Mesa EGL driver installed?)'
    : ` (EGL_PLATFORM=${p}; try EGL_PLATFORM=surfaceless)`;
}

/** A browser (or Deno): `navigator.gpu`. */
async function openNavigator(req: AdapterRequest): Promise<OpenedAdapter> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (!gpu) {
    throw unavailable(
      'navigator.gpu is undefined: this browser has no WebGPU, or the page is not a secure ' +
        'context. Fix: serve the page over https or from localhost, and use a browser with ' +
        'WebGPU (Chrome/Edge 113+, Safari 26+, Firefox 141+ on Windows; elsewhere enable it, e.g. ' +
        'chrome://flags/#enable-unsafe-webgpu).',
    );
  }
  const found = await request(gpu, req.powerPreference, BOTH);
  if (!found) {
    throw unavailable(
      'navigator.gpu.requestAdapter() returned null: the browser has WebGPU but no usable GPU ' +
        '(blocklisted driver, or hardware acceleration turned off). Fix: turn on hardware ' +
        'acceleration, update the GPU driver, and check chrome://gpu (or about:support).',
    );
  }
  return { gpu, ...found, route: 'navigator.gpu' };
}

/**
 * Finds a WebGPU adapter: `req.gpu` when given, Dawn (the `webgpu` package) in Node, else
 * `navigator.gpu`. Rejects with `BackendUnavailableError` naming the cause and the fix.
 */
export async function openAdapter(req: AdapterRequest): Promise<OpenedAdapter> {
  if (req.gpu) {
    const found = await request(req.gpu, req.powerPreference, BOTH);
    if (!found) {
      throw unavailable(
        `the gpu passed in options found no adapter (requestAdapter() returned null). ${SETUP_HINT}`,
      );
    }
    // TF.js's kernels need WebGPU's globals (GPUBufferUsage, ...): Node has them only from Dawn.
    if (isNode() && !('GPUBufferUsage' in globalThis)) await loadDawn();
    return { gpu: req.gpu, ...found, route: 'gpu option' };
  }
  const deno = 'Deno' in globalThis;
  return isNode() && !deno ? openDawn(req) : openNavigator(req);
}
