// The few WebGPU members this package touches, typed structurally so that neither this
// package nor its users need `@webgpu/types`: a browser's `navigator.gpu` and the `webgpu`
// package's `create()` both fit.

/**
 * What `requestAdapter` is asked for.
 *
 * @example
 * const options: GpuRequestAdapterOptions = { powerPreference: 'high-performance' };
 */
export interface GpuRequestAdapterOptions {
  powerPreference?: 'low-power' | 'high-performance';
  /** 'compatibility' admits adapters (OpenGL ES, D3D11) that lack some of core WebGPU. */
  featureLevel?: 'core' | 'compatibility';
}

/**
 * A WebGPU adapter's identity, as `GPUAdapter.info` reports it.
 *
 * @example
 * const info: GpuAdapterInfoLike = (await navigator.gpu.requestAdapter())!.info;
 */
export interface GpuAdapterInfoLike {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
}

/**
 * A WebGPU device: what the backend needs of `GPUDevice` besides what TF.js uses.
 *
 * @example
 * const device: GpuDeviceLike = await adapter.requestDevice();
 */
export interface GpuDeviceLike {
  readonly lost: Promise<{ readonly reason?: string; readonly message: string }>;
  /** Releases the device (WebGPU's `GPUDevice.destroy`). */
  destroy(): void;
  /** Listens for device events such as `uncapturederror` (optional in Dawn's Node binding). */
  addEventListener?(type: string, listener: (event: any) => void): void;
}

/**
 * A WebGPU adapter (`GPUAdapter`).
 *
 * @example
 * const adapter: GpuAdapterLike | null = await navigator.gpu.requestAdapter();
 */
export interface GpuAdapterLike {
  /** The adapter's optional features (WebGPU's `GPUSupportedFeatures`). */
  readonly features: {
    /** True when the adapter offers the named feature, e.g. `shader-f16`. */
    has(name: string): boolean;
  };
  readonly limits: object;
  readonly info?: GpuAdapterInfoLike;
  /** Opens a device on this adapter (WebGPU's `GPUAdapter.requestDevice`). */
  requestDevice(descriptor?: {
    requiredFeatures?: string[];
    requiredLimits?: Record<string, number>;
  }): Promise<GpuDeviceLike>;
}

/**
 * WebGPU's entry point, `GPU`: `navigator.gpu` in a browser, `create([...])` of the `webgpu`
 * package (Dawn) in Node. Pass one as the `gpu` option to choose it yourself.
 *
 * @example
 * import { create } from 'webgpu';
 * const gpu: GpuLike = create(['backend=vulkan', 'enable-dawn-features=allow_unsafe_apis']);
 * const backend = await createWebGpuBackend({ gpu });
 */
export interface GpuLike {
  /** Picks an adapter (WebGPU's `GPU.requestAdapter`); null when none is available. */
  requestAdapter(options?: GpuRequestAdapterOptions): Promise<GpuAdapterLike | null>;
}
