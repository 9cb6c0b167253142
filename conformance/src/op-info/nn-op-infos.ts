import { type NDArray, nd } from '@mxts/core';
import { type Domain, REAL } from './domain.js';
import { SPECIALS } from './edge-values.js';
import type { OpInfo } from './op-info.js';
import { Prng } from './prng.js';
import { generate, type RefArray, ravel } from './ref-array.js';
import { mapRef } from './reference/elementwise.js';
import * as m from './reference/math.js';
import { type ArgArray, arg, randomArg, type Sample } from './sample.js';

const ACTIVATIONS: Record<nd.ActType, (x: number) => number> = {
  relu: m.relu,
  sigmoid: m.sigmoid,
  tanh: Math.tanh,
  softrelu: m.softrelu,
  softsign: (x) => x / (1 + Math.abs(x)),
};

type ActOptions = { actType: nd.ActType };
// relu's kink and softsign's (its second derivative jumps at 0).
const actDomain: Domain = { ...REAL, avoid: [0] };
const actRng = Prng.fromText('Activation');
const actTypes = Object.keys(ACTIVATIONS) as nd.ActType[];

type SoftmaxOptions = nd.SoftmaxOptions;

/** softmax (or its log) along one axis in float64, stably. */
function softmaxRef(x: RefArray, o: SoftmaxOptions, log: boolean): RefArray {
  const axis = (o.axis ?? -1) < 0 ? (o.axis ?? -1) + x.shape.length : (o.axis ?? -1);
  const t = o.temperature ?? 1;
  const n = x.shape[axis];
  const along = (idx: number[], j: number) => {
    const at = [...idx];
    at[axis] = j;
    return x.values[ravel(at, x.shape)] / t;
  };
  return generate(x.shape, (idx) => {
    const row = Array.from({ length: n }, (_, j) => along(idx, j));
    const top = Math.max(...row);
    const total = row.reduce((s, v) => s + Math.exp(v - top), 0);
    const z = along(idx, idx[axis]) - top;
    return log ? z - Math.log(total) : Math.exp(z) / total;
  });
}

function softmaxOp(name: 'softmax' | 'logSoftmax'): OpInfo<SoftmaxOptions> {
  const rng = Prng.fromText(name);
  const sample = (label: string, shape: number[], o: SoftmaxOptions): Sample<SoftmaxOptions> => ({
    label,
    args: [randomArg(rng, shape, REAL)],
    options: o,
  });
  const run = name === 'softmax' ? nd.softmax : nd.logSoftmax;
  const inf = Infinity;
  return {
    name,
    run: ([x], o) => run(x as NDArray, o),
    reference: ([x], o) => softmaxRef(x as RefArray, o, name === 'logSoftmax'),
    dtypes: ['float32'],
    domain: REAL,
    samples: [
      sample('axis=-1', [2, 4], {}),
      sample('axis=0', [3, 2], { axis: 0 }),
      sample('temperature=2', [2, 4], { temperature: 2 }),
      sample('3-D,axis=1', [2, 3, 2], { axis: 1 }),
    ],
    gradient: { kind: 'numeric' },
    terms: (s) => {
      const shape = (s.args[0] as ArgArray).shape;
      return shape.at(s.options.axis ?? -1) ?? 1;
    },
    // -inf gets probability 0; large logits stay finite (the max is subtracted first).
    edge: [
      {
        label: 'specials',
        args: [arg([3, 3], [-inf, 0, 1, 80, 0, -80, Number.NaN, 0, 1])],
        options: {},
      },
    ],
  };
}

type DropoutOptions = nd.DropoutOptions;
const dropRng = Prng.fromText('Dropout');

/** Activation (every actType), softmax, logSoftmax and Dropout outside training. */
export const nnOpInfos: OpInfo[] = [
  {
    name: 'Activation',
    run: ([x], o: ActOptions) => nd.Activation(x as NDArray, o),
    reference: ([x], o: ActOptions) => mapRef(x as RefArray, ACTIVATIONS[o.actType]),
    dtypes: ['float32'],
    domain: actDomain,
    samples: actTypes.map((actType) => ({
      label: actType,
      args: [randomArg(actRng, [2, 3], actDomain)],
      options: { actType },
    })),
    gradient: { kind: 'numeric' },
    kinkGradients: [
      {
        sample: { label: 'relu-at-0', args: [arg([3], [-1, 0, 2])], options: { actType: 'relu' } },
        expected: [[0, 0, 1]],
      },
    ],
    edge: actTypes.map((actType) => ({
      label: `specials-${actType}`,
      args: [arg([SPECIALS.length], SPECIALS)],
      options: { actType },
    })),
  },
  softmaxOp('softmax'),
  softmaxOp('logSoftmax'),
  {
    // Outside training (and under record(trainMode: false)) Dropout is the identity.
    name: 'Dropout',
    run: ([x], o: DropoutOptions) => nd.Dropout(x as NDArray, o),
    reference: ([x]) => x as RefArray,
    dtypes: ['float32'],
    domain: REAL,
    samples: [
      { label: 'p=0.5', args: [randomArg(dropRng, [2, 3], REAL)], options: { p: 0.5 } },
      {
        label: 'p=0.3,axes=[1]',
        args: [randomArg(dropRng, [2, 3], REAL)],
        options: { p: 0.3, axes: [1] },
      },
    ],
    gradient: { kind: 'numeric' },
    edge: [{ label: 'specials', args: [arg([SPECIALS.length], SPECIALS)], options: {} }],
  },
];
