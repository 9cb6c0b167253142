import {
  ArrayTooLargeError,
  type Backend,
  type BackendCapabilities,
  type DeviceType,
  type DType,
  DTypeError,
  type HostArray,
  type KernelAttrs,
  type KernelName,
  OutOfMemoryError,
  SyncReadUnavailableError,
  type TensorRecord,
} from '@mxts/core';
import { getKernelsForBackend, type KernelBackend, type TensorInfo } from '@tensorflow/tfjs-core';
import { KernelContext, type TfKernelPatch } from './kernel-context.js';
import { kernelTable } from './kernel-table.js';

/** How to wrap one TF.js backend instance. */
export interface TfjsBackendOptions {
  /** MXTS backend name: 'cpu', 'wasm', 'webgpu', 'tfjs-node'. */
  name: string;
  /** The context family it serves. */
  deviceType: DeviceType;
  /** The TF.js backend instance whose kernels run. */
  tfBackend: KernelBackend;
  /** The name TF.js registered its kernels under ('cpu', 'wasm', 'webgpu', 'tensorflow'). */
  tfBackendName: string;
  capabilities: BackendCapabilities;
  /**
   * Replacements for TF.js kernels this engine lacks or gets wrong, by TF.js kernel name
   * (e.g. `Sin` on an engine that loses the sign of -0). Every other engine keeps the
   * shared kernel table as it is.
   */
  tfKernelPatches?: Readonly<Record<string, TfKernelPatch>>;
  /**
   * A writable view of a record's data in the engine's own memory (wasm's heap), taken
   * right after the engine allocated it without values: `writeWith` then fills arrays in
   * place. Without it, `writeWith` fills a host array and writes that.
   */
  viewOf?: (t: TensorInfo) => HostArray;
}

const HOST_ARRAYS = { float32: Float32Array, float64: Float64Array, int32: Int32Array };

/**
 * A fresh host array of the record's dtype. Engines may hand back a plain array (WebGPU's
 * empty results) or another typed array; callers get exactly the dtype's typed array.
 */
function hostCopy(values: unknown, dtype: DType): HostArray {
  const Type = HOST_ARRAYS[dtype];
  return values instanceof Type ? values.slice() : Type.from(values as ArrayLike<number>);
}

// What V8 throws when the host cannot give an engine a typed array (the JS engines' and
// WebGPU's staging buffers); the engine has registered nothing yet, so it stays usable.
const HOST_OOM = /Array buffer allocation failed|Invalid typed array length|Invalid array length/;
// What libtensorflow's allocator reports through tfjs-node (status RESOURCE_EXHAUSTED).
const NATIVE_OOM = /OOM when allocating/;

/** Rethrows the host's allocation failure as `OutOfMemoryError`, anything else as it is. */
function rethrowOom(e: unknown, backend: string, bytes: number, where: string): never {
  if (
    (e instanceof RangeError && HOST_OOM.test(e.message)) ||
    (e instanceof Error && NATIVE_OOM.test(e.message))
  ) {
    throw new OutOfMemoryError(backend, bytes, `${where}: the host refused: ${e.message}`);
  }
  throw e;
}

/**
 * Makes an MXTS backend out of a TF.js backend instance: one kernel table, called on that
 * instance directly, so several backends live in one process.
 *
 * @example
 * const backend = createTfjsBackend({ name: 'cpu', deviceType: 'cpu', tfBackend: new MathBackendCPU(),
 *   tfBackendName: 'cpu', capabilities: { dtypes: ['float32', 'int32'], syncRead: true, description: 'TF.js CPU' } });
 */
export function createTfjsBackend(options: TfjsBackendOptions): Backend {
  // TF.js's engine runs each kernel's setupFunc on a backend when it activates it (wasm binds
  // its C functions there); the engine never sees this instance, so do it here.
  for (const kernel of getKernelsForBackend(options.tfBackendName)) {
    kernel.setupFunc?.(options.tfBackend);
  }
  const k = new KernelContext(options.tfBackend, options.tfBackendName, options.tfKernelPatches);
  const { capabilities } = options;
  const asInfo = (t: TensorRecord): TensorInfo => t as unknown as TensorInfo;
  const asRecord = (t: TensorInfo): TensorRecord => t as unknown as TensorRecord;
  /** Checks a new array of `bytes` against the dtypes and the size limits. */
  const checkWrite = (shape: readonly number[], dtype: DType, bytes: number): void => {
    if (!capabilities.dtypes.includes(dtype)) {
      throw new DTypeError(
        options.name,
        `the ${options.name} backend has no ${dtype}; it supports ${capabilities.dtypes.join(', ')}`,
      );
    }
    if (capabilities.maxArrayBytes !== undefined && bytes > capabilities.maxArrayBytes) {
      throw new ArrayTooLargeError(
        options.name,
        shape,
        bytes,
        capabilities.maxArrayBytes,
        `one ${options.name} array`,
      );
    }
    if (capabilities.maxBytes !== undefined && k.bytes + bytes > capabilities.maxBytes) {
      throw new OutOfMemoryError(
        options.name,
        bytes,
        `${k.bytes} bytes of arrays are live and the backend holds at most ${capabilities.maxBytes}`,
      );
    }
  };
  /** Hands checked host values to the engine. */
  const upload = (values: HostArray, shape: readonly number[], dtype: DType): TensorRecord => {
    try {
      return asRecord(k.write(values, shape, dtype));
    } catch (e) {
      rethrowOom(e, options.name, values.byteLength, 'writing an array');
    }
  };
  const backend: Backend = {
    name: options.name,
    deviceType: options.deviceType,
    capabilities,
    write(values: HostArray, shape: readonly number[], dtype: DType): TensorRecord {
      checkWrite(shape, dtype, values.byteLength);
      return upload(values, shape, dtype);
    },
    writeWith(
      shape: readonly number[],
      dtype: DType,
      fill: (values: HostArray) => void,
    ): TensorRecord {
      const n = shape.reduce((a, b) => a * b, 1);
      const bytes = n * (dtype === 'float64' ? 8 : 4);
      checkWrite(shape, dtype, bytes);
      const { viewOf } = options;
      if (viewOf === undefined) {
        const values = new HOST_ARRAYS[dtype](n);
        fill(values);
        return upload(values, shape, dtype);
      }
      let t: TensorInfo;
      try {
        t = k.write(null, shape, dtype);
      } catch (e) {
        rethrowOom(e, options.name, bytes, 'allocating an array');
      }
      try {
        // The view is taken after the allocation, which may have grown (moved) the heap.
        fill(viewOf(t));
      } catch (e) {
        k.dispose(t);
        throw e;
      }
      return asRecord(t);
    },
    async read(t: TensorRecord): Promise<HostArray> {
      return hostCopy(await options.tfBackend.read(t.dataId), t.dtype);
    },
    readSync(t: TensorRecord): HostArray {
      if (!capabilities.syncRead) throw new SyncReadUnavailableError('readSync', options.name);
      return hostCopy(options.tfBackend.readSync(t.dataId), t.dtype);
    },
    dispose(t: TensorRecord): void {
      k.dispose(asInfo(t));
    },
    run<K extends KernelName>(
      kernel: K,
      inputs: readonly TensorRecord[],
      attrs: KernelAttrs[K],
    ): TensorRecord[] {
      const impl = kernelTable[kernel] as (
        k: KernelContext,
        i: readonly TensorInfo[],
        a: KernelAttrs[K],
      ) => TensorInfo;
      try {
        return [asRecord(impl(k, inputs as unknown as TensorInfo[], attrs))];
      } catch (e) {
        rethrowOom(e, options.name, Number.NaN, `running kernel ${kernel}`);
      }
    },
    memory() {
      return { arrays: options.tfBackend.numDataIds() - k.constantCount, bytes: k.bytes };
    },
  };
  CONTEXTS.set(backend, k);
  return backend;
}

const CONTEXTS = new WeakMap<Backend, KernelContext>();

/**
 * The scalar constants a backend made by `createTfjsBackend` keeps cached (its own data, not
 * the caller's arrays): a backend that reports device bytes (WebGPU's `gpuBytes`) leaves
 * their buffers out, as `memory().bytes` does.
 *
 * @example
 * const own = cachedConstants(backend).length; // 0 before any scalar op
 */
export function cachedConstants(backend: Backend): readonly TensorInfo[] {
  return CONTEXTS.get(backend)?.cachedConstants ?? [];
}
