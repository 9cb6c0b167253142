import { OutOfMemoryError } from '@mxts/core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { describe, expect, test } from 'vitest';
import { createTfjsBackend } from './create-tfjs-backend.js';

const cpu = (maxBytes?: number) => {
  const tf = new MathBackendCPU();
  (tf as unknown as { firstUse: boolean }).firstUse = false;
  const backend = createTfjsBackend({
    name: 'cpu',
    deviceType: 'cpu',
    tfBackend: tf,
    tfBackendName: 'cpu',
    capabilities: { dtypes: ['float32', 'int32'], syncRead: true, description: 'test', maxBytes },
  });
  return { tf, backend };
};

describe('createTfjsBackend: allocations that cannot fit', () => {
  test('a write past capabilities.maxBytes raises OutOfMemoryError before the engine stores it', () => {
    const { tf, backend } = cpu(16);
    const a = backend.write(new Float32Array(3), [3], 'float32');
    expect(() => backend.write(new Float32Array(2), [2], 'float32')).toThrow(OutOfMemoryError);
    expect(tf.numDataIds()).toBe(1);
    backend.dispose(a);
    const b = backend.write(new Float32Array(4), [4], 'float32');
    expect(backend.memory()).toEqual({ arrays: 1, bytes: 16 });
    backend.dispose(b);
  });

  test("the host's RangeError from a failed typed-array allocation becomes OutOfMemoryError", () => {
    const { tf, backend } = cpu();
    const x = backend.write(new Float32Array([1, 2]), [2], 'float32');
    // TF.js's CPU kernels store their output through makeTensorInfo.
    const makeTensorInfo = tf.makeTensorInfo;
    tf.makeTensorInfo = () => {
      throw new RangeError('Array buffer allocation failed');
    };
    let error: unknown;
    try {
      backend.run('elemwiseAdd', [x, x], {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutOfMemoryError);
    expect((error as Error).message).toMatch(
      /running kernel elemwiseAdd.*Array buffer allocation failed/,
    );
    // libtensorflow's allocator failing inside tfjs-node.
    tf.makeTensorInfo = () => {
      throw new Error(
        'Invalid TF_Status: 8\nMessage: OOM when allocating tensor with shape[1000000,1000] and type float',
      );
    };
    expect(() => backend.run('elemwiseAdd', [x, x], {})).toThrow(OutOfMemoryError);
    // Other RangeErrors pass through as they are.
    tf.makeTensorInfo = () => {
      throw new RangeError('something else');
    };
    expect(() => backend.run('elemwiseAdd', [x, x], {})).toThrow(/^something else$/);
    tf.makeTensorInfo = makeTensorInfo;
    const y = backend.run('elemwiseAdd', [x, x], {})[0];
    expect(Array.from(backend.readSync(y))).toEqual([2, 4]);
    backend.dispose(y);
    backend.dispose(x);
    expect(tf.numDataIds()).toBe(0);
  });
});
