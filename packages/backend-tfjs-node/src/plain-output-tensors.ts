import type { KernelBackend, TensorInfo } from '@tensorflow/tfjs-core';

interface OutputMetadata {
  id: number;
  shape: number[];
  dtype: number;
}

interface NodeBackendInternals {
  binding: Record<string, number>;
  tensorMap: { set(id: object, data: object): void };
  createOutputTensor?: (m: OutputMetadata) => unknown;
}

/**
 * Makes tfjs-node's backend instance hand back its kernels' outputs as plain tensor records.
 * Its `createOutputTensor` registers every output with TF.js's global engine
 * (`makeTensorFromTensorInfo`, tfjs-node's own TODO says it should not), so the engine would
 * count each MXTS array forever (MXTS frees them on the backend, never through the engine).
 * Only MXTS's own instance changes; the engine's 'tensorflow' backend keeps tfjs-node's.
 */
export function plainOutputTensors(tfBackend: KernelBackend): void {
  const b = tfBackend as unknown as NodeBackendInternals;
  if (typeof b.createOutputTensor !== 'function' || b.binding === undefined) return;
  const { binding } = b;
  const dtypes = new Map<number, TensorInfo['dtype']>([
    [binding.TF_FLOAT, 'float32'],
    [binding.TF_INT32, 'int32'],
    // tfjs-node stores int64 and uint8 outputs as int32, as its own createOutputTensor.
    [binding.TF_INT64, 'int32'],
    [binding.TF_UINT8, 'int32'],
    [binding.TF_BOOL, 'bool'],
    [binding.TF_COMPLEX64, 'complex64'],
    [binding.TF_STRING, 'string'],
    [binding.TF_RESOURCE, 'string'],
  ]);
  b.createOutputTensor = (m: OutputMetadata): TensorInfo => {
    const dtype = dtypes.get(m.dtype);
    if (dtype === undefined) throw new Error(`tfjs-node: unknown TensorFlow dtype enum ${m.dtype}`);
    const dataId = {};
    b.tensorMap.set(dataId, {
      shape: m.shape,
      dtype: m.dtype,
      id: m.id,
      values: null,
      refCount: 1,
    });
    return { dataId, shape: m.shape, dtype };
  };
}
