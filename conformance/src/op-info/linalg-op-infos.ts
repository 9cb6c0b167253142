import { type NDArray, nd } from '@mxts/core';
import { REAL } from './domain.js';
import type { OpInfo } from './op-info.js';
import { Prng } from './prng.js';
import type { RefArray } from './ref-array.js';
import { zipRef } from './reference/elementwise.js';
import { reshapeRef } from './reference/layout.js';
import { batchMatmulRef, dotRef } from './reference/linalg.js';
import { type ArgArray, arg, randomArg, type Sample } from './sample.js';

type DotOptions = nd.DotOptions;

const draw = (rng: Prng, ...shapes: number[][]): ArgArray[] =>
  shapes.map((s) => randomArg(rng, s, REAL));

const int32Of = (a: ArgArray) =>
  arg(
    a.shape,
    a.values.map((v) => Math.round(v * 2)),
    { dtype: 'int32' },
  );

/** A float32 and an int32 operand: the op must raise DTypeError. */
function mismatchOf<O>(sample: Sample<O>): Sample<O> {
  const [a, b, ...rest] = sample.args as ArgArray[];
  return { label: 'float32-with-int32', args: [a, int32Of(b), ...rest], options: sample.options };
}

function dotSample(rng: Prng, label: string, a: number[], b: number[], o: DotOptions = {}) {
  return { label, args: draw(rng, a, b), options: o };
}

const dotRng = Prng.fromText('dot');
const dotSamples: Sample<DotOptions>[] = [
  dotSample(dotRng, '2x3.3x4', [2, 3], [3, 4]),
  dotSample(dotRng, 'vector.vector', [3], [3]),
  dotSample(dotRng, 'matrix.vector', [2, 3], [3]),
  dotSample(dotRng, 'vector.matrix', [3], [3, 2]),
  dotSample(dotRng, 'transposeA', [3, 2], [3, 4], { transposeA: true }),
  dotSample(dotRng, 'transposeB', [2, 3], [4, 3], { transposeB: true }),
  dotSample(dotRng, 'transposeA,transposeB', [3, 2], [4, 3], {
    transposeA: true,
    transposeB: true,
  }),
  dotSample(dotRng, '2x2x3.3x2', [2, 2, 3], [3, 2]),
];

/** The length of the contracted axis of `dot`'s left operand. */
function dotTerms(s: Sample<DotOptions>): number {
  const a = s.args[0] as ArgArray;
  return s.options.transposeA && a.shape.length === 2 ? a.shape[0] : a.shape[a.shape.length - 1];
}

const batchRng = Prng.fromText('batchDot');
const batchSamples: Sample<DotOptions>[] = [
  dotSample(batchRng, 'plain', [2, 2, 3], [2, 3, 4]),
  dotSample(batchRng, 'transposeA', [2, 3, 2], [2, 3, 4], { transposeA: true }),
  dotSample(batchRng, 'transposeB', [2, 2, 3], [2, 4, 3], { transposeB: true }),
  dotSample(batchRng, 'transposeA,transposeB', [2, 3, 2], [2, 4, 3], {
    transposeA: true,
    transposeB: true,
  }),
];

type FcOptions = nd.FullyConnectedOptions;
const fcRng = Prng.fromText('FullyConnected');
const fcSamples: Sample<FcOptions>[] = [
  { label: 'flatten', args: draw(fcRng, [2, 3], [4, 3], [4]), options: { numHidden: 4 } },
  { label: 'flatten-3d', args: draw(fcRng, [2, 3, 2], [3, 6], [3]), options: { numHidden: 3 } },
  {
    label: 'no-flatten',
    args: draw(fcRng, [2, 3, 2], [4, 2], [4]),
    options: { numHidden: 4, flatten: false },
  },
  { label: 'no-bias', args: draw(fcRng, [2, 3], [4, 3]), options: { numHidden: 4, noBias: true } },
];

/** MXNet's FullyConnected: x·Wᵀ + b, x flattened to 2-D first unless flatten is false. */
function fullyConnectedRef([x, w, b]: RefArray[], o: FcOptions): RefArray {
  const flat = o.flatten ?? true;
  const k = w.shape[1];
  const lead = flat ? [x.shape[0]] : x.shape.slice(0, -1);
  const x2 = reshapeRef(x, [x.values.length / k, k]);
  let y = dotRef(x2, w, false, true);
  if (!o.noBias) y = zipRef(y, b, (p, q) => p + q);
  return reshapeRef(y, [...lead, o.numHidden]);
}

/** dot, batchDot and FullyConnected. */
export const linalgOpInfos: OpInfo[] = [
  {
    name: 'dot',
    run: ([a, b], o: DotOptions) => nd.dot(a as NDArray, b as NDArray, o),
    reference: ([a, b], o: DotOptions) =>
      dotRef(a as RefArray, b as RefArray, o.transposeA, o.transposeB),
    dtypes: ['float32'],
    domain: REAL,
    samples: dotSamples,
    gradient: { kind: 'numeric' },
    terms: dotTerms,
    mismatch: mismatchOf(dotSamples[0]),
  },
  {
    name: 'batchDot',
    run: ([a, b], o: DotOptions) => nd.batchDot(a as NDArray, b as NDArray, o),
    reference: ([a, b], o: DotOptions) =>
      batchMatmulRef(a as RefArray, b as RefArray, o.transposeA, o.transposeB),
    dtypes: ['float32'],
    domain: REAL,
    samples: batchSamples,
    gradient: { kind: 'numeric' },
    terms: (s) => (s.args[0] as ArgArray).shape[s.options.transposeA ? 1 : 2],
    mismatch: mismatchOf(batchSamples[0]),
  },
  {
    name: 'FullyConnected',
    run: ([x, w, b], o: FcOptions) =>
      nd.FullyConnected(x as NDArray, w as NDArray, (b as NDArray | undefined) ?? null, o),
    reference: (args, o: FcOptions) => fullyConnectedRef(args as RefArray[], o),
    dtypes: ['float32'],
    domain: REAL,
    samples: fcSamples,
    gradient: { kind: 'numeric' },
    terms: (s) => (s.args[1] as ArgArray).shape[1] + 1,
    mismatch: mismatchOf(fcSamples[0]),
  },
];
