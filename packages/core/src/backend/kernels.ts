import type { DType } from '../ndarray/dtype.js';

type None = Record<string, never>;
type Scalar = { scalar: number };
type Reduce = { axis: number[]; keepdims: boolean };
/** A 2-D convolution's geometry: per spatial axis (h, w), pad on both sides; channel groups. */
type Conv = { stride: number[]; pad: number[]; dilate: number[]; groups: number };
/** A 2-D pooling's geometry, per spatial axis (h, w). */
type Pool = { kernel: number[]; stride: number[]; pad: number[]; out: number[] };

/**
 * The primitive kernels every backend implements, with the attributes each receives. Core
 * resolves every MXNet option (negative axes, `exclude`, reshape codes) before a kernel
 * runs, so attributes here are plain and final. Ops that are compositions of these (softmax,
 * FullyConnected, norm, ...) have no kernel. Tables keyed by `KernelName` (the backend's
 * kernel table, core's gradient table) are typed `{ [K in KernelName]: ... }`, so the
 * compiler lists a missing entry.
 */
export interface KernelAttrs {
  // unary, elementwise
  exp: None;
  log: None;
  sqrt: None;
  rsqrt: None;
  square: None;
  abs: None;
  negative: None;
  reciprocal: None;
  sin: None;
  cos: None;
  tan: None;
  sinh: None;
  cosh: None;
  tanh: None;
  arcsin: None;
  arccos: None;
  arctan: None;
  arcsinh: None;
  arccosh: None;
  arctanh: None;
  expm1: None;
  log1p: None;
  sigmoid: None;
  relu: None;
  // relu's gradient: (x, dy) give dy * (x > 0 ? 1 : 0), so dy's NaN and Inf stay where x <= 0
  reluGrad: None;
  softrelu: None;
  sign: None;
  floor: None;
  ceil: None;
  round: None;
  // binary with numpy broadcasting
  broadcastAdd: None;
  broadcastSub: None;
  broadcastMul: None;
  broadcastDiv: None;
  broadcastPower: None;
  broadcastMaximum: None;
  broadcastMinimum: None;
  broadcastEqual: None;
  broadcastNotEqual: None;
  broadcastGreater: None;
  broadcastGreaterEqual: None;
  broadcastLesser: None;
  broadcastLesserEqual: None;
  // binary on equal shapes (MXNet's elemwise_*)
  elemwiseAdd: None;
  elemwiseSub: None;
  elemwiseMul: None;
  elemwiseDiv: None;
  // array with a scalar attribute (MXNet's _plus_scalar, _rminus_scalar, ...)
  plusScalar: Scalar;
  minusScalar: Scalar;
  rminusScalar: Scalar;
  mulScalar: Scalar;
  divScalar: Scalar;
  rdivScalar: Scalar;
  powerScalar: Scalar;
  rpowerScalar: Scalar;
  maximumScalar: Scalar;
  minimumScalar: Scalar;
  equalScalar: Scalar;
  notEqualScalar: Scalar;
  greaterScalar: Scalar;
  greaterEqualScalar: Scalar;
  lesserScalar: Scalar;
  lesserEqualScalar: Scalar;
  // reductions over resolved axes; reducing every axis without keepdims gives shape [1]
  sum: Reduce;
  mean: Reduce;
  max: Reduce;
  min: Reduce;
  prod: Reduce;
  // log(softmax(x)) along `axis`, as x - max - log(sum(exp(x - max))): one node on the tape
  logSoftmax: { axis: number };
  // linear algebra: inputs are 3-D (batch, rows, cols)
  batchDot: { transposeA: boolean; transposeB: boolean };
  // one matrix product of 2-D operands (MXNet's dot): a dense layer runs it without reshapes
  dot: { transposeA: boolean; transposeB: boolean };
  // convolution: NCHW data, (O, C/groups, kh, kw) weight, as MXNet's Convolution
  conv2d: Conv;
  // its adjoint in the data: dy and the weight give the data gradient, of `shape`
  conv2dBackpropInput: Conv & { shape: number[] };
  // its adjoint in the weight: the data and dy give the weight gradient, of `shape`
  conv2dBackpropFilter: Conv & { shape: number[] };
  // max pooling of NCHW data: windows of `kernel` every `stride`, `out` of them per axis,
  // the first `pad` rows/columns padding; NaN and padding never win (MXNet's pool.h)
  maxPool2d: Pool;
  // its gradient: (x, dy) give dy added at each window's first maximum, in x's shape
  maxPool2dGrad: Pool;
  // the gradient's adjoint: (x, g) give g read at each window's first maximum
  maxPool2dGather: Pool;
  // ordering: int32 positions along `axis` (first one on ties), the axis dropped
  argmax: { axis: number };
  argmin: { axis: number };
  // int32 positions of the k largest (smallest if ascend) along the last axis, in order
  topk: { k: number; ascend: boolean };
  // layout
  reshape: { shape: number[] };
  transpose: { axes: number[] };
  broadcastTo: { shape: number[] };
  // element j of axis i is input[begin[i] + j*step[i]], for j < size[i] (step may be < 0)
  slice: { begin: number[]; size: number[]; step: number[] };
  // the gradient of slice: places its input at those positions in zeros of `shape`
  sliceScatter: { shape: number[]; begin: number[]; size: number[]; step: number[] };
  concat: { axis: number };
  tile: { reps: number[] };
  // selection
  where: None;
  clip: { min: number; max: number };
  oneHot: { depth: number; onValue: number; offValue: number; dtype: DType };
  take: { axis: number; mode: 'clip' | 'wrap' };
  takeScatter: { axis: number; size: number; mode: 'clip' | 'wrap' };
  // data[..., clip(index), ...] along `axis` (MXNet's pick, mode 'clip'); index has data's
  // shape without the axis; the axis is dropped (kept with length 1 if keepdims)
  pick: { axis: number; keepdims: boolean };
  // its gradient: (g, index) put g at the picked positions of zeros of `shape`
  pickScatter: { axis: number; shape: number[] };
  // MXNet's sgd_update without clipping: (weight, grad) give weight*decay - grad*step, with
  // decay = 1 - lr*wd and step = lr*rescale_grad in the weight's dtype (one pass, no temps)
  sgdUpdate: { decay: number; step: number };
  // copies
  cast: { dtype: DType };
  copy: None;
  stopGradient: None;
}

/** The name of a primitive kernel. */
export type KernelName = keyof KernelAttrs;
