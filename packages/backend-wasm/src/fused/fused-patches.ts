import type { TfKernelPatch } from '@mxts/tfjs-adapter';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmFused } from './wasm-fused.js';

type Named = Record<string, TensorInfo>;

/**
 * The adapter's fusable kernels (`MxtsScaledSub` for `sgdUpdate`, `MxtsReluGrad` for relu's
 * gradient) on fused.wat; none without it, and the adapter composes TF.js kernels instead.
 */
export function fusedPatches(fused: WasmFused | null): Record<string, TfKernelPatch> {
  if (fused === null) return {};
  return {
    MxtsScaledSub: (k, inputs, attrs) => {
      const { a, b } = inputs as Named;
      const { decay, step } = attrs as { decay: number; step: number };
      return k.track(fused.scaledSub(a, b, decay, step));
    },
    MxtsReluGrad: (k, inputs) => {
      const { x, g } = inputs as Named;
      return k.track(fused.reluGrad(x, g));
    },
  };
}
