import { type NDArray, nd } from '@mxts/core';
import { type Domain, REAL } from './domain.js';
import type { OpInfo } from './op-info.js';
import { Prng } from './prng.js';
import type { RefArray } from './ref-array.js';
import { maxOf, minOf, prodOf, reduceRef, resolveAxes, sumOf } from './reference/reduce.js';
import { type ArgArray, arg, distinctArg, randomArg, randomIntArg, type Sample } from './sample.js';

type ReduceOptions = nd.ReduceOptions;

const SHAPE = [2, 3, 4];

/** MXNet's reduction options, each with a label. */
const REDUCTIONS: readonly (readonly [string, ReduceOptions])[] = [
  ['all', {}],
  ['axis=1', { axis: 1 }],
  ['axis=-1,keepdims', { axis: -1, keepdims: true }],
  ['axis=[0,2]', { axis: [0, 2] }],
  ['axis=1,exclude', { axis: 1, exclude: true }],
  ['axis=[0,2],exclude,keepdims', { axis: [0, 2], exclude: true, keepdims: true }],
  ['all,keepdims', { keepdims: true }],
  ['all,exclude', { exclude: true }],
  ['axis=[]', { axis: [] }],
  ['axis=[],exclude', { axis: [], exclude: true }],
];

/** Elements summed per output: the product of the reduced lengths. */
function reducedCount(shape: readonly number[], o: ReduceOptions): number {
  return resolveAxes(shape.length, o.axis, o.exclude).reduce((n, a) => n * shape[a], 1);
}

const INF = Infinity;
/** Rows with NaN and infinities, reduced along axis 1. */
const EDGE_ROWS = [1, INF, 2, Number.NaN, 1, 2, INF, -INF, 1, -INF, -INF, 3];

interface ReductionSpec<O extends ReduceOptions> {
  readonly name: string;
  readonly run: (x: NDArray, o: O) => NDArray;
  /** Reduces one group of float64 values. */
  readonly group: (values: number[], options: O) => number;
  readonly draw: (rng: Prng, shape: number[]) => ArgArray;
  readonly domain: Domain;
  /** The option sets to sample; REDUCTIONS by default. */
  readonly options?: readonly (readonly [string, O])[];
  /** Reductions of int32 arrays (MXNet computes in the dtype). */
  readonly int32?: readonly (readonly [string, O])[];
  /** Include reductions over a length-0 axis (the op has an identity value). */
  readonly emptyAxis?: boolean;
  /** A 2x3 input with ties, reduced along axis 1, and the gradient MXNet gives it. */
  readonly ties?: readonly [readonly number[], readonly number[]];
}

/** The OpInfo of a reduction over MXNet's axis/keepdims/exclude options. */
export function reductionOp<O extends ReduceOptions>(spec: ReductionSpec<O>): OpInfo<O> {
  const rng = Prng.fromText(spec.name);
  const options = spec.options ?? (REDUCTIONS as readonly (readonly [string, O])[]);
  const edgeOptions = { axis: 1 } as O;
  const edge: Sample<O>[] = [
    { label: 'specials', args: [arg([4, 3], EDGE_ROWS)], options: edgeOptions },
    { label: 'empty-rows', args: [arg([0, 3], [])], options: edgeOptions },
  ];
  if (spec.emptyAxis)
    edge.push({ label: 'empty-axis', args: [arg([2, 0], [])], options: edgeOptions });
  return {
    name: spec.name,
    run: ([x], o) => spec.run(x as NDArray, o),
    reference: ([x], o) => {
      const r = x as RefArray;
      const axes = resolveAxes(r.shape.length, o.axis, o.exclude);
      return reduceRef(r, axes, o.keepdims ?? false, (g) => spec.group(g, o));
    },
    dtypes: spec.int32 ? ['float32', 'int32'] : ['float32'],
    domain: spec.domain,
    samples: options.map(([label, o]) => ({ label, args: [spec.draw(rng, SHAPE)], options: o })),
    gradient: { kind: 'numeric' },
    terms: (s) => reducedCount(SHAPE, s.options),
    edge,
    kinkGradients: spec.ties && [
      {
        sample: { label: 'ties', args: [arg([2, 3], spec.ties[0])], options: edgeOptions },
        expected: [spec.ties[1]],
      },
    ],
    dtypeSamples: spec.int32
      ? {
          int32: spec.int32.map(([label, o]) => ({
            label: `int32-${label}`,
            args: [randomIntArg(rng, SHAPE, -5, 5)],
            options: o,
          })),
        }
      : undefined,
  };
}

const real = (rng: Prng, shape: number[]) => randomArg(rng, shape, REAL);
const INT_REDUCTIONS: readonly (readonly [string, ReduceOptions])[] = [
  ['all', {}],
  ['axis=1', { axis: 1 }],
];
const awayFromZero: Domain = { low: -1.5, high: 1.5, avoid: [0], margin: 0.5 };

/** sum, mean, max, min, prod and norm. */
export const reductionOpInfos: OpInfo[] = [
  reductionOp({
    name: 'sum',
    run: nd.sum,
    group: sumOf,
    draw: real,
    domain: REAL,
    int32: INT_REDUCTIONS,
    emptyAxis: true,
  }),
  reductionOp({
    name: 'mean',
    run: nd.mean,
    group: (g) => sumOf(g) / g.length,
    draw: real,
    domain: REAL,
    int32: INT_REDUCTIONS,
    emptyAxis: true,
  }),
  // Values spaced 0.1 apart: the maximum never changes hands under a ±eps perturbation.
  reductionOp({
    name: 'max',
    run: nd.max,
    group: maxOf,
    draw: (rng, shape) => distinctArg(rng, shape, -1.2),
    domain: { low: -1.2, high: 1.2 },
    int32: INT_REDUCTIONS,
    // MXNet's backward (mshadow_op::eq): every element equal to the maximum gets the gradient.
    ties: [
      [1, 3, 3, 2, 2, 0],
      [0, 1, 1, 1, 1, 0],
    ],
  }),
  reductionOp({
    name: 'min',
    run: nd.min,
    group: minOf,
    draw: (rng, shape) => distinctArg(rng, shape, -1.2),
    domain: { low: -1.2, high: 1.2 },
    int32: INT_REDUCTIONS,
    ties: [
      [1, 1, 3, 2, 0, 0],
      [1, 1, 0, 0, 1, 1],
    ],
  }),
  // Factors away from 0: MXNet's prod gradient is out / x.
  reductionOp({
    name: 'prod',
    run: nd.prod,
    group: prodOf,
    draw: (rng, shape) => randomArg(rng, shape, awayFromZero),
    domain: awayFromZero,
    int32: [['axis=1', { axis: 1 }]],
    emptyAxis: true,
  }),
  // Away from 0, where |x| (ord=1) has a kink.
  reductionOp<nd.NormOptions>({
    name: 'norm',
    run: nd.norm,
    group: (g, o) => (o.ord === 1 ? sumOf(g.map(Math.abs)) : Math.sqrt(sumOf(g.map((v) => v * v)))),
    draw: (rng, shape) => randomArg(rng, shape, awayFromZero),
    domain: awayFromZero,
    options: [
      ['all', {}],
      ['axis=1', { axis: 1 }],
      ['axis=-1,keepdims', { axis: -1, keepdims: true }],
      ['ord=2,axis=[0,2]', { ord: 2, axis: [0, 2] }],
      ['ord=1', { ord: 1 }],
      ['ord=1,axis=1', { ord: 1, axis: 1 }],
      ['ord=1,axis=-1,keepdims', { ord: 1, axis: -1, keepdims: true }],
    ],
    emptyAxis: true,
  }),
];
