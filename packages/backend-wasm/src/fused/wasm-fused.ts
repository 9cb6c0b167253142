import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { instantiateOnHeap } from '../heap-module.js';
import { FUSED_WASM_BASE64 } from './fused-wasm.js';

type ScaledSubExport = (
  n: number,
  a: number,
  b: number,
  out: number,
  decay: number,
  step: number,
) => void;
type ReluGradExport = (n: number, x: number, g: number, out: number) => void;

/**
 * Fused float32 elementwise kernels (fused.wat, WebAssembly SIMD) on TF.js's wasm heap, for
 * the adapter's fusable primitives: one pass each where TF.js runs two or three kernels with
 * temporaries (measured here: SGD's update of a 256x784 weight 0.35 ms as Multiply + Sub,
 * relu's gradient of 64x256 0.17-0.25 ms as Greater + Cast + Multiply, Greater against a
 * scalar taking TF.js's slow broadcast path).
 *
 * @example
 * const fused = createWasmFused(tfBackend); // null without SIMD
 * const w2 = fused?.scaledSub(w, g, 1, 0.1);
 */
export interface WasmFused {
  /** `a*decay - b*step` elementwise (the adapter's `MxtsScaledSub`: SGD's update). */
  scaledSub(a: TensorInfo, b: TensorInfo, decay: number, step: number): TensorInfo;
  /** `g * (x > 0 ? 1 : 0)` elementwise (the adapter's `MxtsReluGrad`: MXNet's relu_grad). */
  reluGrad(x: TensorInfo, g: TensorInfo): TensorInfo;
}

/**
 * Instantiates fused.wat on the heap of TF.js's wasm backend; null where it cannot run (no
 * WebAssembly SIMD, or a shared or hidden heap), and the adapter's unfused kernels stay.
 */
export function createWasmFused(tfBackend: BackendWasm): WasmFused | null {
  const heap = instantiateOnHeap(tfBackend, FUSED_WASM_BASE64);
  if (heap === null) return null;
  const scaledSub = heap.exports.scaled_sub as ScaledSubExport;
  const reluGrad = heap.exports.relu_grad as ReluGradExport;
  /** A float32 output of `like`'s shape, filled by `run` with the addresses read after it. */
  const elementwise = (
    like: TensorInfo,
    inputs: readonly TensorInfo[],
    run: (n: number, ptrs: number[], out: number) => void,
  ): TensorInfo => {
    for (const t of inputs) {
      if (t.dtype !== 'float32') {
        throw new TypeError(`fused kernels take float32 operands, got ${t.dtype}`);
      }
    }
    const out = heap.makeOutput(like.shape, 'float32');
    const n = like.shape.reduce((p, d) => p * d, 1);
    // Addresses after the allocation, which may have grown the heap.
    run(n, inputs.map(heap.address), heap.address(out));
    return out;
  };
  return {
    scaledSub: (a, b, decay, step) =>
      elementwise(a, [a, b], (n, [pa, pb], po) => scaledSub(n, pa, pb, po, decay, step)),
    reluGrad: (x, g) => elementwise(g, [x, g], (n, [px, pg], po) => reluGrad(n, px, pg, po)),
  };
}
