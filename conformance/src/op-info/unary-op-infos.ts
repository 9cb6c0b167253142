import { type NDArray, nd } from '@mxts/core';
import { type Domain, REAL } from './domain.js';
import { emptySamples, SPECIALS } from './edge-values.js';
import type { OpInfo } from './op-info.js';
import { Prng } from './prng.js';
import type { RefArray } from './ref-array.js';
import { mapRef } from './reference/elementwise.js';
import * as m from './reference/math.js';
import { arg, randomArg, randomIntArg, type Sample } from './sample.js';

interface UnarySpec {
  readonly name: string;
  readonly run: (x: NDArray) => NDArray;
  /** The op on one float64 value, with MXNet's semantics for NaN, Inf and -0. */
  readonly ref: (x: number) => number;
  readonly domain?: Domain;
  /** Supported in int32 too (MXNet computes in the dtype). */
  readonly int32?: boolean;
  /** Edge inputs besides SPECIALS (values near the domain's ends). */
  readonly edge?: readonly number[];
  /** Inputs at kinks and the gradient MXNet gives there (head gradient 1). */
  readonly kinks?: readonly [readonly number[], readonly number[]];
}

/** The OpInfo of an elementwise unary op: two shapes, SPECIALS and empty arrays as edges. */
export function unaryOp(spec: UnarySpec): OpInfo<Record<string, never>> {
  const rng = Prng.fromText(spec.name);
  const domain = spec.domain ?? REAL;
  const sample = (shape: number[]): Sample<Record<string, never>> => ({
    label: shape.join('x'),
    args: [randomArg(rng, shape, domain)],
    options: {},
  });
  const edgeValues = [...SPECIALS, ...(spec.edge ?? [])];
  return {
    name: spec.name,
    run: ([x]) => spec.run(x as NDArray),
    reference: ([x]) => mapRef(x as RefArray, spec.ref),
    dtypes: spec.int32 ? ['float32', 'int32'] : ['float32'],
    domain,
    samples: [sample([2, 3]), sample([4])],
    gradient: { kind: 'numeric' },
    edge: [
      { label: 'specials', args: [arg([edgeValues.length], edgeValues)], options: {} },
      ...emptySamples(1, {}),
    ],
    dtypeSamples: spec.int32
      ? { int32: [{ label: 'int32', args: [randomIntArg(rng, [2, 3], -4, 4)], options: {} }] }
      : undefined,
    kinkGradients: spec.kinks && [
      {
        sample: { label: 'kinks', args: [arg([spec.kinks[0].length], spec.kinks[0])], options: {} },
        expected: [spec.kinks[1]],
      },
    ],
  };
}

const away = (points: number[], margin = 0.1): Domain => ({ ...REAL, avoid: points, margin });
const positive: Domain = { low: 0.2, high: 3 };
const unit: Domain = { low: -0.8, high: 0.8 };

/** Every elementwise unary op of `mx.nd`. */
export const unaryOpInfos: OpInfo[] = [
  unaryOp({ name: 'exp', run: nd.exp, ref: Math.exp, edge: [100, -100] }),
  unaryOp({ name: 'log', run: nd.log, ref: Math.log, domain: positive, edge: [-1] }),
  unaryOp({ name: 'sqrt', run: nd.sqrt, ref: Math.sqrt, domain: positive, edge: [-1] }),
  unaryOp({ name: 'rsqrt', run: nd.rsqrt, ref: (x) => 1 / Math.sqrt(x), domain: positive }),
  unaryOp({ name: 'square', run: nd.square, ref: (x) => x * x, int32: true }),
  // MXNet: abs' = sign, so 0 at 0.
  unaryOp({
    name: 'abs',
    run: nd.abs,
    ref: Math.abs,
    domain: away([0]),
    int32: true,
    kinks: [
      [-1, 0, 2],
      [-1, 0, 1],
    ],
  }),
  unaryOp({ name: 'negative', run: nd.negative, ref: (x) => -x, int32: true }),
  unaryOp({
    name: 'reciprocal',
    run: nd.reciprocal,
    ref: (x) => 1 / x,
    domain: away([0], 0.4),
  }),
  unaryOp({ name: 'sin', run: nd.sin, ref: Math.sin, domain: { low: -3, high: 3 } }),
  unaryOp({ name: 'cos', run: nd.cos, ref: Math.cos, domain: { low: -3, high: 3 } }),
  unaryOp({ name: 'tan', run: nd.tan, ref: Math.tan, domain: { low: -1.2, high: 1.2 } }),
  unaryOp({ name: 'sinh', run: nd.sinh, ref: Math.sinh }),
  unaryOp({ name: 'cosh', run: nd.cosh, ref: Math.cosh }),
  unaryOp({ name: 'tanh', run: nd.tanh, ref: Math.tanh }),
  unaryOp({ name: 'arcsin', run: nd.arcsin, ref: Math.asin, domain: unit, edge: [1, -1, 2] }),
  unaryOp({ name: 'arccos', run: nd.arccos, ref: Math.acos, domain: unit, edge: [1, -1, 2] }),
  unaryOp({ name: 'arctan', run: nd.arctan, ref: Math.atan }),
  unaryOp({ name: 'arcsinh', run: nd.arcsinh, ref: Math.asinh }),
  unaryOp({
    name: 'arccosh',
    run: nd.arccosh,
    ref: Math.acosh,
    domain: { low: 1.2, high: 3 },
    edge: [1, 0.5],
  }),
  unaryOp({ name: 'arctanh', run: nd.arctanh, ref: Math.atanh, domain: unit, edge: [1, -1, 2] }),
  unaryOp({ name: 'expm1', run: nd.expm1, ref: Math.expm1 }),
  unaryOp({
    name: 'log1p',
    run: nd.log1p,
    ref: Math.log1p,
    domain: { low: -0.7, high: 2 },
    edge: [-1, -2],
  }),
  unaryOp({ name: 'sigmoid', run: nd.sigmoid, ref: m.sigmoid, domain: { low: -3, high: 3 } }),
  // MXNet: relu' = (x > 0), so 0 at 0.
  unaryOp({
    name: 'relu',
    run: nd.relu,
    ref: m.relu,
    domain: away([0]),
    int32: true,
    kinks: [
      [-1, 0, -0, 2],
      [0, 0, 0, 1],
    ],
  }),
  unaryOp({
    name: 'softrelu',
    run: nd.softrelu,
    ref: m.softrelu,
    domain: { low: -3, high: 3 },
    edge: [30, -30],
  }),
  unaryOp({ name: 'sign', run: nd.sign, ref: m.sign, domain: away([0]), int32: true }),
  unaryOp({
    name: 'floor',
    run: nd.floor,
    ref: Math.floor,
    domain: { low: -3, high: 3, avoidEvery: { period: 1, offset: 0 } },
    int32: true,
    edge: [-0.5, 0.5, 2.5],
  }),
  unaryOp({
    name: 'ceil',
    run: nd.ceil,
    ref: Math.ceil,
    domain: { low: -3, high: 3, avoidEvery: { period: 1, offset: 0 } },
    int32: true,
    edge: [-0.5, 0.5, 2.5],
  }),
  unaryOp({
    name: 'round',
    run: nd.round,
    ref: m.round,
    domain: { low: -3, high: 3, avoidEvery: { period: 1, offset: 0.5 } },
    int32: true,
    edge: [-0.5, 0.5, 1.5, 2.5, -2.5, -0.4, 0.49999997, 8388609],
  }),
];
