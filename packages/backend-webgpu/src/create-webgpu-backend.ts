import {
  type Backend,
  BackendUnavailableError,
  type DType,
  type HostArray,
  type KernelAttrs,
  type KernelName,
  MXNetError,
  type TensorRecord,
} from '@mxts/core';
import { cachedConstants, createTfjsBackend } from '@mxts/tfjs-adapter';
import type { KernelBackend } from '@tensorflow/tfjs-core';
import type { GpuAdapterInfoLike, GpuAdapterLike, GpuDeviceLike, GpuLike } from './gpu-types.js';
import { type WebGpuProgramRunner, webGpuKernelPatches } from './kernel-patches.js';
import { type DawnBackend, openAdapter } from './open-adapter.js';
import type { WebGpuUtil } from './wgsl-programs.js';

/**
 * Options of `createWebGpuBackend`. Every one is optional.
 *
 * @example
 * await createWebGpuBackend({ backend: 'vulkan', adapter: 'NVIDIA', powerPreference: 'high-performance' });
 */
export interface WebGpuBackendOptions {
  /**
   * Node only: Dawn's backend. Default on Linux: 'vulkan' when a Vulkan driver gives a usable
   * adapter, else 'opengles' (Mesa's llvmpipe in compatibility mode works without a GPU); on
   * macOS and Windows, Dawn's default (Metal, D3D12). Also read from `MXTS_WEBGPU_BACKEND`.
   */
  backend?: DawnBackend;
  /**
   * Node only: the adapter's name, or part of it (`'llvmpipe'`, `'NVIDIA'`), as Dawn lists
   * them. Also read from `MXTS_WEBGPU_ADAPTER`.
   */
  adapter?: string;
  /** Which GPU to prefer where there are several. */
  powerPreference?: 'low-power' | 'high-performance';
  /**
   * A WebGPU entry point to use instead of `navigator.gpu` or the `webgpu` package (e.g. a
   * Dawn instance made with your own flags).
   */
  gpu?: GpuLike;
}

/**
 * The adapter a WebGPU backend runs on.
 *
 * @example
 * const { device, description, route, featureLevel } = (await createWebGpuBackend()).adapterInfo;
 * // 'llvmpipe-llvm-15-0-6-256-bits-', 'OpenGL version OpenGL ES 3.2 Mesa 22.3.6', 'opengles', 'compatibility'
 */
export interface WebGpuAdapterDescription {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** How it was found: Dawn's backend ('vulkan', 'opengles', 'default'), or 'navigator.gpu'. */
  readonly route: string;
  /** 'compatibility' for adapters such as OpenGL ES that lack part of core WebGPU. */
  readonly featureLevel: 'core' | 'compatibility';
}

/**
 * GPU memory held by the backend's buffer pool, in bytes.
 *
 * @example
 * const { bytesInUse, bytesAllocated } = gpu.gpuMemory();
 */
export interface WebGpuMemoryInfo {
  /** Bytes in buffers that hold live arrays (and work still queued). */
  readonly bytesInUse: number;
  /** Bytes allocated on the device: in use plus free buffers kept for reuse. */
  readonly bytesAllocated: number;
}

/**
 * A WebGPU backend: a `Backend` (context `gpu(0)`, asynchronous reads) plus its adapter, its
 * GPU memory, and `close()`.
 *
 * @example
 * const gpu = await createWebGpuBackend();
 * console.log(gpu.adapterInfo.description, gpu.gpuMemory().bytesInUse);
 * gpu.close();
 */
export interface WebGpuBackend extends Backend {
  readonly name: 'webgpu';
  readonly deviceType: 'gpu';
  /** The adapter the device was created on. */
  readonly adapterInfo: WebGpuAdapterDescription;
  /**
   * Bytes in the GPU buffer pool. Buffers of disposed arrays go back to the pool; queued work
   * is submitted first, so buffers freed behind it count as returned.
   */
  gpuMemory(): WebGpuMemoryInfo;
  /**
   * Releases the pooled buffers and destroys the GPU device, so a Node process can exit.
   * The backend throws `BackendUnavailableError` if used afterwards. Idempotent.
   */
  close(): void;
}

/** The members of TF.js's WebGPUBackend this package uses beyond `KernelBackend`. */
interface TfWebGpuBackend extends KernelBackend {
  shouldExecuteOnCPU(inputs: unknown[], sizeThreshold?: number): boolean;
  bufferManager: { numBytesUsed: number; numBytesAllocated: number };
  commandEncoder: unknown;
  endComputePassEncoder(): void;
  submitQueue(): void;
  tensorMap: { get(dataId: object): unknown };
}

// Standard limits worth raising to the adapter's values: compatibility-mode devices default
// to 4 storage buffers per stage, which TF.js's multi-input kernels outgrow.
const LIMITS = [
  'maxStorageBuffersPerShaderStage',
  'maxComputeWorkgroupStorageSize',
  'maxComputeWorkgroupsPerDimension',
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupSizeZ',
  'maxComputeInvocationsPerWorkgroup',
];

/** The largest array a kernel can bind: the device's storage-binding and buffer limits. */
function largestArray(device: GpuDeviceLike): number | undefined {
  const limits = (device as { limits?: Record<string, unknown> }).limits ?? {};
  const sizes = [limits.maxStorageBufferBindingSize, limits.maxBufferSize].filter(
    (v): v is number => typeof v === 'number' && v > 0,
  );
  return sizes.length > 0 ? Math.min(...sizes) : undefined;
}

async function requestDevice(adapter: GpuAdapterLike): Promise<GpuDeviceLike> {
  const limits = adapter.limits as Record<string, unknown>;
  const requiredLimits: Record<string, number> = {};
  for (const name of LIMITS) {
    const v = limits[name];
    if (typeof v === 'number') requiredLimits[name] = v;
  }
  try {
    return await adapter.requestDevice({ requiredLimits });
  } catch (e) {
    throw new BackendUnavailableError(
      'webgpu',
      `the adapter refused a device (${(e as Error)?.message ?? e}). Fix: update the GPU ` +
        'driver, or choose another adapter (options `backend`, `adapter`).',
    );
  }
}

function describeAdapter(
  info: GpuAdapterInfoLike | undefined,
  route: string,
  featureLevel: 'core' | 'compatibility',
): WebGpuAdapterDescription {
  return {
    vendor: info?.vendor ?? '',
    architecture: info?.architecture ?? '',
    device: info?.device ?? '',
    description: info?.description ?? '',
    route,
    featureLevel,
  };
}

/** Runs `fn` with `navigator.gpu` defined, as TF.js's WebGPUBackend constructor demands. */
function withNavigatorGpu<T>(gpu: GpuLike, fn: () => T): T {
  const g = globalThis as { navigator?: { gpu?: GpuLike } };
  if (g.navigator?.gpu) return fn();
  // Defined only for the constructor and removed after: a lasting navigator.gpu would make
  // TF.js's global engine (if loaded later) pick its own 'webgpu' backend, and may keep Node
  // from exiting.
  const hadNavigator = g.navigator !== undefined;
  if (hadNavigator) Object.defineProperty(g.navigator, 'gpu', { value: gpu, configurable: true });
  else g.navigator = { gpu };
  try {
    return fn();
  } finally {
    if (hadNavigator) delete g.navigator!.gpu;
    else delete g.navigator;
  }
}

/**
 * The WebGPU backend (TF.js's WebGPU kernels), context `gpu(0)`, float32 and int32, reads
 * asynchronous only (`await x.data()`; `dataSync()` and `String(x)` raise
 * `SyncReadUnavailableError`). In a browser it uses `navigator.gpu`; in Node it loads the
 * optional `webgpu` package (Dawn) and picks a Vulkan adapter, else Mesa's OpenGL ES one.
 * Rejects with `BackendUnavailableError`, naming the cause and the fix, when there is no
 * adapter. Call `close()` when done so Node can exit. Move arrays to the CPU with
 * `await x.copyToAsync(mx.cpu())`.
 *
 * @example
 * import * as mx from '@mxts/core';
 * import { createCpuBackend } from '@mxts/backend-cpu';
 * import { createWebGpuBackend } from '@mxts/backend-webgpu';
 * mx.useBackend(await createCpuBackend());
 * const gpu = await createWebGpuBackend(); // Node without a GPU: Mesa's OpenGL ES adapter
 * mx.useBackend(gpu); // arrays made without ctx now live on gpu(0)
 * const x = mx.nd.array([1, 2, 3]);
 * x.attachGrad();
 * const y = mx.autograd.record(() => x.mul(x).sum());
 * y.backward();
 * console.log(await x.grad!.data()); // Float32Array(3) [2, 4, 6]
 * const onCpu = await x.copyToAsync(mx.cpu(0)); // GPU -> CPU reads, so it is async
 * const onGpu = mx.nd.ones([2], { ctx: mx.cpu(0) }).copyTo(mx.gpu(0)); // CPU -> GPU
 * gpu.close(); // releases the device so Node can exit
 */
export async function createWebGpuBackend(
  options: WebGpuBackendOptions = {},
): Promise<WebGpuBackend> {
  const opened = await openAdapter(options);
  const device = await requestDevice(opened.adapter);
  let tfBackend: TfWebGpuBackend;
  let util: WebGpuUtil;
  try {
    const { WebGPUBackend, webgpu_util } = await import('@tensorflow/tfjs-backend-webgpu');
    util = webgpu_util as unknown as WebGpuUtil;
    tfBackend = withNavigatorGpu(
      opened.gpu,
      () => new WebGPUBackend(device as never, opened.adapter.info as never),
    ) as unknown as TfWebGpuBackend;
  } catch (e) {
    device.destroy();
    throw e;
  }
  // TF.js runs ops on small arrays still on the host with its CPU kernels (the global flag
  // WEBGPU_CPU_FORWARD); off for this instance only, so every result comes from a GPU kernel.
  tfBackend.shouldExecuteOnCPU = () => false;
  const adapterInfo = describeAdapter(opened.adapter.info, opened.route, opened.featureLevel);
  const named = [adapterInfo.device, adapterInfo.description, adapterInfo.vendor]
    .filter((s) => s !== '')
    .join(', ');
  const base = createTfjsBackend({
    name: 'webgpu',
    deviceType: 'gpu',
    tfBackend,
    tfBackendName: 'webgpu',
    tfKernelPatches: webGpuKernelPatches(tfBackend as unknown as WebGpuProgramRunner, util),
    capabilities: {
      dtypes: ['float32', 'int32'],
      syncRead: false,
      // A bigger array fails TF.js's bind groups, and that validation error then surfaces
      // on the next, unrelated call: refuse it up front.
      maxArrayBytes: largestArray(device),
      description: `TF.js WebGPU kernels on ${named || 'an unnamed adapter'}, via ${
        opened.route === 'navigator.gpu' ? 'navigator.gpu' : `Dawn ${opened.route}`
      } in ${opened.featureLevel} mode`,
    },
  });

  let closed = false;
  let lost: string | null = null;
  const gpuErrors: string[] = [];
  device.lost.then(
    (info) => {
      if (!closed) lost = info.message || info.reason || 'unknown reason';
    },
    () => {},
  );
  // Validation and out-of-memory errors would otherwise only be logged, and reads would
  // return whatever the buffers held.
  device.addEventListener?.('uncapturederror', (event: { error?: { message?: string } }) => {
    gpuErrors.push(event.error?.message ?? String(event.error));
  });
  const check = () => {
    if (closed) {
      throw new BackendUnavailableError(
        'webgpu',
        'this backend was closed with close(). Fix: create another with createWebGpuBackend().',
      );
    }
    if (lost !== null) {
      throw new BackendUnavailableError(
        'webgpu',
        `the GPU device was lost (${lost}). Fix: create another with createWebGpuBackend().`,
      );
    }
    if (gpuErrors.length > 0) {
      throw new MXNetError(`WebGPU reported an error: ${gpuErrors.splice(0).join('; ')}`);
    }
  };
  const flush = () => {
    if (tfBackend.commandEncoder) {
      tfBackend.endComputePassEncoder();
      tfBackend.submitQueue();
    }
  };
  const gpuMemory = (): WebGpuMemoryInfo => {
    if (closed) return { bytesInUse: 0, bytesAllocated: 0 };
    flush();
    const m = tfBackend.bufferManager;
    return { bytesInUse: m.numBytesUsed, bytesAllocated: m.numBytesAllocated };
  };

  // The adapter's cached scalar constants are the backend's own, like its buffer pool: their
  // GPU buffers (once uploaded) are left out of gpuBytes, as memory().bytes leaves them out.
  const constantGpuBytes = (): number => {
    let n = 0;
    for (const t of cachedConstants(base)) {
      const data = tfBackend.tensorMap.get(t.dataId as object) as
        | { resource?: unknown }
        | undefined;
      const size = (data?.resource as { size?: unknown } | null | undefined)?.size;
      if (typeof size === 'number') n += size; // a GPUBuffer (textures have no size)
    }
    return n;
  };

  return {
    name: 'webgpu',
    deviceType: 'gpu',
    capabilities: base.capabilities,
    adapterInfo,
    write(values: HostArray, shape: readonly number[], dtype: DType): TensorRecord {
      check();
      return base.write(values, shape, dtype);
    },
    async read(t: TensorRecord): Promise<HostArray> {
      check();
      const values = await base.read(t);
      check();
      return values;
    },
    readSync(t: TensorRecord): HostArray {
      return base.readSync(t);
    },
    dispose(t: TensorRecord): void {
      // Finalizers may free arrays after close(); the device took their buffers with it.
      if (!closed) base.dispose(t);
    },
    run<K extends KernelName>(
      kernel: K,
      inputs: readonly TensorRecord[],
      attrs: KernelAttrs[K],
    ): TensorRecord[] {
      check();
      return base.run(kernel, inputs, attrs);
    },
    memory() {
      if (closed) return { arrays: 0, bytes: 0, gpuBytes: 0 };
      return { ...base.memory(), gpuBytes: gpuMemory().bytesInUse - constantGpuBytes() };
    },
    gpuMemory,
    close(): void {
      if (closed) return;
      closed = true;
      try {
        tfBackend.dispose();
      } finally {
        device.destroy();
      }
    },
  };
}
