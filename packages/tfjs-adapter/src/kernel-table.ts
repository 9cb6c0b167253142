import type { KernelAttrs, KernelName } from '@mxts/core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput } from './conv2d.js';
import type { KernelContext } from './kernel-context.js';
import { maxPool2d, maxPool2dGather, maxPool2dGrad } from './max-pool2d.js';
import { pickRowOffsets } from './pick-positions.js';

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

/**
 * Converts to `dtype`. TF.js's Cast shares the data when no precision is lost (bool or int32
 * to float32, bool to int32), so reads would return the old typed array; adding a zero of
 * the new dtype copies the values into the right one.
 */
function castTo(k: KernelContext, x: TensorInfo, dtype: string): TensorInfo {
  if (x.dtype === dtype || (x.dtype === 'float32' && dtype === 'int32')) {
    return k.call('Cast', { x }, { dtype });
  }
  return k.temps((tmp) => {
    const shared = tmp(k.call('Cast', { x }, { dtype }));
    return k.call('Add', { a: shared, b: k.constant(0, dtype) });
  });
}

// TF.js comparisons give bool; MXNet gives 1/0 in the operands' dtype.
const compare =
  (name: string): Impl<any> =>
  (k, [a, b]) =>
    k.temps((tmp) => castTo(k, tmp(k.call(name, { a, b })), a.dtype));

// C's powf (MXNet's power) gives 1 for pow(1, y) and pow(-1, ±inf), where Math.pow gives NaN.
const power: Impl<any> = (k, [a, b]) => {
  if (a.dtype === 'int32') return k.call('Pow', { a, b });
  return k.temps((tmp) => {
    const y = tmp(k.call('Pow', { a, b }));
    const one = k.constant(1, a.dtype);
    const unitBase = tmp(k.call('Equal', { a: tmp(k.call('Abs', { x: a })), b: one }));
    const infExp = tmp(k.call('LogicalAnd', { a: unitBase, b: tmp(k.call('IsInf', { x: b })) }));
    const isOne = tmp(k.call('LogicalOr', { a: tmp(k.call('Equal', { a, b: one })), b: infExp }));
    return k.call('Select', { condition: isOne, t: tmp(k.call('OnesLike', { x: y })), e: y });
  });
};

const withScalar =
  (impl: Impl<any>, reversed = false): Impl<{ scalar: number }> =>
  (k, [x], { scalar }) => {
    const s = k.constant(scalar, x.dtype);
    return impl(k, reversed ? [s, x] : [x, s], {});
  };

// A reduction over a length-0 axis gives the identity; some engines (wasm) leave it unwritten.
const EMPTY_REDUCTION: Readonly<Record<string, number>> = { Sum: 0, Prod: 1 };

const reduce =
  (name: string, axisAttr = 'axis'): Impl<{ axis: number[]; keepdims: boolean }> =>
  (k, [x], { axis, keepdims }) => {
    if (axis.length === 0) return k.call('Identity', { x });
    const empty = EMPTY_REDUCTION[name];
    if (empty !== undefined && axis.some((a) => x.shape[a] === 0)) {
      const kept = keepdims
        ? x.shape.map((d, i) => (axis.includes(i) ? 1 : d))
        : x.shape.filter((_, i) => !axis.includes(i));
      return k.call(
        'Fill',
        {},
        { shape: kept.length > 0 ? kept : [1], value: empty, dtype: x.dtype },
      );
    }
    const y = k.call(name, { x }, { [axisAttr]: axis, keepDims: keepdims });
    if (y.shape.length > 0) return y;
    // MXNet: reducing every axis without keepdims gives shape (1,), not a 0-d array.
    return k.temps((tmp) => k.call('Reshape', { x: tmp(y) }, { shape: [1] }));
  };

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * The flat int32 positions in data of `shape` that `pick` reads: each row's offset
 * (`pickRowOffsets`) plus clip(index)*Q along the axis.
 */
function pickPositions(
  k: KernelContext,
  shape: readonly number[],
  index: TensorInfo,
  axis: number,
): TensorInfo {
  const base = pickRowOffsets(shape, axis);
  const q = size(shape.slice(axis + 1));
  return k.temps((tmp) => {
    const flatIndex = tmp(k.call('Reshape', { x: index }, { shape: [base.length] }));
    let idx = tmp(indexTensor(k, flatIndex, shape[axis], 'clip'));
    if (q !== 1) idx = tmp(k.call('Multiply', { a: idx, b: k.constant(q, 'int32') }));
    return k.call('Add', { a: idx, b: tmp(k.write(base, [base.length], 'int32')) });
  });
}

/**
 * `pick` (mode 'clip') with TF.js kernels: the picked positions, then one gather from the
 * flattened data, reshaped to `shape`. Exported for engines whose own `MxtsPick` handles
 * only some sizes.
 */
export function composedPick(
  k: KernelContext,
  x: TensorInfo,
  index: TensorInfo,
  axis: number,
  shape: number[],
): TensorInfo {
  return k.temps((tmp) => {
    const flat = tmp(pickPositions(k, x.shape, index, axis));
    const all = tmp(k.call('Reshape', { x }, { shape: [size(x.shape)] }));
    const y = tmp(k.call('GatherV2', { x: all, indices: flat }, { axis: 0, batchDims: 0 }));
    return k.call('Reshape', { x: y }, { shape });
  });
}

/** `pick`'s gradient with TF.js kernels: g scattered at the picked positions of zeros. */
export function composedPickScatter(
  k: KernelContext,
  g: TensorInfo,
  index: TensorInfo,
  axis: number,
  shape: number[],
): TensorInfo {
  return k.temps((tmp) => {
    const flat = tmp(pickPositions(k, shape, index, axis));
    const n = flat.shape[0];
    const indices = tmp(k.call('Reshape', { x: flat }, { shape: [n, 1] }));
    const updates = tmp(k.call('Reshape', { x: g }, { shape: [n] }));
    const y = tmp(k.call('ScatterNd', { indices, updates }, { shape: [size(shape)] }));
    return k.call('Reshape', { x: y }, { shape });
  });
}

/**
 * Indices as int32, clipped or wrapped into [0, n), as MXNet's `take` modes: MXNet truncates
 * an index to an integer first, then clips it or wraps it Python-style (-1 is n - 1).
 */
function indexTensor(
  k: KernelContext,
  idx: TensorInfo,
  n: number,
  mode: 'clip' | 'wrap',
): TensorInfo {
  return k.temps((tmp) => {
    if (mode === 'wrap') {
      const ints =
        idx.dtype === 'int32' ? idx : tmp(k.call('Cast', { x: idx }, { dtype: 'int32' }));
      // TF.js's Mod is a floor modulo: its result takes the divisor's sign.
      return k.call('Mod', { a: ints, b: k.constant(n, 'int32') });
    }
    if (idx.dtype === 'int32') {
      const low = tmp(k.call('Maximum', { a: idx, b: k.constant(0, 'int32') }));
      return k.call('Minimum', { a: low, b: k.constant(Math.max(0, n - 1), 'int32') });
    }
    // Clipping before the cast keeps huge float indices from overflowing int32.
    const f = idx.dtype === 'float32' ? idx : tmp(k.call('Cast', { x: idx }, { dtype: 'float32' }));
    const clipped = tmp(
      k.call('ClipByValue', { x: f }, { clipValueMin: 0, clipValueMax: Math.max(0, n - 1) }),
    );
    return k.call('Cast', { x: clipped }, { dtype: 'int32' });
  });
}

/**
 * ArgMax or ArgMin along `axis`, moved last first (the engines' kernels are surest there);
 * a result with no axes left is shape [1], as MXNet's reductions.
 */
const argReduce =
  (name: string): Impl<{ axis: number }> =>
  (k, [x], { axis }) =>
    k.temps((tmp) => {
      const last = x.shape.length - 1;
      const perm = x.shape.map((_, i) => i).filter((i) => i !== axis);
      const src = axis === last ? x : tmp(k.call('Transpose', { x }, { perm: [...perm, axis] }));
      const y = k.call(name, { x: src }, { axis: last });
      if (y.shape.length > 0) return y;
      return k.call('Reshape', { x: tmp(y) }, { shape: [1] });
    });

/** StridedSlice arguments for begin/size/step (an end before index 0 needs the end mask). */
function stridedArgs(shape: readonly number[], a: KernelAttrs['slice']) {
  let endMask = 0;
  const end = shape.map((_, i) => {
    const e = a.begin[i] + a.size[i] * a.step[i];
    if (e < 0) endMask |= 1 << i;
    return Math.max(0, e);
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
  // One product with the comparison's 0/1, read in g's dtype (TF.js's relu gradient runs
  // Step, which keeps NaN; MXNet's relu_grad gives 0 for NaN).
  reluGrad: (k, [x, g]) => {
    if (k.hasPatch('MxtsReluGrad') && x.dtype === 'float32' && g.dtype === 'float32') {
      return k.call('MxtsReluGrad', { x, g });
    }
    return k.temps((tmp) => {
      const positive = tmp(k.call('Greater', { a: x, b: k.constant(0, x.dtype) }));
      return k.call('Multiply', {
        a: g,
        b: tmp(k.call('Cast', { x: positive }, { dtype: g.dtype })),
      });
    });
  },
  softrelu: unary('Softplus'),
  sign: unary('Sign'),
  // An integer is its own floor and ceil (wasm's Floor and Ceil read int32 data as float32).
  floor: (k, [x]) => k.call(x.dtype === 'int32' ? 'Identity' : 'Floor', { x }),
  ceil: (k, [x]) => k.call(x.dtype === 'int32' ? 'Identity' : 'Ceil', { x }),
  // MXNet's roundf: halves away from zero, keeping ±0 (TF.js's Round is banker's rounding).
  // The fraction is taken exactly; floor(|x| + 0.5) would round up 0.49999997 in float32.
  round: (k, [x]) => {
    if (x.dtype === 'int32') return k.call('Identity', { x });
    return k.temps((tmp) => {
      const mag = tmp(k.call('Abs', { x }));
      const whole = tmp(k.call('Floor', { x: mag }));
      const frac = tmp(k.call('Sub', { a: mag, b: whole }));
      const half = k.constant(0.5, x.dtype);
      const up = tmp(
        k.call(
          'Cast',
          { x: tmp(k.call('GreaterEqual', { a: frac, b: half })) },
          { dtype: x.dtype },
        ),
      );
      const sign = tmp(k.call('Sign', { x }));
      const rounded = tmp(
        k.call('Multiply', { a: sign, b: tmp(k.call('Add', { a: whole, b: up })) }),
      );
      const isZero = tmp(k.call('Equal', { a: x, b: k.constant(0, x.dtype) }));
      return k.call('Select', { condition: isZero, t: x, e: rounded });
    });
  },
  broadcastAdd: binary('Add'),
  broadcastSub: binary('Sub'),
  broadcastMul: binary('Multiply'),
  broadcastDiv: binary('RealDiv'),
  broadcastPower: power,
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
  powerScalar: withScalar(power),
  rpowerScalar: withScalar(power, true),
  maximumScalar: withScalar(binary('Maximum')),
  minimumScalar: withScalar(binary('Minimum')),
  equalScalar: withScalar(compare('Equal')),
  notEqualScalar: withScalar(compare('NotEqual')),
  greaterScalar: withScalar(compare('Greater')),
  greaterEqualScalar: withScalar(compare('GreaterEqual')),
  lesserScalar: withScalar(compare('Less')),
  lesserEqualScalar: withScalar(compare('LessEqual')),
  sum: reduce('Sum'),
  // Sum, then divide, as MXNet: int32 stays int32 (truncating division) and a length-0 axis
  // gives 0/0 = NaN. TF.js's Mean casts to float32 and divides before summing.
  mean: (k, inputs, attrs) =>
    k.temps((tmp) => {
      const [x] = inputs;
      const total = tmp(reduce('Sum')(k, inputs, attrs));
      const n = attrs.axis.reduce((p, a) => p * x.shape[a], 1);
      return k.call('RealDiv', { a: total, b: k.constant(n, x.dtype) });
    }),
  max: reduce('Max', 'reductionIndices'),
  min: reduce('Min'),
  prod: reduce('Prod'),
  // z - log(sum(exp(z))) with z = x - max(x), in the order MXNet's log_softmax computes it.
  logSoftmax: (k, [x], { axis }) => {
    // An engine with its own fused kernel over the last axis (TensorFlow's LogSoftmax).
    if (k.hasPatch('MxtsLogSoftmax') && axis === x.shape.length - 1 && x.dtype === 'float32') {
      return k.call('MxtsLogSoftmax', { x });
    }
    return k.temps((tmp) => {
      const m = tmp(k.call('Max', { x }, { reductionIndices: [axis], keepDims: true }));
      const z = tmp(k.call('Sub', { a: x, b: m }));
      const e = tmp(k.call('Exp', { x: z }));
      const s = tmp(k.call('Sum', { x: e }, { axis: [axis], keepDims: true }));
      return k.call('Sub', { a: z, b: tmp(k.call('Log', { x: s })) });
    });
  },
  batchDot: (k, [a, b], attrs) => k.call('BatchMatMul', { a, b }, attrs),
  // TF.js's BatchMatMul takes 2-D operands as they are (one matrix, no batch axis).
  dot: (k, [a, b], attrs) => k.call('BatchMatMul', { a, b }, attrs),
  conv2d: (k, [x, w], attrs) => conv2d(k, x, w, attrs),
  conv2dBackpropInput: (k, [dy, w], attrs) => conv2dBackpropInput(k, dy, w, attrs),
  conv2dBackpropFilter: (k, [x, dy], attrs) => conv2dBackpropFilter(k, x, dy, attrs),
  maxPool2d: (k, [x], attrs) => maxPool2d(k, x, attrs),
  maxPool2dGrad: (k, [x, dy], attrs) => maxPool2dGrad(k, x, dy, attrs),
  maxPool2dGather: (k, [x, g], attrs) => maxPool2dGather(k, x, g, attrs),
  argmax: argReduce('ArgMax'),
  argmin: argReduce('ArgMin'),
  // TF.js's TopK takes the largest; the smallest are the largest of -x.
  topk: (k, [x], { k: count, ascend }) =>
    k.temps((tmp) => {
      const src = ascend ? tmp(k.call('Neg', { x })) : x;
      const [values, indices] = k.callAll('TopK', { x: src }, { k: count, sorted: true });
      tmp(values);
      return indices;
    }),
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
      const condition = tmp(k.call('NotEqual', { a: cond, b: k.constant(0, cond.dtype) }));
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
      // TF.js's CPU OneHot always fills float32 data, whatever dtype it is asked for.
      const hot = k.call(
        'OneHot',
        { indices: idx },
        { depth, onValue, offValue, dtype: 'float32' },
      );
      return dtype === 'float32' ? hot : castTo(k, tmp(hot), dtype);
    }),
  take: (k, [x, indices], { axis, mode }) =>
    k.temps((tmp) => {
      const idx = tmp(indexTensor(k, indices, x.shape[axis], mode));
      return k.call('GatherV2', { x, indices: idx }, { axis, batchDims: 0 });
    }),
  pick: (k, [x, index], { axis, keepdims }) => {
    const kept = x.shape.map((d, i) => (i === axis ? 1 : d));
    const out = keepdims ? kept : kept.filter((_, i) => i !== axis);
    const shape = out.length > 0 ? out : [1];
    // An empty axis has nothing to pick: MXNet's composition gives 0 there.
    if (x.shape[axis] === 0) return k.call('Fill', {}, { shape, value: 0, dtype: x.dtype });
    // An engine that can index its memory from the host does it in one pass (wasm).
    if (k.hasPatch('MxtsPick')) return k.call('MxtsPick', { x, index }, { axis, shape });
    return composedPick(k, x, index, axis, shape);
  },
  pickScatter: (k, [g, index], { axis, shape }) => {
    if (size(shape) === 0) return k.call('Fill', {}, { shape, value: 0, dtype: g.dtype });
    if (k.hasPatch('MxtsPickScatter')) {
      return k.call('MxtsPickScatter', { g, index }, { axis, shape });
    }
    return composedPickScatter(k, g, index, axis, shape);
  },
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
      // ScatterNd sums rows that share an index; UnsortedSegmentSum would be shorter, but
      // TF.js's CPU kernel spreads a NaN or Inf in one row over the whole result.
      const scatterIdx = tmp(k.call('Reshape', { x: segmentIds }, { shape: [i, 1] }));
      const summed = tmp(
        k.call('ScatterNd', { indices: scatterIdx, updates: rows }, { shape: [size, p * q] }),
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
  // weight*decay - grad*step: one pass where the engine has a fused kernel (a patch named
  // `MxtsScaledSub`), else Multiply and Sub as MXNet's order rounds them.
  sgdUpdate: (k, [w, g], { decay, step }) => {
    if (k.hasPatch('MxtsScaledSub') && w.dtype === 'float32' && g.dtype === 'float32') {
      return k.call('MxtsScaledSub', { a: w, b: g }, { decay, step });
    }
    return k.temps((tmp) => {
      const a = decay === 1 ? w : tmp(k.call('Multiply', { a: w, b: k.constant(decay, w.dtype) }));
      const b = tmp(k.call('Multiply', { a: g, b: k.constant(step, g.dtype) }));
      return k.call('Sub', { a, b });
    });
  },
  cast: (k, [x], { dtype }) => castTo(k, x, dtype),
  copy: (k, [x]) => k.call('Identity', { x }),
  stopGradient: (k, [x]) => k.call('Identity', { x }),
};
