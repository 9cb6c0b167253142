import {
  type KernelContext,
  type TfKernelPatch,
  untransposedBatchMatMul,
} from '@mxts/tfjs-adapter';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmSgemm } from './gemm/wasm-sgemm.js';

type Named = Record<string, TensorInfo>;

/** MXNet keeps the sign of zero (sin(-0) = -0); wasm's kernel gives +0 for -0. */
const keepSignedZero: TfKernelPatch = (k, inputs, attrs, engine) => {
  const { x } = inputs as Named;
  return k.temps((tmp) => {
    const y = tmp(engine(inputs, attrs));
    const isZero = tmp(k.call('Equal', { a: x, b: k.constant(0, x.dtype) }));
    return k.call('Select', { condition: isZero, t: x, e: y });
  });
};

/** wasm's Sign gives 0 for |x| below about 1e-6; MXNet's is 1 or -1 there (0 for 0 and NaN). */
const sign: TfKernelPatch = (k, inputs, attrs, engine) => {
  const { x } = inputs as Named;
  if (x.dtype !== 'float32') return engine(inputs, attrs);
  return k.temps((tmp) => {
    const zero = k.constant(0, 'float32');
    const as = (t: TensorInfo) => tmp(k.call('Cast', { x: tmp(t) }, { dtype: 'float32' }));
    const positive = as(k.call('Greater', { a: x, b: zero }));
    const negative = as(k.call('Less', { a: x, b: zero }));
    return k.call('Sub', { a: positive, b: negative });
  });
};

/**
 * wasm's float math kernels read int32 data as float32 (and some return float32). MXNet
 * computes them in float and stores the result in the int32 dtype, truncated, as the CPU
 * backend does; `float` is how float32 inputs run.
 */
const int32ViaFloat32 =
  (float: TfKernelPatch = (_k, inputs, attrs, engine) => engine(inputs, attrs)): TfKernelPatch =>
  (k, inputs, attrs, engine) => {
    const { x } = inputs as Named;
    if (x.dtype !== 'int32') return float(k, inputs, attrs, engine);
    return k.temps((tmp) => {
      const y = tmp(engine({ x: tmp(k.call('Cast', { x }, { dtype: 'float32' })) }, attrs));
      return k.call('Cast', { x: y }, { dtype: 'int32' });
    });
  };

/**
 * wasm's int32 RealDiv traps on a zero divisor (WebAssembly's integer division), leaving
 * its output allocated; x / 0 gives 0 instead, as on the CPU backend.
 */
const realDiv: TfKernelPatch = (k, inputs, attrs, engine) => {
  const { a, b } = inputs as Named;
  if (a.dtype !== 'int32') return engine(inputs, attrs);
  return k.temps((tmp) => {
    const nonzero = tmp(k.call('NotEqual', { a: b, b: k.constant(0, 'int32') }));
    const ones = tmp(k.call('OnesLike', { x: b }));
    const divisor = tmp(k.call('Select', { condition: nonzero, t: b, e: ones }));
    const q = tmp(engine({ a, b: divisor }, attrs));
    return k.call('Multiply', { a: q, b: tmp(k.call('Cast', { x: nonzero }, { dtype: 'int32' })) });
  });
};

/**
 * wasm's BatchMatMul is float32 only. MXNet's int32 dot sums int32 products: broadcast
 * (batch, m, k, 1) * (batch, 1, k, n) and sum over k, in int32.
 *
 * Float32 products run on sgemm.wat (`sgemm`, when the module runs with SIMD): transposes
 * are strides, and nothing is cached per operand. TF.js's kernel uses XNNPACK only without
 * transpose flags, and creates an XNNPACK operator per B (packing B: ~0.4 ms for a fresh
 * 784x64 B, ~2 ms for 784x256); flagged operands leave it for a loop about 10x slower.
 * Measured here (AMD EPYC, 2 cores shared with other jobs; medians of 30 after warm-up, ms;
 * TF.js's side with explicit transposes, as below, and a fresh B per call as after a
 * weight update): x(64x784)·W1ᵀ(256x784) 1.6 against 2.8; dH1ᵀ·x, (64x256)ᵀ·(64x784),
 * 1.4 against 2.7 (1.3 against 1.3 when XNNPACK's operator for B is cached); the MLP's
 * three small products 0.04-0.06 against 0.09-0.38 each. Where XNNPACK is at its best
 * (unflagged, B reused, its operator cached): 512x512·512x512 14.4 against 16.4, and
 * 1024x1024·1024x1024 134 against 130 (mins 85 against 98), within the noise: so XNNPACK
 * is kept nowhere. Without sgemm (no SIMD), float32 products run
 * unflagged, with explicit transposes, which costs less than the flagged loop.
 */
const batchMatMul =
  (sgemm: WasmSgemm | null): TfKernelPatch =>
  (k, inputs, attrs, engine) => {
    const { a, b } = inputs as Named;
    const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
    if (a.dtype !== 'int32') {
      const out = sgemm?.batchMatMul(a, b, transposeA, transposeB);
      if (out != null) return k.track(out);
      return untransposedBatchMatMul(k, a, b, { transposeA, transposeB }, (x, y) =>
        engine({ a: x, b: y }, { ...attrs, transposeA: false, transposeB: false }),
      );
    }
    return int32BatchMatMul(k, a, b, transposeA, transposeB);
  };

function int32BatchMatMul(
  k: KernelContext,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): TensorInfo {
  return k.temps((tmp) => {
    // dot's 2-D operands are a batch of one; the result drops that axis again.
    const as3 = (x: TensorInfo) =>
      x.shape.length === 3 ? x : tmp(k.call('Reshape', { x }, { shape: [1, ...x.shape] }));
    const a3 = as3(a);
    const b3 = as3(b);
    const lhs = transposeA ? tmp(k.call('Transpose', { x: a3 }, { perm: [0, 2, 1] })) : a3;
    const rhs = transposeB ? tmp(k.call('Transpose', { x: b3 }, { perm: [0, 2, 1] })) : b3;
    const [batchA, m, inner] = lhs.shape;
    const [batchB, , n] = rhs.shape;
    const l4 = tmp(k.call('Reshape', { x: lhs }, { shape: [batchA, m, inner, 1] }));
    const r4 = tmp(k.call('Reshape', { x: rhs }, { shape: [batchB, 1, inner, n] }));
    const products = tmp(k.call('Multiply', { a: l4, b: r4 }));
    if (a.shape.length === 3) return k.call('Sum', { x: products }, { axis: [2], keepDims: false });
    const sums = tmp(k.call('Sum', { x: products }, { axis: [2], keepDims: false }));
    return k.call('Reshape', { x: sums }, { shape: [m, n] });
  });
}

/**
 * wasm's StridedSlice copies the right int32 words but labels the result float32 when it
 * takes its general path (negative or non-unit steps); relabel them as int32.
 */
const stridedSlice: TfKernelPatch = (k, inputs, attrs, engine) => {
  const { x } = inputs as Named;
  const out = engine(inputs, attrs);
  if (x.dtype === out.dtype) return out;
  const words = k.tf.readSync(out.dataId) as Float32Array;
  k.dispose(out);
  const ints = new Int32Array(words.buffer, words.byteOffset, words.length);
  return k.write(ints, out.shape, x.dtype as 'int32');
};

/**
 * MXNet's maximum and minimum give NaN when either operand is NaN; wasm's (XNNPACK's)
 * return the other operand when the second one is NaN.
 */
const propagateNaN: TfKernelPatch = (k, inputs, attrs, engine) => {
  const { a, b } = inputs as Named;
  if (a.dtype !== 'float32') return engine(inputs, attrs);
  return k.temps((tmp) => {
    const y = tmp(engine(inputs, attrs));
    const nan = tmp(
      k.call('LogicalOr', { a: tmp(k.call('IsNan', { x: a })), b: tmp(k.call('IsNan', { x: b })) }),
    );
    // a + b is NaN wherever either is, and has the broadcast shape.
    return k.call('Select', { condition: nan, t: tmp(k.call('Add', { a, b })), e: y });
  });
};

/**
 * wasm has no UnsortedSegmentSum (the gradient of `take`): ScatterNd adds the rows that
 * share an index, in order, as UnsortedSegmentSum does.
 */
const unsortedSegmentSum: TfKernelPatch = (k, inputs, attrs) => {
  const { x, segmentIds } = inputs as Named;
  const { numSegments } = attrs as { numSegments: number };
  return k.temps((tmp) => {
    const indices = tmp(
      k.call('Reshape', { x: segmentIds }, { shape: [segmentIds.shape[0] ?? 1, 1] }),
    );
    return k.call(
      'ScatterNd',
      { indices, updates: x },
      { shape: [numSegments, ...x.shape.slice(1)] },
    );
  });
};

/**
 * MXNet's clip keeps NaN, which wasm's ClipByValue turns into the lower bound; on int32 data
 * wasm's kernel reads the values as float32. Bounds convert to int32 as MXNet's `DType(a_min)`.
 */
const clipByValue: TfKernelPatch = (k, inputs, attrs, engine) => {
  const { x } = inputs as Named;
  const { clipValueMin, clipValueMax } = attrs as { clipValueMin: number; clipValueMax: number };
  return k.temps((tmp) => {
    if (x.dtype === 'int32') {
      const low = tmp(k.call('Maximum', { a: x, b: k.constant(clipValueMin, 'int32') }));
      return k.call('Minimum', { a: low, b: k.constant(clipValueMax, 'int32') });
    }
    const y = tmp(engine(inputs, attrs));
    return k.call('Select', { condition: tmp(k.call('IsNan', { x })), t: x, e: y });
  });
};

/**
 * wasm's OneHot writes int32 data (its on and off values truncated to integers) whatever
 * dtype it is asked for; it only places the ones here, and Select writes the values.
 */
const oneHot: TfKernelPatch = (k, inputs, attrs, engine) => {
  const { depth, onValue, offValue, dtype } = attrs as {
    depth: number;
    onValue: number;
    offValue: number;
    dtype: string;
  };
  return k.temps((tmp) => {
    const mask = tmp(engine(inputs, { depth, onValue: 1, offValue: 0, dtype: 'int32' }));
    const hot = tmp(k.call('NotEqual', { a: mask, b: k.constant(0, 'int32') }));
    const { shape } = mask;
    const on = tmp(k.call('Fill', {}, { shape, value: onValue, dtype }));
    const off = tmp(k.call('Fill', {}, { shape, value: offValue, dtype }));
    return k.call('Select', { condition: hot, t: on, e: off });
  });
};

/**
 * TF.js kernels that `@tensorflow/tfjs-backend-wasm` 4.22 lacks or gets wrong for MXNet's
 * semantics, as compositions of its other kernels, and float32 products on `sgemm` (null:
 * TF.js's kernel). Each one is checked by conformance cases (the `edge-values` cases of
 * sin, log1p, maximum, minimum and clip; the int32 cases of clip and oneHot; `take`'s
 * gradient; dot and batchDot).
 */
export const wasmKernelPatches = (
  sgemm: WasmSgemm | null,
): Readonly<Record<string, TfKernelPatch>> => ({
  ...Object.fromEntries(
    [
      'Exp',
      'Log',
      'Sqrt',
      'Rsqrt',
      'Reciprocal',
      'Cos',
      'Tan',
      'Sinh',
      'Cosh',
      'Tanh',
      'Asin',
      'Acos',
      'Atan',
      'Asinh',
      'Acosh',
      'Atanh',
      'Expm1',
      'Sigmoid',
      'Softplus',
    ].map((name) => [name, int32ViaFloat32()]),
  ),
  Sin: int32ViaFloat32(keepSignedZero),
  Log1p: int32ViaFloat32(keepSignedZero),
  Sign: sign,
  RealDiv: realDiv,
  BatchMatMul: batchMatMul(sgemm),
  StridedSlice: stridedSlice,
  Maximum: propagateNaN,
  Minimum: propagateNaN,
  ClipByValue: clipByValue,
  OneHot: oneHot,
  UnsortedSegmentSum: unsortedSegmentSum,
});
