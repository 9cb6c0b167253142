import { autograd, type NDArray, nd } from '@mxts/core';
import { type Domain, REAL } from './domain.js';
import { SPECIALS } from './edge-values.js';
import type { OpInfo, RejectedSample } from './op-info.js';
import { Prng } from './prng.js';
import { type RefArray, refArray } from './ref-array.js';
import { mapRef } from './reference/elementwise.js';
import { reshapeRef } from './reference/layout.js';
import {
  batchNormApply,
  channelMoments,
  convRef,
  drop1d,
  globalPoolRef,
  layerNormRef,
  leakyRef,
  lift1d,
  orderOf,
  poolRef,
} from './reference/nn.js';
import { type ArgArray, arg, distinctArg, randomArg, type Sample } from './sample.js';

const noGrad = (a: ArgArray): ArgArray => ({ ...a, grad: false });
const zerosArg = (shape: number[], dtype: 'float32' | 'int32' = 'float32') =>
  arg(shape, new Array(shape.reduce((p, d) => p * d, 1)).fill(0), { dtype });
/** A call that must raise `error` (arrays of zeros of the given shapes). */
function reject<O>(
  label: string,
  shapes: (number[] | ArgArray | null)[],
  options: O,
  error: RejectedSample<O>['error'],
): RejectedSample<O> {
  const args = shapes.flatMap((a) => (a === null ? [] : [Array.isArray(a) ? zerosArg(a) : a]));
  return { sample: { label, args, options }, error };
}
const elems = (a: ArgArray | number): number =>
  typeof a === 'number' ? 1 : a.shape.reduce((p, d) => p * d, 1);

// --- Convolution -------------------------------------------------------------------------

type ConvOptions = nd.ConvolutionOptions;
const convRng = Prng.fromText('Convolution');

function convSample(label: string, x: number[], w: number[], o: ConvOptions): Sample<ConvOptions> {
  const args = [randomArg(convRng, x, REAL), randomArg(convRng, w, REAL)];
  if (!o.noBias) args.push(randomArg(convRng, [o.numFilter], REAL));
  return { label, args, options: o };
}

function convReference([x, w, b]: (RefArray | number)[], o: ConvOptions): RefArray {
  const oneD = (x as RefArray).shape.length === 3;
  const lift = (v: readonly number[] | undefined, one: number, fb: number) => {
    const full = v ?? (oneD ? [fb] : [fb, fb]);
    return oneD ? [one, full[0]] : [...full];
  };
  const y = convRef(
    oneD ? lift1d(x as RefArray) : (x as RefArray),
    oneD ? lift1d(w as RefArray) : (w as RefArray),
    o.noBias ? null : (b as RefArray),
    {
      stride: lift(o.stride, 1, 1),
      pad: lift(o.pad, 0, 0),
      dilate: lift(o.dilate, 1, 1),
      groups: o.numGroup ?? 1,
    },
  );
  return oneD ? drop1d(y) : y;
}

const convolution: OpInfo<ConvOptions> = {
  name: 'Convolution',
  run: ([x, w, b], o) => nd.Convolution(x as NDArray, w as NDArray, (b as NDArray) ?? null, o),
  reference: convReference,
  dtypes: ['float32'],
  domain: REAL,
  samples: [
    convSample('3x3', [2, 1, 4, 4], [2, 1, 3, 3], { kernel: [3, 3], numFilter: 2 }),
    convSample('stride2,pad1', [1, 1, 5, 5], [2, 1, 3, 3], {
      kernel: [3, 3],
      numFilter: 2,
      stride: [2, 2],
      pad: [1, 1],
    }),
    convSample('dilate2', [1, 1, 6, 5], [2, 1, 2, 2], {
      kernel: [2, 2],
      numFilter: 2,
      dilate: [2, 2],
    }),
    convSample('groups2', [1, 4, 3, 3], [4, 2, 2, 2], {
      kernel: [2, 2],
      numFilter: 4,
      numGroup: 2,
    }),
    convSample('rect,stride(1,2),noBias', [1, 2, 3, 5], [2, 2, 2, 3], {
      kernel: [2, 3],
      numFilter: 2,
      stride: [1, 2],
      noBias: true,
    }),
    convSample('1-D,stride2,pad1', [2, 2, 7], [3, 2, 3], {
      kernel: [3],
      numFilter: 3,
      stride: [2],
      pad: [1],
      layout: 'NCW',
    }),
    convSample('stride2,dilate2,pad2,groups2', [1, 2, 5, 5], [2, 1, 3, 3], {
      kernel: [3, 3],
      numFilter: 2,
      stride: [2, 2],
      dilate: [2, 2],
      pad: [2, 2],
      numGroup: 2,
    }),
  ],
  rejected: [
    reject(
      'weight-vs-numFilter',
      [[1, 2, 4, 4], [3, 2, 3, 3], [2]],
      { kernel: [3, 3], numFilter: 2 },
      'ShapeError',
    ),
    reject(
      'weight-channels',
      [[1, 2, 4, 4], [2, 3, 3, 3], [2]],
      { kernel: [3, 3], numFilter: 2 },
      'ShapeError',
    ),
    reject(
      'groups-not-dividing-channels',
      [[1, 3, 4, 4], [2, 1, 3, 3], [2]],
      { kernel: [3, 3], numFilter: 2, numGroup: 2 },
      'ShapeError',
    ),
    reject(
      'kernel-exceeds-input',
      [[1, 1, 2, 2], [1, 1, 3, 3], [1]],
      { kernel: [3, 3], numFilter: 1 },
      'ShapeError',
    ),
    reject(
      'dilated-kernel-exceeds-input',
      [[1, 1, 4, 4], [1, 1, 3, 3], [1]],
      { kernel: [3, 3], numFilter: 1, dilate: [2, 2] },
      'ShapeError',
    ),
    reject(
      'kernel-rank',
      [[1, 1, 4, 4], [1, 1, 3, 3], [1]],
      { kernel: [3], numFilter: 1 },
      'InvalidArgumentError',
    ),
    reject(
      'stride-0',
      [[1, 1, 4, 4], [1, 1, 3, 3], [1]],
      { kernel: [3, 3], numFilter: 1, stride: [0, 1] },
      'InvalidArgumentError',
    ),
    reject(
      'negative-pad',
      [[1, 1, 4, 4], [1, 1, 3, 3], [1]],
      { kernel: [3, 3], numFilter: 1, pad: [-1, 0] },
      'InvalidArgumentError',
    ),
    reject('2-D-data', [[4, 4], [1, 1, 3, 3], [1]], { kernel: [3, 3], numFilter: 1 }, 'ShapeError'),
    reject(
      'layout-mismatch',
      [[1, 1, 4, 4], [1, 1, 3, 3], [1]],
      { kernel: [3, 3], numFilter: 1, layout: 'NCW' },
      'InvalidArgumentError',
    ),
    reject(
      'bias-missing',
      [[1, 1, 4, 4], [1, 1, 3, 3], null],
      { kernel: [3, 3], numFilter: 1 },
      'InvalidArgumentError',
    ),
    reject(
      'bias-shape',
      [[1, 1, 4, 4], [2, 1, 3, 3], [3]],
      { kernel: [3, 3], numFilter: 2 },
      'ShapeError',
    ),
    reject(
      'int32-data',
      [zerosArg([1, 1, 4, 4], 'int32'), zerosArg([1, 1, 3, 3], 'int32'), null],
      { kernel: [3, 3], numFilter: 1, noBias: true },
      'DTypeError',
    ),
    reject(
      'weight-dtype',
      [[1, 1, 4, 4], zerosArg([1, 1, 3, 3], 'int32'), [1]],
      { kernel: [3, 3], numFilter: 1 },
      'DTypeError',
    ),
  ],
  gradient: { kind: 'numeric' },
  terms: (s) => elems(s.args[1]) / s.options.numFilter + 1,
};

// --- Pooling -----------------------------------------------------------------------------

type PoolOptions = nd.PoolingOptions;
const poolRng = Prng.fromText('Pooling');

function poolReference([x]: (RefArray | number)[], o: PoolOptions): RefArray {
  const data = x as RefArray;
  const oneD = data.shape.length === 3;
  const poolType = o.poolType ?? 'max';
  if (o.globalPool) return globalPoolRef(data, poolType);
  const lift = (v: readonly number[] | undefined, one: number, fb: number) => {
    const full = v ?? (oneD ? [fb] : [fb, fb]);
    return oneD ? [one, full[0]] : [...full];
  };
  const y = poolRef(oneD ? lift1d(data) : data, {
    kernel: lift(o.kernel, 1, 1),
    stride: lift(o.stride, 1, 1),
    pad: lift(o.pad, 0, 0),
    poolType,
    full: o.poolingConvention === 'full',
    countIncludePad: o.countIncludePad ?? true,
  });
  return oneD ? drop1d(y) : y;
}

// Distinct values spaced well above the gradient step, so no window's maximum changes.
const poolSample = (label: string, shape: number[], o: PoolOptions): Sample<PoolOptions> => ({
  label,
  args: [distinctArg(poolRng, shape, -2, 0.1)],
  options: o,
});

const pooling: OpInfo<PoolOptions> = {
  name: 'Pooling',
  run: ([x], o) => nd.Pooling(x as NDArray, o),
  reference: poolReference,
  dtypes: ['float32'],
  domain: REAL,
  samples: [
    poolSample('max,2x2,stride2', [2, 2, 4, 4], { kernel: [2, 2], stride: [2, 2] }),
    poolSample('max,3x3,pad1', [1, 2, 4, 5], { kernel: [3, 3], pad: [1, 1] }),
    poolSample('max,full,3x3,stride2', [1, 1, 6, 6], {
      kernel: [3, 3],
      stride: [2, 2],
      poolingConvention: 'full',
    }),
    poolSample('avg,3x3,stride2,pad1', [1, 2, 5, 5], {
      kernel: [3, 3],
      stride: [2, 2],
      pad: [1, 1],
      poolType: 'avg',
    }),
    poolSample('avg,pad1,countIncludePad=false', [1, 1, 4, 4], {
      kernel: [3, 3],
      pad: [1, 1],
      poolType: 'avg',
      countIncludePad: false,
    }),
    poolSample('avg,full,2x2,stride2', [1, 1, 5, 5], {
      kernel: [2, 2],
      stride: [2, 2],
      poolType: 'avg',
      poolingConvention: 'full',
    }),
    poolSample('sum,2x3,stride(1,2)', [2, 1, 4, 5], {
      kernel: [2, 3],
      stride: [1, 2],
      poolType: 'sum',
    }),
    poolSample('global-max', [2, 3, 3, 3], { globalPool: true }),
    poolSample('global-avg', [2, 3, 3, 3], { globalPool: true, poolType: 'avg' }),
    poolSample('global-sum,1-D', [2, 2, 5], { globalPool: true, poolType: 'sum' }),
    poolSample('max,overlapping,3x3,stride2,pad1', [1, 2, 5, 6], {
      kernel: [3, 3],
      stride: [2, 2],
      pad: [1, 1],
    }),
    poolSample('1-D,max,3,stride2', [2, 2, 7], { kernel: [3], stride: [2], layout: 'NCW' }),
    poolSample('1-D,avg,2,pad1', [1, 2, 5], { kernel: [2], pad: [1], poolType: 'avg' }),
  ],
  rejected: [
    reject('no-kernel', [[1, 1, 4, 4]], {}, 'InvalidArgumentError'),
    reject('kernel-rank', [[1, 1, 4, 4]], { kernel: [2, 2, 2] }, 'InvalidArgumentError'),
    reject('kernel-exceeds-input', [[1, 1, 2, 2]], { kernel: [3, 3] }, 'ShapeError'),
    reject(
      'poolType',
      [[1, 1, 4, 4]],
      { kernel: [2, 2], poolType: 'lp' as 'max' },
      'InvalidArgumentError',
    ),
    reject(
      'convention',
      [[1, 1, 4, 4]],
      { kernel: [2, 2], poolingConvention: 'same' as 'full' },
      'InvalidArgumentError',
    ),
    reject('stride-0', [[1, 1, 4, 4]], { kernel: [2, 2], stride: [0, 0] }, 'InvalidArgumentError'),
    reject('2-D-data', [[4, 4]], { kernel: [2, 2] }, 'ShapeError'),
    reject('layout-mismatch', [[1, 1, 4]], { kernel: [2], layout: 'NCHW' }, 'InvalidArgumentError'),
    reject('int32-data', [zerosArg([1, 1, 4, 4], 'int32')], { kernel: [2, 2] }, 'DTypeError'),
  ],
  gradient: { kind: 'numeric' },
  terms: (s) => (s.options.kernel ?? [9]).reduce((a, b) => a * b, 1),
  kinkGradients: [
    {
      // Ties: the first maximum of each window (row-major) takes the gradient, as MXNet.
      sample: {
        label: 'ties',
        args: [arg([1, 1, 2, 2], [1, 1, 1, 1])],
        options: { kernel: [2, 2] },
      },
      expected: [[1, 0, 0, 0]],
    },
    {
      sample: {
        label: 'overlapping-ties',
        args: [arg([1, 1, 1, 3], [0, 2, 2])],
        options: { kernel: [1, 2] },
      },
      expected: [[0, 2, 0]],
    },
  ],
  // As MXNet's pool.h: NaN and -inf never win a window; one without a winner is -FLT_MAX.
  edge: [
    {
      label: 'specials',
      args: [arg([1, 1, 2, 3], [Number.NaN, 1, -Infinity, Infinity, 0, -0])],
      options: { kernel: [1, 1] },
    },
    {
      label: 'nan-and-inf-in-windows',
      args: [
        arg([1, 1, 2, 4], [Number.NaN, 1, -Infinity, -Infinity, -2, 0, -Infinity, Number.NaN]),
      ],
      options: { kernel: [2, 2], stride: [2, 2] },
    },
    {
      label: 'avg-with-inf',
      args: [arg([1, 1, 2, 2], [Infinity, 1, 2, 3])],
      options: { kernel: [2, 2], poolType: 'avg' },
    },
  ],
};

// --- BatchNorm ---------------------------------------------------------------------------

/** BatchNorm's options, plus how the suite calls it. */
type BNOptions = nd.BatchNormOptions & {
  /** Run in train mode (batch statistics, moving statistics updated). */
  train?: boolean;
  /** Also return the moving statistics after the call (checks the in-place update). */
  returnMoving?: boolean;
};
const bnRng = Prng.fromText('BatchNorm');
const POSITIVE: Domain = { low: 0.5, high: 2 };

function bnSample(
  label: string,
  shape: number[],
  o: BNOptions,
  gradGamma = true,
): Sample<BNOptions> {
  const axis = (o.axis ?? 1) < 0 ? (o.axis ?? 1) + shape.length : (o.axis ?? 1);
  const c = shape[axis];
  const gamma = randomArg(bnRng, [c], POSITIVE);
  return {
    label,
    args: [
      randomArg(bnRng, shape, REAL),
      gradGamma ? gamma : noGrad(gamma),
      randomArg(bnRng, [c], REAL),
      noGrad(randomArg(bnRng, [c], REAL)),
      noGrad(randomArg(bnRng, [c], POSITIVE)),
    ],
    options: o,
  };
}

function bnRun([x, g, b, mm, mv]: (NDArray | number)[], o: BNOptions): NDArray | NDArray[] {
  const { train = false, returnMoving = false, ...options } = o;
  const arrays = [x, g, b, mm, mv] as NDArray[];
  const call = () => nd.BatchNorm(arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], options);
  const y = train ? autograd.trainMode(call) : call();
  if (!returnMoving) return y;
  return [...(Array.isArray(y) ? y : [y]), arrays[3], arrays[4]];
}

function bnReference(
  [x, g, b, mm, mv]: (RefArray | number)[],
  o: BNOptions,
): RefArray | RefArray[] {
  const data = x as RefArray;
  const eps = o.eps ?? 1e-3;
  const momentum = o.momentum ?? 0.9;
  const axis = (o.axis ?? 1) < 0 ? (o.axis ?? 1) + data.shape.length : (o.axis ?? 1);
  const moving = [mm as RefArray, mv as RefArray].map((a) => Array.from(a.values));
  const batch = (o.train ?? false) && !(o.useGlobalStats ?? false);
  const { mean, variance } = batch
    ? channelMoments(data, axis)
    : { mean: moving[0], variance: moving[1] };
  const invstd = variance.map((v) => 1 / Math.sqrt(v + eps));
  const y = batchNormApply(
    data,
    g as RefArray,
    b as RefArray,
    mean,
    invstd,
    axis,
    o.fixGamma ?? true,
  );
  const outs = o.outputMeanVar
    ? [y, refArray([mean.length], mean), refArray([mean.length], invstd)]
    : [y];
  if (!o.returnMoving) return outs.length === 1 ? outs[0] : outs;
  const next = batch
    ? [
        moving[0].map((v, k) => v * momentum + mean[k] * (1 - momentum)),
        moving[1].map((v, k) => v * momentum + variance[k] * (1 - momentum)),
      ]
    : moving;
  return [...outs, ...next.map((v) => refArray([v.length], v))];
}

const batchNorm: OpInfo<BNOptions> = {
  name: 'BatchNorm',
  run: bnRun,
  reference: bnReference,
  dtypes: ['float32'],
  domain: REAL,
  samples: [
    bnSample('predict,fixGamma=false', [2, 3, 2, 2], { fixGamma: false }),
    bnSample('predict,fixGamma', [2, 3, 2], {}, false),
    bnSample('predict,axis=-1,eps=0.1', [3, 4], { axis: -1, eps: 0.1, fixGamma: false }),
    bnSample('train,fixGamma=false', [3, 2, 2, 2], { train: true, fixGamma: false }),
    bnSample('train,fixGamma', [4, 3], { train: true }, false),
    bnSample('train,axis=2', [2, 2, 3], { train: true, axis: 2, fixGamma: false }),
    bnSample('train,useGlobalStats', [2, 2, 2], {
      train: true,
      useGlobalStats: true,
      fixGamma: false,
    }),
  ],
  forwardOnly: [
    bnSample('train,moving-update', [4, 3, 2], { train: true, returnMoving: true, momentum: 0.8 }),
    bnSample('predict,moving-unchanged', [2, 3], { returnMoving: true }),
    bnSample('train,outputMeanVar', [3, 2, 2], {
      train: true,
      outputMeanVar: true,
      fixGamma: false,
    }),
    bnSample('predict,outputMeanVar', [3, 2], { outputMeanVar: true }),
  ],
  rejected: [
    reject('gamma-length', [[2, 3], [2], [3], [3], [3]], {}, 'ShapeError'),
    reject('movingVar-length', [[2, 3], [3], [3], [3], [4]], {}, 'ShapeError'),
    reject('axis-out-of-range', [[2, 3], [3], [3], [3], [3]], { axis: 2 }, 'InvalidArgumentError'),
    reject('momentum', [[2, 3], [3], [3], [3], [3]], { momentum: 1.5 }, 'InvalidArgumentError'),
    reject('1-D-data', [[3], [3], [3], [3], [3]], { axis: 0 }, 'ShapeError'),
    reject('beta-dtype', [[2, 3], [3], zerosArg([3], 'int32'), [3], [3]], {}, 'DTypeError'),
  ],
  gradient: { kind: 'numeric' },
  terms: (s) => elems(s.args[0]) / elems(s.args[1]),
};

// --- LayerNorm ---------------------------------------------------------------------------

type LNOptions = nd.LayerNormOptions;
const lnRng = Prng.fromText('LayerNorm');

function lnSample(label: string, shape: number[], o: LNOptions): Sample<LNOptions> {
  const axis = (o.axis ?? -1) < 0 ? (o.axis ?? -1) + shape.length : (o.axis ?? -1);
  const n = shape[axis];
  return {
    label,
    args: [
      randomArg(lnRng, shape, REAL),
      randomArg(lnRng, [n], POSITIVE),
      randomArg(lnRng, [n], REAL),
    ],
    options: o,
  };
}

const layerNorm: OpInfo<LNOptions> = {
  name: 'LayerNorm',
  run: ([x, g, b], o) => nd.LayerNorm(x as NDArray, g as NDArray, b as NDArray, o),
  reference: ([x, g, b], o) => {
    const data = x as RefArray;
    const axis = (o.axis ?? -1) < 0 ? (o.axis ?? -1) + data.shape.length : (o.axis ?? -1);
    return layerNormRef(data, g as RefArray, b as RefArray, axis, o.eps ?? 1e-5);
  },
  dtypes: ['float32'],
  domain: REAL,
  samples: [
    lnSample('axis=-1', [3, 5], {}),
    lnSample('axis=1,3-D', [2, 3, 2], { axis: 1 }),
    lnSample('eps=0.1', [2, 4], { eps: 0.1 }),
    lnSample('1-D', [6], {}),
  ],
  rejected: [
    reject('gamma-length', [[2, 3], [2], [3]], {}, 'ShapeError'),
    reject('beta-length', [[2, 3], [3], [2]], {}, 'ShapeError'),
    reject('axis-out-of-range', [[2, 3], [3], [3]], { axis: 2 }, 'InvalidArgumentError'),
  ],
  gradient: { kind: 'numeric' },
  terms: (s) => elems(s.args[1]),
};

// --- Embedding ---------------------------------------------------------------------------

type EmbOptions = nd.EmbeddingOptions;
const embRng = Prng.fromText('Embedding');

const embedding: OpInfo<EmbOptions> = {
  name: 'Embedding',
  run: ([d, w], o) => nd.Embedding(d as NDArray, w as NDArray, o),
  reference: ([d, w], o) => {
    const data = d as RefArray;
    const weight = w as RefArray;
    const rows = Array.from(data.values, (v) =>
      Math.min(o.inputDim - 1, Math.max(0, Math.trunc(v))),
    );
    const values = rows.flatMap((r) =>
      Array.from(weight.values.subarray(r * o.outputDim, (r + 1) * o.outputDim)),
    );
    return refArray([...data.shape, o.outputDim], values);
  },
  dtypes: ['float32'],
  domain: REAL,
  samples: [
    {
      // Index 1 twice: its row's gradient sums both head gradients.
      label: '2x3-indices',
      args: [noGrad(arg([2, 3], [1, 0, 4, 1, 3, 2])), randomArg(embRng, [5, 3], REAL)],
      options: { inputDim: 5, outputDim: 3 },
    },
    {
      label: '1-D-indices',
      args: [noGrad(arg([4], [2, 2, 0, 1])), randomArg(embRng, [3, 2], REAL)],
      options: { inputDim: 3, outputDim: 2 },
    },
  ],
  forwardOnly: [
    {
      label: 'out-of-range-clipped',
      args: [noGrad(arg([4], [-3, 7, 1.7, 2])), randomArg(embRng, [3, 2], REAL)],
      options: { inputDim: 3, outputDim: 2 },
    },
    {
      label: 'int32-indices',
      args: [arg([3], [2, 0, 1], { dtype: 'int32' }), randomArg(embRng, [3, 4], REAL)],
      options: { inputDim: 3, outputDim: 4 },
    },
  ],
  rejected: [
    reject('weight-shape', [[2], [4, 3]], { inputDim: 5, outputDim: 3 }, 'ShapeError'),
    reject('inputDim-0', [[2], [4, 3]], { inputDim: 0, outputDim: 3 }, 'InvalidArgumentError'),
  ],
  outputDType: () => 'float32',
  gradient: { kind: 'numeric' },
};

// --- LeakyReLU ---------------------------------------------------------------------------

type LeakyOptions = nd.LeakyReLUOptions;
const leakyRng = Prng.fromText('LeakyReLU');
const leakyDomain: Domain = { ...REAL, avoid: [0] };
const leakyTypes: [string, LeakyOptions][] = [
  ['leaky', { actType: 'leaky', slope: 0.1 }],
  ['leaky-default-slope', {}],
  ['elu', { actType: 'elu', slope: 1 }],
  ['elu-slope0.5', { actType: 'elu', slope: 0.5 }],
  ['selu', { actType: 'selu' }],
  ['gelu', { actType: 'gelu' }],
];

const leakyReLU: OpInfo<LeakyOptions> = {
  name: 'LeakyReLU',
  run: ([x, g], o) =>
    g === undefined ? nd.LeakyReLU(x as NDArray, o) : nd.LeakyReLU(x as NDArray, g as NDArray, o),
  reference: ([x, g], o) => {
    const data = x as RefArray;
    if (o.actType === 'prelu') {
      const gamma = g as RefArray;
      const inner = data.shape.slice(2).reduce((a, b) => a * b, 1);
      const c = data.shape[1];
      return refArray(
        data.shape,
        Array.from(data.values, (v, i) => {
          const slope =
            gamma.values.length === 1 ? gamma.values[0] : gamma.values[Math.floor(i / inner) % c];
          return v > 0 ? v : v * slope;
        }),
      );
    }
    return mapRef(data, (v) => leakyRef(v, o.actType ?? 'leaky', o.slope ?? 0.25));
  },
  dtypes: ['float32'],
  domain: leakyDomain,
  samples: [
    ...leakyTypes.map(([label, options]) => ({
      label,
      args: [randomArg(leakyRng, [2, 3], leakyDomain)],
      options,
    })),
    {
      label: 'prelu,per-channel',
      args: [randomArg(leakyRng, [2, 3, 2], leakyDomain), randomArg(leakyRng, [3], REAL)],
      options: { actType: 'prelu' },
    },
    {
      label: 'prelu,one-gamma',
      args: [randomArg(leakyRng, [2, 3], leakyDomain), randomArg(leakyRng, [1], REAL)],
      options: { actType: 'prelu' },
    },
  ],
  rejected: [
    reject('actType', [[2, 3]], { actType: 'rrelu' as 'leaky' }, 'InvalidArgumentError'),
    reject('prelu-without-gamma', [[2, 3]], { actType: 'prelu' }, 'InvalidArgumentError'),
    reject('prelu-gamma-shape', [[2, 3], [2]], { actType: 'prelu' }, 'ShapeError'),
  ],
  gradient: { kind: 'numeric' },
  kinkGradients: [
    {
      // MXNet's backward: x > 0 ? 1 : slope (so slope at 0).
      sample: {
        label: 'leaky-at-0',
        args: [arg([3], [-1, 0, 2])],
        options: { actType: 'leaky', slope: 0.1 },
      },
      expected: [[0.1, 0.1, 1]],
    },
  ],
  edge: leakyTypes.map(([label, options]) => ({
    label: `specials-${label}`,
    args: [arg([SPECIALS.length + 2], [...SPECIALS, 100, -100])],
    options,
  })),
};

// --- softmaxCrossEntropy -----------------------------------------------------------------

const sceRng = Prng.fromText('softmaxCrossEntropy');

function sceReference([d, l]: (RefArray | number)[]): RefArray {
  const data = d as RefArray;
  const [n, k] = data.shape;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const row = Array.from(data.values.subarray(i * k, (i + 1) * k));
    const top = Math.max(...row);
    const lse = top + Math.log(row.reduce((s, v) => s + Math.exp(v - top), 0));
    const label = Math.min(k - 1, Math.max(0, Math.trunc((l as RefArray).values[i])));
    total += lse - row[label];
  }
  return refArray([1], [total]);
}

const softmaxCrossEntropy: OpInfo<Record<string, never>> = {
  name: 'softmaxCrossEntropy',
  run: ([d, l]) => nd.softmaxCrossEntropy(d as NDArray, l as NDArray),
  reference: sceReference,
  dtypes: ['float32'],
  domain: REAL,
  samples: [
    {
      label: '3x4',
      args: [randomArg(sceRng, [3, 4], REAL), noGrad(arg([3], [0, 3, 1]))],
      options: {},
    },
    {
      label: '1x2',
      args: [randomArg(sceRng, [1, 2], REAL), noGrad(arg([1], [1]))],
      options: {},
    },
  ],
  forwardOnly: [
    {
      label: 'int32-label',
      args: [randomArg(sceRng, [2, 3], REAL), arg([2], [2, 0], { dtype: 'int32' })],
      options: {},
    },
  ],
  rejected: [
    reject('label-length', [[3, 4], [2]], {}, 'ShapeError'),
    reject('1-D-data', [[4], [1]], {}, 'ShapeError'),
  ],
  gradient: { kind: 'numeric' },
  terms: (s) => elems(s.args[0]),
  edge: [
    {
      // Large logits stay finite: the maximum is subtracted first.
      label: 'large-logits',
      args: [arg([2, 2], [100, -100, 0, 80]), noGrad(arg([2], [1, 0]))],
      options: {},
    },
  ],
};

// --- argmax, argmin ----------------------------------------------------------------------

type ArgOptions = nd.ArgReduceOptions;

function argReduceReference(largest: boolean) {
  return ([x]: (RefArray | number)[], o: ArgOptions): RefArray => {
    const data = x as RefArray;
    const flat = o.axis === undefined;
    const shape = flat ? [data.values.length] : [...data.shape];
    const axis = flat ? 0 : o.axis! < 0 ? o.axis! + shape.length : o.axis!;
    const n = shape[axis];
    const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
    const out: number[] = [];
    for (let a = 0; a < outer; a++) {
      for (let b = 0; b < inner; b++) {
        let best = 0;
        for (let j = 1; j < n; j++) {
          const v = data.values[(a * n + j) * inner + b];
          const w = data.values[(a * n + best) * inner + b];
          if (largest ? v > w : v < w) best = j;
        }
        out.push(best);
      }
    }
    const keep = o.keepdims ?? false;
    const outShape = flat
      ? keep
        ? data.shape.map(() => 1)
        : [1]
      : keep
        ? data.shape.map((d, i) => (i === axis ? 1 : d))
        : data.shape.filter((_, i) => i !== axis);
    return refArray(outShape.length > 0 ? outShape : [1], out);
  };
}

function argReduceInfo(name: 'argmax' | 'argmin'): OpInfo<ArgOptions> {
  const rng = Prng.fromText(name);
  const sample = (label: string, shape: number[], o: ArgOptions): Sample<ArgOptions> => ({
    label,
    args: [distinctArg(rng, shape, -2)],
    options: o,
  });
  return {
    name,
    run: ([x], o) => nd[name](x as NDArray, o),
    reference: argReduceReference(name === 'argmax'),
    dtypes: ['float32', 'int32'],
    domain: REAL,
    samples: [
      sample('axis=1', [3, 4], { axis: 1 }),
      sample('axis=0', [3, 4], { axis: 0 }),
      sample('axis=-1,3-D,keepdims', [2, 3, 4], { axis: -1, keepdims: true }),
      sample('axis=1,3-D', [2, 3, 4], { axis: 1 }),
      sample('flattened', [2, 3], {}),
      sample('flattened,keepdims', [2, 3], { keepdims: true }),
      {
        // Ties: the first position wins.
        label: 'ties',
        args: [arg([2, 4], [1, 3, 3, 0, 2, 2, 2, 2])],
        options: { axis: 1 },
      },
    ],
    rejected: [reject('axis-out-of-range', [[2, 3]], { axis: 2 }, 'InvalidArgumentError')],
    outputDType: () => 'float32',
    dtypeSamples: {
      int32: [
        {
          label: 'int32,axis=1',
          args: [arg([2, 3], [4, -1, 9, 0, 7, 7], { dtype: 'int32' })],
          options: { axis: 1 },
        },
      ],
    },
  };
}

// --- topk, sort, argsort -----------------------------------------------------------------

type TopkOptions = nd.TopkOptions;

/** Rows along `axis` of a RefArray, each as (values, write-back positions). */
function rowsOf(x: RefArray, axis: number): number[][] {
  const n = x.shape[axis];
  const inner = x.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const outer = x.shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const rows: number[][] = [];
  for (let a = 0; a < outer; a++) {
    for (let b = 0; b < inner; b++) {
      rows.push(Array.from({ length: n }, (_, j) => (a * n + j) * inner + b));
    }
  }
  return rows;
}

function topkReference([x]: (RefArray | number)[], o: TopkOptions): RefArray | RefArray[] {
  const src = x as RefArray;
  const flat = o.axis === null;
  const data = flat ? reshapeRef(src, [src.values.length]) : src;
  const axis = flat ? 0 : (o.axis ?? -1) < 0 ? (o.axis ?? -1) + data.shape.length : o.axis!;
  const n = data.shape[axis];
  const k = o.k === undefined ? 1 : o.k < 1 ? n : o.k;
  const outShape = data.shape.map((d, i) => (i === axis ? k : d));
  const inner = data.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const outer = data.shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const values = new Float64Array(outer * k * inner);
  const indices = new Float64Array(outer * k * inner);
  const mask = new Float64Array(data.values.length);
  rowsOf(data, axis).forEach((positions, r) => {
    const a = Math.floor(r / inner);
    const b = r % inner;
    const row = positions.map((p) => data.values[p]);
    const order = orderOf(row, o.isAscend ?? false).slice(0, k);
    order.forEach((j, t) => {
      const at = (a * k + t) * inner + b;
      values[at] = row[j];
      indices[at] = j;
      mask[positions[j]] = 1;
    });
  });
  const v = { shape: outShape, values };
  const i = { shape: outShape, values: indices };
  switch (o.retTyp ?? 'indices') {
    case 'value':
      return v;
    case 'both':
      return [v, i];
    case 'mask':
      return { shape: [...src.shape], values: mask };
    default:
      return i;
  }
}

const topkRng = Prng.fromText('topk');
const topkSample = (label: string, shape: number[], o: TopkOptions): Sample<TopkOptions> => ({
  label,
  args: [distinctArg(topkRng, shape, -2)],
  options: o,
});

const topk: OpInfo<TopkOptions> = {
  name: 'topk',
  run: ([x], o) => nd.topk(x as NDArray, o),
  reference: topkReference,
  dtypes: ['float32'],
  domain: REAL,
  // Values differentiate: each goes back to the position it came from.
  samples: [
    topkSample('value,k=2', [3, 5], { k: 2, retTyp: 'value' }),
    topkSample('value,k=3,ascend,axis=0', [4, 3], {
      k: 3,
      retTyp: 'value',
      isAscend: true,
      axis: 0,
    }),
    topkSample('value,3-D,axis=1', [2, 4, 3], { k: 2, retTyp: 'value', axis: 1 }),
    topkSample('value,flattened', [2, 3], { k: 4, retTyp: 'value', axis: null }),
  ],
  forwardOnly: [
    topkSample('indices,default-k', [3, 4], {}),
    topkSample('indices,k=3,ascend', [2, 5], { k: 3, isAscend: true }),
    topkSample('indices,k=0-is-all,axis=0', [4, 2], { k: 0, axis: 0 }),
    topkSample('both,k=2', [3, 4], { k: 2, retTyp: 'both' }),
    topkSample('mask,k=2,axis=1,3-D', [2, 4, 2], { k: 2, retTyp: 'mask', axis: 1 }),
    topkSample('mask,flattened', [2, 3], { k: 2, retTyp: 'mask', axis: null }),
    {
      label: 'ties-by-position',
      args: [arg([2, 4], [1, 3, 3, 0, 2, 2, 2, 2])],
      options: { k: 3 },
    },
  ],
  rejected: [
    reject('k-above-length', [[2, 3]], { k: 4 }, 'InvalidArgumentError'),
    reject('retTyp', [[2, 3]], { retTyp: 'values' as 'value' }, 'InvalidArgumentError'),
    reject('axis-out-of-range', [[2, 3]], { axis: -3 }, 'InvalidArgumentError'),
  ],
  gradient: { kind: 'numeric' },
};

type SortOptions = nd.SortOptions;
const sortRng = Prng.fromText('sort');

const sort: OpInfo<SortOptions> = {
  name: 'sort',
  run: ([x], o) => nd.sort(x as NDArray, o),
  reference: ([x], o) =>
    topkReference([x], { axis: o.axis, k: 0, retTyp: 'value', isAscend: o.isAscend ?? true }),
  dtypes: ['float32', 'int32'],
  domain: REAL,
  samples: [
    { label: 'ascend', args: [distinctArg(sortRng, [3, 4], -2)], options: {} },
    {
      label: 'descend,axis=0',
      args: [distinctArg(sortRng, [3, 4], -2)],
      options: { axis: 0, isAscend: false },
    },
    { label: 'flattened', args: [distinctArg(sortRng, [2, 3], -2)], options: { axis: null } },
  ],
  rejected: [reject('axis-out-of-range', [[2, 3]], { axis: 2 }, 'InvalidArgumentError')],
  gradient: { kind: 'numeric' },
  edge: [
    {
      label: 'infinities',
      args: [arg([4], [Infinity, 0, -Infinity, 1])],
      options: {},
    },
  ],
  dtypeSamples: {
    int32: [
      {
        label: 'int32',
        args: [arg([2, 3], [4, -1, 9, 0, 7, -7], { dtype: 'int32' })],
        options: {},
      },
    ],
  },
};

type ArgsortOptions = nd.ArgsortOptions;
const argsortRng = Prng.fromText('argsort');

const argsort: OpInfo<ArgsortOptions> = {
  name: 'argsort',
  run: ([x], o) => nd.argsort(x as NDArray, o),
  reference: ([x], o) =>
    topkReference([x], { axis: o.axis, k: 0, retTyp: 'indices', isAscend: o.isAscend ?? true }),
  dtypes: ['float32'],
  domain: REAL,
  samples: [
    { label: 'ascend', args: [distinctArg(argsortRng, [3, 4], -2)], options: {} },
    {
      label: 'descend,axis=0',
      args: [distinctArg(argsortRng, [3, 4], -2)],
      options: { axis: 0, isAscend: false },
    },
    {
      label: 'dtype=int32',
      args: [distinctArg(argsortRng, [5], -2)],
      options: { dtype: 'int32' },
    },
    {
      label: 'ties-keep-order',
      args: [arg([5], [2, 1, 2, 1, 0])],
      options: {},
    },
  ],
  rejected: [reject('axis-out-of-range', [[2, 3]], { axis: 2 }, 'InvalidArgumentError')],
  outputDType: (s) => s.options.dtype ?? 'float32',
};

/**
 * The layer operators Gluon's layers call: Convolution, Pooling, BatchNorm, LayerNorm,
 * Embedding, LeakyReLU, softmaxCrossEntropy, and the ordering ops argmax, argmin, topk, sort
 * and argsort.
 */
export const layerOpInfos: OpInfo[] = [
  convolution,
  pooling,
  batchNorm,
  layerNorm,
  embedding,
  leakyReLU,
  softmaxCrossEntropy,
  argReduceInfo('argmax'),
  argReduceInfo('argmin'),
  topk,
  sort,
  argsort,
];
