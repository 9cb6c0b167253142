import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { KernelContext, type TfKernelPatch } from './kernel-context.js';

const context = (patches?: Record<string, TfKernelPatch>) => {
  const tf = new MathBackendCPU();
  (tf as unknown as { firstUse: boolean }).firstUse = false;
  return new KernelContext(tf, 'cpu', patches);
};

describe('KernelContext', () => {
  test('counts the bytes of data shared under another dtype once, at its own size', () => {
    const k = context();
    const x = k.write(new Float32Array([0.2, 0.7, 0.4]), [3], 'float32');
    const bools = k.call('Greater', { a: x, b: k.scalar(0.3, 'float32') });
    // TF.js's CPU Cast hands back the 1-byte bool data as float32, with one more reference.
    const floats = k.call('Cast', { x: bools }, { dtype: 'float32' });
    k.dispose(bools);
    k.dispose(floats);
    k.dispose(x);
    expect(k.bytes).toBe(4); // the scalar, never disposed here
  });

  test('a patch replaces a TF.js kernel, and can run the engine kernel it replaces', () => {
    const calls: string[] = [];
    const k = context({
      // Doubles the engine's Neg, through other kernels.
      Neg: (kc, inputs, attrs, engine) =>
        kc.temps((tmp) => {
          calls.push('Neg');
          const y = tmp(engine(inputs, attrs));
          return kc.call('Add', { a: y, b: y });
        }),
      // A kernel the engine does not have at all.
      Twice: (kc, inputs) =>
        kc.call('Add', { a: (inputs as TensorInfo[])[0], b: (inputs as TensorInfo[])[0] }),
    });
    const x = k.write(new Float32Array([1, -2]), [2], 'float32');
    const y = k.call('Neg', { x });
    const z = k.call('Twice', [x]);
    expect(calls).toEqual(['Neg']);
    expect(Array.from(k.tf.readSync(y.dataId) as Float32Array)).toEqual([-2, 4]);
    expect(Array.from(k.tf.readSync(z.dataId) as Float32Array)).toEqual([2, -4]);
    for (const t of [x, y, z]) k.dispose(t);
    expect(k.bytes).toBe(0);
    expect(k.tf.numDataIds()).toBe(0);
  });

  test('constants: one upload per dtype and value (-0 apart from 0), not counted as held', () => {
    const k = context();
    const zero = k.constant(0, 'float32');
    expect(k.constant(0, 'float32')).toBe(zero);
    expect(k.constant(-0, 'float32')).not.toBe(zero);
    expect(k.constant(0, 'int32')).not.toBe(zero);
    expect(k.constant(Number.NaN, 'float32')).toBe(k.constant(Number.NaN, 'float32'));
    expect(
      Object.is((k.tf.readSync(k.constant(-0, 'float32').dataId) as Float32Array)[0], -0),
    ).toBe(true);
    expect(k.constantCount).toBe(4);
    expect(k.tf.numDataIds()).toBe(4);
    expect(k.bytes).toBe(0);
    const x = k.write(new Float32Array([1, 2]), [2], 'float32');
    const y = k.call('Multiply', { a: x, b: k.constant(3, 'float32') });
    expect(Array.from(k.tf.readSync(y.dataId) as Float32Array)).toEqual([3, 6]);
    expect(k.bytes).toBe(16);
    k.dispose(x);
    k.dispose(y);
    expect(k.bytes).toBe(0);
    k.dropConstants();
    expect(k.constantCount).toBe(0);
    expect(k.tf.numDataIds()).toBe(0);
  });

  test('the constant cache starts over when full, freeing what it held', () => {
    const k = context();
    for (let v = 0; v < 300; v++) k.constant(v, 'float32');
    expect(k.constantCount).toBeLessThanOrEqual(256);
    expect(k.tf.numDataIds()).toBe(k.constantCount);
    expect(k.bytes).toBe(0);
    k.dropConstants();
    expect(k.tf.numDataIds()).toBe(0);
  });
});
