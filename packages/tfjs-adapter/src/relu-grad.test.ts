import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { describe, expect, test } from 'vitest';
import { KernelContext } from './kernel-context.js';
import { kernelTable } from './kernel-table.js';

describe('the reluGrad kernel', () => {
  test("is MXNet's relu_grad times dy: dy * (x > 0 ? 1 : 0), NaN and Inf of dy kept", () => {
    const tf = new MathBackendCPU();
    (tf as unknown as { firstUse: boolean }).firstUse = false;
    const k = new KernelContext(tf, 'cpu');
    const xs = [-1, 0, Number.NaN, 2, -0, 1e-30, -3];
    const gs = [Number.POSITIVE_INFINITY, 1, 1, 3, 5, Number.NaN, Number.NaN];
    const x = k.write(new Float32Array(xs), [7], 'float32');
    const g = k.write(new Float32Array(gs), [7], 'float32');
    const y = kernelTable.reluGrad(k, [x, g], {});
    const want = xs.map((v, i) => gs[i] * (v > 0 ? 1 : 0));
    expect(y.dtype).toBe('float32');
    expect(Array.from(tf.readSync(y.dataId) as Float32Array)).toEqual(want.map(Math.fround));
    for (const t of [x, g, y]) k.dispose(t);
    // The comparison's zero is the context's cached constant.
    expect(tf.numDataIds()).toBe(k.constantCount);
    k.dropConstants();
    expect(tf.numDataIds()).toBe(0);
    expect(k.bytes).toBe(0);
  });
});
