import type { KernelContext, TfKernelPatch } from '@mxts/tfjs-adapter';
import { backend_util, type TensorInfo } from '@tensorflow/tfjs-core';
import {
  powProgram,
  transposeProgram,
  UNARY_BODIES,
  unaryProgram,
  type WebGpuProgram,
  type WebGpuUtil,
} from './wgsl-programs.js';

/** What the patches use of TF.js's WebGPUBackend. */
export interface WebGpuProgramRunner {
  runWebGPUProgram(program: WebGpuProgram, inputs: TensorInfo[], outputDtype: string): TensorInfo;
  tensorMap: { get(dataId: object): { dtype: string } | undefined };
}

type Inputs = Record<string, TensorInfo> | TensorInfo[];
const input = (inputs: Inputs, name: string): TensorInfo =>
  (inputs as Record<string, TensorInfo>)[name];

/**
 * TF.js WebGPU kernels replaced for this backend, by TF.js kernel name. Each names what TF.js
 * 4.22 gets wrong; the shared kernel table (and every other engine) is unchanged.
 */
export function webGpuKernelPatches(
  backend: WebGpuProgramRunner,
  util: WebGpuUtil,
): Record<string, TfKernelPatch> {
  // The dtype of the data in the buffer: TF.js's Cast to a wider type shares the buffer
  // under a new dtype label.
  const stored = (t: TensorInfo) => backend.tensorMap.get(t.dataId)?.dtype ?? t.dtype;
  const run = (k: KernelContext, program: WebGpuProgram, inputs: TensorInfo[], dtype: string) =>
    k.track(backend.runWebGPUProgram(program, inputs, dtype));

  const transpose = (k: KernelContext, x: TensorInfo, perm: readonly number[]): TensorInfo => {
    if (perm.every((p, i) => p === i)) return k.call('Identity', { x });
    const intData = stored(x) !== 'float32';
    return run(k, transposeProgram(util, x.shape, perm, intData), [x], x.dtype);
  };

  const patches: Record<string, TfKernelPatch> = {};

  // Sign of -0, NaN, cancellation near 0 (TF.js: exp(a) - 1, log(1 + a), (e - 1/e) / 2),
  // and exp/log/atan accurate to ~2 ulp instead of WGSL's builtins (thousands of ulp).
  for (const name of Object.keys(UNARY_BODIES)) {
    patches[name] = (k, inputs, attrs, engine) => {
      const x = input(inputs, 'x');
      if (x.dtype !== 'float32') return engine(inputs, attrs);
      return run(k, unaryProgram(util, name, [...x.shape]), [x], 'float32');
    };
  }

  // C's powf special cases (0 to a negative power is inf, not 0) and exact small powers.
  patches.Pow = (k, inputs, attrs, engine) => {
    const a = input(inputs, 'a');
    const b = input(inputs, 'b');
    if (a.dtype !== 'float32' || b.dtype !== 'float32') return engine(inputs, attrs);
    const shape = backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    return run(k, powProgram(util, shape), [a, b], 'float32');
  };

  // int32 transposes fail to compile in TF.js (an i32 passed to its f32 setter).
  patches.Transpose = (k, inputs, attrs, engine) => {
    const x = input(inputs, 'x');
    if (stored(x) === 'float32') return engine(inputs, attrs);
    return transpose(k, x, (attrs as { perm: number[] }).perm);
  };

  // TF.js reductions over outer axes transpose first with that same broken int32 transpose:
  // move the reduced axes last here, so TF.js reduces innermost axes without transposing.
  for (const name of ['Sum', 'Mean', 'Max', 'Min', 'Prod']) {
    patches[name] = (k, inputs, attrs, engine) => {
      const x = input(inputs, 'x');
      const a = attrs as { axis?: number | number[]; reductionIndices?: number | number[] };
      const rank = x.shape.length;
      const raw = a.axis ?? a.reductionIndices ?? [];
      const axes = (Array.isArray(raw) ? raw : [raw]).map((d) => (d < 0 ? d + rank : d));
      const perm = backend_util.getAxesPermutation(axes, rank);
      if (stored(x) === 'float32' || perm === null) return engine(inputs, attrs);
      const keepDims = Boolean((attrs as { keepDims?: boolean }).keepDims);
      return k.temps((tmp) => {
        const xt = tmp(transpose(k, x, perm));
        const inner = backend_util.getInnerMostAxes(axes.length, rank);
        const reduced = engine(
          { x: xt },
          { ...attrs, axis: inner, reductionIndices: inner, keepDims: false },
        );
        if (!keepDims) return reduced;
        const shape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
        return k.call('Reshape', { x: tmp(reduced) }, { shape });
      });
    };
  }
  return patches;
}
