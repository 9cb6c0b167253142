import { type NDArray, nd } from '@mxts/core';
import { type Domain, REAL } from './domain.js';
import { SPECIALS } from './edge-values.js';
import type { OpInfo } from './op-info.js';
import { Prng } from './prng.js';
import { generate, type RefArray, ravel } from './ref-array.js';
import { broadcastRead, mapRef } from './reference/elementwise.js';
import { takeRef } from './reference/layout.js';
import * as m from './reference/math.js';
import { type ArgArray, arg, randomArg, randomIntArg, type Sample } from './sample.js';

const NaN = Number.NaN;
const Inf = Infinity;
const noGrad = (shape: number[], values: number[], dtype: 'float32' | 'int32' = 'float32') =>
  arg(shape, values, { dtype, grad: false });
const int32Copy = (a: ArgArray, rng: Prng) =>
  arg(
    a.shape,
    a.values.map(() => rng.int(-9, 9)),
    { dtype: 'int32' },
  );

/** MXNet's where: x where the condition is non-zero; a 1-D condition picks whole rows. */
function whereRef([c, x, y]: RefArray[]): RefArray {
  const rows = c.shape.length === 1 && x.shape.length > 1;
  return generate(x.shape, (idx) => {
    const cond = rows ? c.values[idx[0]] : broadcastRead(c, idx);
    return cond !== 0 ? broadcastRead(x, idx) : broadcastRead(y, idx);
  });
}

const whereRng = Prng.fromText('where');
const whereSamples: Sample<Record<string, never>>[] = [
  {
    label: 'same-shape',
    args: [
      noGrad([2, 3], [1, 0, -2, 0.5, 0, 1]),
      ...[0, 1].map(() => randomArg(whereRng, [2, 3], REAL)),
    ],
    options: {},
  },
  {
    label: 'row-condition',
    args: [noGrad([2], [0, 3]), ...[0, 1].map(() => randomArg(whereRng, [2, 3], REAL))],
    options: {},
  },
];

type ClipOptions = { aMin: number; aMax: number };
const clipDomain: Domain = { ...REAL, avoid: [-0.5, 0.8] };
const clipRng = Prng.fromText('clip');

type OneHotOptions = nd.OneHotOptions;

/** MXNet's one_hot: indices truncated to integers; out-of-range rows are all offValue. */
function oneHotRef([idx]: RefArray[], o: OneHotOptions): RefArray {
  return generate([...idx.shape, o.depth], (at) => {
    const j = Math.trunc(idx.values[ravel(at.slice(0, -1), idx.shape)]);
    return j === at[at.length - 1] ? (o.onValue ?? 1) : (o.offValue ?? 0);
  });
}

type PickOptions = nd.PickOptions;

/** MXNet's pick: one element along `axis` per position, indices truncated and clipped. */
function pickRef([x, index]: RefArray[], o: PickOptions): RefArray {
  const axis = (o.axis ?? -1) < 0 ? (o.axis ?? -1) + x.shape.length : (o.axis ?? -1);
  const n = x.shape[axis];
  const kept = x.shape.map((d, i) => (i === axis ? 1 : d));
  const out = generate(kept, (idx) => {
    const rest = idx.filter((_, i) => i !== axis);
    const flat =
      rest.length === 0
        ? 0
        : ravel(
            rest,
            x.shape.filter((_, i) => i !== axis),
          );
    const j = Math.min(n - 1, Math.max(0, Math.trunc(index.values[flat])));
    const at = [...idx];
    at[axis] = j;
    return x.values[ravel(at, x.shape)];
  });
  const dropped = x.shape.filter((_, i) => i !== axis);
  return o.keepdims ? out : { shape: dropped.length ? dropped : [1], values: out.values };
}

const pickRng = Prng.fromText('pick');
const pickSamples: Sample<PickOptions>[] = [
  {
    label: 'axis=-1',
    args: [randomArg(pickRng, [3, 4], REAL), noGrad([3], [1, 3, 0])],
    options: {},
  },
  {
    label: 'axis=0',
    args: [randomArg(pickRng, [3, 4], REAL), noGrad([4], [2, 0, 1, 2])],
    options: { axis: 0 },
  },
  {
    label: 'keepdims',
    args: [randomArg(pickRng, [3, 4], REAL), noGrad([3, 1], [0, 2, 3])],
    options: { keepdims: true },
  },
  {
    label: 'clip-out-of-range',
    args: [randomArg(pickRng, [3, 4], REAL), noGrad([3], [-1, 5, 2.7])],
    options: {},
  },
  {
    label: '3-D,axis=1',
    args: [randomArg(pickRng, [2, 3, 2], REAL), noGrad([2, 2], [0, 2, 1, 1])],
    options: { axis: 1 },
  },
];

type TakeOptions = nd.TakeOptions;
const takeRng = Prng.fromText('take');
const takeSample = (
  label: string,
  shape: number[],
  idxShape: number[],
  idx: number[],
  o: TakeOptions,
): Sample<TakeOptions> => ({
  label,
  args: [randomArg(takeRng, shape, REAL), noGrad(idxShape, idx)],
  options: o,
});
// Indices are float32, as MXNet's default; fractions truncate toward zero.
const takeSamples: Sample<TakeOptions>[] = [
  takeSample('axis=0', [4, 3], [2, 2], [0, 2, 3, 1], {}),
  takeSample('duplicates', [4, 3], [3], [1, 1, 3], {}),
  takeSample('clip', [4, 3], [3], [-1, 5, 2], { mode: 'clip' }),
  takeSample('wrap', [4, 3], [4], [-1, 5, 7, -6], { mode: 'wrap' }),
  takeSample('axis=1', [3, 4], [2], [3, 0], { axis: 1 }),
  takeSample('axis=-1', [2, 3, 4], [2, 1], [1, 3], { axis: -1 }),
  takeSample('fractional-clip', [4, 3], [3], [1.7, -0.5, 2.9], {}),
  takeSample('fractional-wrap', [4, 3], [2], [-1.5, 5.5], { mode: 'wrap' }),
];

/** where, clip, oneHot, pick and take. */
export const indexingOpInfos: OpInfo[] = [
  {
    name: 'where',
    run: ([c, x, y]) => nd.where(c as NDArray, x as NDArray, y as NDArray),
    reference: (args) => whereRef(args as RefArray[]),
    // The condition may have any dtype (MXNet types only x, y and the output).
    outputDType: (s) => (s.args[1] as ArgArray).dtype,
    dtypes: ['float32', 'int32'],
    domain: REAL,
    samples: whereSamples,
    gradient: { kind: 'numeric' },
    // What the condition rejects never leaks, NaN included; a NaN condition is non-zero.
    edge: [
      {
        label: 'specials',
        args: [
          noGrad([5], [1, 0, 1, 0, NaN]),
          arg([5], [1, NaN, -Inf, NaN, 3]),
          arg([5], [NaN, 2, NaN, -0, 4]),
        ],
        options: {},
      },
    ],
    dtypeSamples: {
      int32: [
        {
          label: 'int32',
          args: [
            noGrad([2, 3], [1, 0, 2, 0, -1, 0], 'int32'),
            int32Copy(whereSamples[0].args[1] as ArgArray, whereRng),
            int32Copy(whereSamples[0].args[2] as ArgArray, whereRng),
          ],
          options: {},
        },
        {
          label: 'int32-condition',
          args: [noGrad([2, 3], [0, 3, 0, -1, 1, 0], 'int32'), ...whereSamples[0].args.slice(1)],
          options: {},
        },
      ],
    },
    mismatch: {
      label: 'float32-with-int32',
      args: [
        whereSamples[0].args[0],
        whereSamples[0].args[1],
        int32Copy(whereSamples[0].args[2] as ArgArray, whereRng),
      ],
      options: {},
    },
  },
  {
    name: 'clip',
    run: ([x], o: ClipOptions) => nd.clip(x as NDArray, o.aMin, o.aMax),
    reference: ([x], o: ClipOptions) => mapRef(x as RefArray, (v) => m.clip(v, o.aMin, o.aMax)),
    dtypes: ['float32', 'int32'],
    domain: clipDomain,
    samples: [
      {
        label: '[-0.5,0.8]',
        args: [randomArg(clipRng, [2, 3], clipDomain)],
        options: { aMin: -0.5, aMax: 0.8 },
      },
    ],
    gradient: { kind: 'numeric' },
    edge: [
      {
        label: 'specials',
        args: [arg([SPECIALS.length], SPECIALS)],
        options: { aMin: -0.5, aMax: 0.8 },
      },
    ],
    // MXNet's backward passes the gradient where aMin <= x <= aMax, bounds included.
    kinkGradients: [
      {
        sample: {
          label: 'bounds',
          args: [arg([5], [-0.5, 0.8, -1, 1, 0])],
          options: { aMin: -0.5, aMax: 0.8 },
        },
        expected: [[1, 1, 0, 0, 1]],
      },
    ],
    dtypeSamples: {
      int32: [
        {
          label: 'int32',
          args: [randomIntArg(clipRng, [2, 3], -5, 5)],
          options: { aMin: -2, aMax: 3 },
        },
      ],
    },
  },
  {
    // Not differentiable: the only input is indices (MXNet gives them no gradient).
    name: 'oneHot',
    run: ([i], o: OneHotOptions) => nd.oneHot(i as NDArray, o),
    reference: (args, o: OneHotOptions) => oneHotRef(args as RefArray[], o),
    outputDType: (s) => s.options.dtype ?? 'float32',
    dtypes: ['float32', 'int32'],
    domain: { low: -1, high: 4 },
    samples: [
      { label: 'depth=3', args: [noGrad([6], [1, 0, 2, -1, 3, 1.7])], options: { depth: 3 } },
      {
        label: 'on=5,off=-1',
        args: [noGrad([2, 2], [0, 2, 1, 1])],
        options: { depth: 3, onValue: 5, offValue: -1 },
      },
    ],
    dtypeSamples: {
      int32: [
        {
          label: 'int32-indices,int32-output',
          args: [noGrad([4], [2, 0, 5, 1], 'int32')],
          options: { depth: 3, dtype: 'int32', onValue: 7 },
        },
      ],
    },
  },
  {
    name: 'pick',
    run: ([x, i], o: PickOptions) => nd.pick(x as NDArray, i as NDArray, o),
    reference: (args, o: PickOptions) => pickRef(args as RefArray[], o),
    dtypes: ['float32', 'int32'],
    domain: REAL,
    samples: pickSamples,
    gradient: { kind: 'numeric' },
    // Elements not picked never leak into the result, NaN and infinities included.
    edge: [
      {
        label: 'specials',
        args: [arg([2, 3], [1, NaN, Inf, -Inf, 2, NaN]), noGrad([2], [0, 1])],
        options: {},
      },
    ],
    dtypeSamples: {
      int32: [
        {
          label: 'int32',
          args: [
            int32Copy(pickSamples[0].args[0] as ArgArray, pickRng),
            noGrad([3], [1, 3, 0], 'int32'),
          ],
          options: {},
        },
      ],
    },
  },
  {
    name: 'take',
    run: ([a, i], o: TakeOptions) => nd.take(a as NDArray, i as NDArray, o),
    reference: ([a, i], o: TakeOptions) => {
      const r = a as RefArray;
      const axis = (o.axis ?? 0) < 0 ? (o.axis ?? 0) + r.shape.length : (o.axis ?? 0);
      return takeRef(r, i as RefArray, axis, o.mode ?? 'clip');
    },
    dtypes: ['float32', 'int32'],
    domain: REAL,
    samples: takeSamples,
    gradient: { kind: 'numeric' },
    edge: [
      {
        label: 'empty-indices',
        args: [arg([4, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), noGrad([0], [])],
        options: {},
      },
    ],
    dtypeSamples: {
      int32: [
        {
          label: 'int32',
          args: [
            int32Copy(takeSamples[0].args[0] as ArgArray, takeRng),
            noGrad([3], [2, -1, 7], 'int32'),
          ],
          options: { mode: 'wrap' },
        },
      ],
    },
  },
];
