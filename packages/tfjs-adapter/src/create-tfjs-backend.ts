import {
  type Backend,
  type BackendCapabilities,
  type DeviceType,
  type DType,
  DTypeError,
  type HostArray,
  type KernelAttrs,
  type KernelName,
  SyncReadUnavailableError,
  type TensorRecord,
} from '@mxts/core';
import type { KernelBackend, TensorInfo } from '@tensorflow/tfjs-core';
import { KernelContext } from './kernel-context.js';
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
  const k = new KernelContext(options.tfBackend, options.tfBackendName);
  const { capabilities } = options;
  const asInfo = (t: TensorRecord): TensorInfo => t as unknown as TensorInfo;
  const asRecord = (t: TensorInfo): TensorRecord => t as unknown as TensorRecord;
  return {
    name: options.name,
    deviceType: options.deviceType,
    capabilities,
    write(values: HostArray, shape: readonly number[], dtype: DType): TensorRecord {
      if (!capabilities.dtypes.includes(dtype)) {
        throw new DTypeError(
          options.name,
          `the ${options.name} backend has no ${dtype}; it supports ${capabilities.dtypes.join(', ')}`,
        );
      }
      return asRecord(k.write(values, shape, dtype));
    },
    async read(t: TensorRecord): Promise<HostArray> {
      const values = await options.tfBackend.read(t.dataId);
      return (values as HostArray).slice();
    },
    readSync(t: TensorRecord): HostArray {
      if (!capabilities.syncRead) throw new SyncReadUnavailableError('readSync', options.name);
      return (options.tfBackend.readSync(t.dataId) as HostArray).slice();
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
      return [asRecord(impl(k, inputs as unknown as TensorInfo[], attrs))];
    },
    memory() {
      return { arrays: options.tfBackend.numDataIds(), bytes: k.bytes };
    },
  };
}
