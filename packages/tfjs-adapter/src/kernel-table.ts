import type { KernelAttrs, KernelName } from '@mxts/core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelContext } from './kernel-context.js';

/** One entry per MXTS primitive: how it runs with TF.js kernels. */
export type KernelImpl<K extends KernelName> = Impl<KernelAttrs[K]>;

type Impl<A> = (k: KernelContext, inputs: readonly TensorInfo[], attrs: A) => TensorInfo;

const unary =
  (name: string): Impl<any> =>
  (k, [x]) =>
    k.call(name, { x });

const binary =
  (name: string): Impl<any> =>
  (k, [a, b]) =>
    k.call(name, { a, b });

// TF.js comparisons give bool; MXNet gives 1/0 in the operands' dtype.
const compare =
  (name: string): Impl<any> =>
  (k, [a, b]) =>
    k.temps((tmp) => k.call('Cast', { x: tmp(k.call(name, { a, b })) }, { dtype: a.dtype }));

const withScalar =
  (impl: Impl<any>, reversed = false): Impl<{ scalar: number }> =>
  (k, [x], { scalar }) =>
    k.temps((tmp) => {
      const s = tmp(k.scalar(scalar, x.dtype));
      return impl(k, reversed ? [s, x] : [x, s], {});
    });

const reduce =
  (name: string, axisAttr = 'axis'): Impl<{ axis: number[]; keepdims: boolean }> =>
  (k, [x], { axis, keepdims }) => {
    if (axis.length === 0) return k.call('Identity', { x });
    const y = k.call(name, { x }, { [axisAttr]: axis, keepDims: keepdims });
    if (y.shape.length > 0) return y;
    // MXNet: reducing every axis without keepdims gives shape (1,), not a 0-d array.
    return k.temps((tmp) => k.call('Reshape', { x: tmp(y) }, { shape: [1] }));
  };

/** Indices as int32, clipped or wrapped into [0, n), as MXNet's `take` modes. */
function indexTensor(
  k: KernelContext,
  idx: TensorInfo,
  n: number,
  mode: 'clip' | 'wrap',
): TensorInfo {
  return k.temps((tmp) => {
    const f = idx.dtype === 'float32' ? idx : tmp(k.call('Cast', { x: idx }, { dtype: 'float32' }));
    let fixed: TensorInfo;
    if (mode === 'clip') {
      fixed = tmp(
        k.call('ClipByValue', { x: f }, { clipValueMin: 0, clipValueMax: Math.max(0, n - 1) }),
      );
    } else {
      fixed = tmp(k.call('FloorMod', { a: f, b: tmp(k.scalar(n, 'float32')) }));
    }
    return k.call('Cast', { x: fixed }, { dtype: 'int32' });
  });
}

/** StridedSlice arguments for begin/size/step (an end before index 0 needs the end mask). */
function stridedArgs(shape: readonly number[], a: KernelAttrs['slice']) {
  let endMask = 0;
  const end = shape.map((_, i) => {
    const e = a.begin[i] + a.size[i] * a.step[i];
    if (e < 0) endMask |= 1 << i;
    return e < 0 ? 0 : e;
  });
  return {
    begin: a.begin,
    end,
    strides: a.step,
    beginMask: 0,
    endMask,
    ellipsisMask: 0,
    newAxisMask: 0,
    shrinkAxisMask: 0,
  };
}

/** Every MXTS primitive in TF.js kernels. The type makes a missing entry a compile error. */
export const kernelTable: { readonly [K in KernelName]: KernelImpl<K> } = {
  exp: unary('Exp'),
  log: unary('Log'),
  sqrt: unary('Sqrt'),
  rsqrt: unary('Rsqrt'),
  square: unary('Square'),
  abs: unary('Abs'),
  negative: unary('Neg'),
  reciprocal: unary('Reciprocal'),
  sin: unary('Sin'),
  cos: unary('Cos'),
  tan: unary('Tan'),
  sinh: unary('Sinh'),
  cosh: unary('Cosh'),
  tanh: unary('Tanh'),
  arcsin: unary('Asin'),
  arccos: unary('Acos'),
  arctan: unary('Atan'),
  arcsinh: unary('Asinh'),
  arccosh: unary('Acosh'),
  arctanh: unary('Atanh'),
  expm1: unary('Expm1'),
  log1p: unary('Log1p'),
  sigmoid: unary('Sigmoid'),
  relu: unary('Relu'),
  softrelu: unary('Softplus'),
  sign: unary('Sign'),
  floor: unary('Floor'),
  ceil: unary('Ceil'),
  // MXNet rounds halves away from zero; TF.js's Round is banker's rounding.
  round: (k, [x]) =>
    k.temps((tmp) => {
      const half = tmp(k.scalar(0.5, x.dtype));
      const mag = tmp(
        k.call('Floor', { x: tmp(k.call('Add', { a: tmp(k.call('Abs', { x })), b: half })) }),
      );
      return k.call('Multiply', { a: tmp(k.call('Sign', { x })), b: mag });
    }),
  broadcastAdd: binary('Add'),
  broadcastSub: binary('Sub'),
  broadcastMul: binary('Multiply'),
  broadcastDiv: binary('RealDiv'),
  broadcastPower: binary('Pow'),
  broadcastMaximum: binary('Maximum'),
  broadcastMinimum: binary('Minimum'),
  broadcastEqual: compare('Equal'),
  broadcastNotEqual: compare('NotEqual'),
  broadcastGreater: compare('Greater'),
  broadcastGreaterEqual: compare('GreaterEqual'),
  broadcastLesser: compare('Less'),
  broadcastLesserEqual: compare('LessEqual'),
  elemwiseAdd: binary('Add'),
  elemwiseSub: binary('Sub'),
  elemwiseMul: binary('Multiply'),
  elemwiseDiv: binary('RealDiv'),
  plusScalar: withScalar(binary('Add')),
  minusScalar: withScalar(binary('Sub')),
  rminusScalar: withScalar(binary('Sub'), true),
  mulScalar: withScalar(binary('Multiply')),
  divScalar: withScalar(binary('RealDiv')),
  rdivScalar: withScalar(binary('RealDiv'), true),
  powerScalar: withScalar(binary('Pow')),
  rpowerScalar: withScalar(binary('Pow'), true),
  maximumScalar: withScalar(binary('Maximum')),
  minimumScalar: withScalar(binary('Minimum')),
  equalScalar: withScalar(compare('Equal')),
  notEqualScalar: withScalar(compare('NotEqual')),
  greaterScalar: withScalar(compare('Greater')),
  greaterEqualScalar: withScalar(compare('GreaterEqual')),
  lesserScalar: withScalar(compare('Less')),
  lesserEqualScalar: withScalar(compare('LessEqual')),
  sum: reduce('Sum'),
  mean: reduce('Mean'),
  max: reduce('Max', 'reductionIndices'),
  min: reduce('Min'),
  prod: reduce('Prod'),
  batchDot: (k, [a, b], attrs) => k.call('BatchMatMul', { a, b }, attrs),
  reshape: (k, [x], { shape }) => k.call('Reshape', { x }, { shape }),
  transpose: (k, [x], { axes }) => k.call('Transpose', { x }, { perm: axes }),
  broadcastTo: (k, [x], { shape }) =>
    k.temps((tmp) => {
      const lead = shape.length - x.shape.length;
      const src =
        lead === 0
          ? x
          : tmp(k.call('Reshape', { x }, { shape: [...new Array(lead).fill(1), ...x.shape] }));
      return k.call(
        'Tile',
        { x: src },
        { reps: shape.map((d, i) => (src.shape[i] === d ? 1 : d)) },
      );
    }),
  slice: (k, [x], attrs) => k.call('StridedSlice', { x }, stridedArgs(x.shape, attrs)),
  sliceScatter: (k, [g], { shape, begin, size, step }) => {
    if (step.every((s) => s === 1)) {
      const paddings = shape.map((d, i) => [begin[i], d - begin[i] - size[i]]);
      return k.call('PadV2', { x: g }, { paddings, constantValue: 0 });
    }
    // Strided: scatter every element of g to its position.
    const n = size.reduce((a, b) => a * b, 1);
    const idx = new Int32Array(n * shape.length);
    for (let flat = 0; flat < n; flat++) {
      let rest = flat;
      for (let i = shape.length - 1; i >= 0; i--) {
        const j = rest % size[i];
        rest = (rest - j) / size[i];
        idx[flat * shape.length + i] = begin[i] + j * step[i];
      }
    }
    return k.temps((tmp) => {
      const indices = tmp(k.write(idx, [n, shape.length], 'int32'));
      const updates = tmp(k.call('Reshape', { x: g }, { shape: [n] }));
      return k.call('ScatterNd', { indices, updates }, { shape });
    });
  },
  concat: (k, inputs, { axis }) => k.call('Concat', [...inputs], { axis }),
  tile: (k, [x], { reps }) => k.call('Tile', { x }, { reps }),
  where: (k, [cond, t, e]) =>
    k.temps((tmp) => {
      const zero = tmp(k.scalar(0, cond.dtype));
      const condition = tmp(k.call('NotEqual', { a: cond, b: zero }));
      return k.call('Select', { condition, t, e });
    }),
  clip: (k, [x], { min, max }) =>
    k.call('ClipByValue', { x }, { clipValueMin: min, clipValueMax: max }),
  oneHot: (k, [indices], { depth, onValue, offValue, dtype }) =>
    k.temps((tmp) => {
      const idx =
        indices.dtype === 'int32'
          ? indices
          : tmp(k.call('Cast', { x: indices }, { dtype: 'int32' }));
      return k.call('OneHot', { indices: idx }, { depth, onValue, offValue, dtype });
    }),
  take: (k, [x, indices], { axis, mode }) =>
    k.temps((tmp) => {
      const idx = tmp(indexTensor(k, indices, x.shape[axis], mode));
      return k.call('GatherV2', { x, indices: idx }, { axis, batchDims: 0 });
    }),
  takeScatter: (k, [g, indices], { axis, size, mode }) =>
    k.temps((tmp) => {
      const lead = g.shape.slice(0, axis);
      const tail = g.shape.slice(axis + indices.shape.length);
      const p = lead.reduce((a, b) => a * b, 1);
      const q = tail.reduce((a, b) => a * b, 1);
      const i = indices.shape.reduce((a, b) => a * b, 1);
      const flatIdx = tmp(k.call('Reshape', { x: indices }, { shape: [i] }));
      const segmentIds = tmp(indexTensor(k, flatIdx, size, mode));
      const g3 = tmp(k.call('Reshape', { x: g }, { shape: [p, i, q] }));
      const rows = tmp(
        k.call(
          'Reshape',
          { x: tmp(k.call('Transpose', { x: g3 }, { perm: [1, 0, 2] })) },
          { shape: [i, p * q] },
        ),
      );
      const summed = tmp(
        k.call('UnsortedSegmentSum', { x: rows, segmentIds }, { numSegments: size }),
      );
      const back = tmp(
        k.call(
          'Transpose',
          { x: tmp(k.call('Reshape', { x: summed }, { shape: [size, p, q] })) },
          { perm: [1, 0, 2] },
        ),
      );
      return k.call('Reshape', { x: back }, { shape: [...lead, size, ...tail] });
    }),
  cast: (k, [x], { dtype }) => k.call('Cast', { x }, { dtype }),
  copy: (k, [x]) => k.call('Identity', { x }),
  stopGradient: (k, [x]) => k.call('Identity', { x }),
};
