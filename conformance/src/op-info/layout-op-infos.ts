import { type NDArray, nd } from '@mxts/core';
import { REAL } from './domain.js';
import type { OpInfo } from './op-info.js';
import { Prng } from './prng.js';
import type { RefArray } from './ref-array.js';
import {
  broadcastToRef,
  concatRef,
  gatherRef,
  repeatRef,
  reshapeRef,
  slicePositions,
  tileRef,
  transposeRef,
} from './reference/layout.js';
import { reshapeShape } from './reference/reshape-shape.js';
import { type ArgArray, arg, isArray, randomArg, type Sample } from './sample.js';

const axisOf = (axis: number, ndim: number) => (axis < 0 ? axis + ndim : axis);

/** A sample per option set, each with fresh float32 arrays of the given shapes. */
function samplesOf<O>(
  name: string,
  list: readonly (readonly [string, readonly number[][], O])[],
): Sample<O>[] {
  const rng = Prng.fromText(name);
  return list.map(([label, shapes, options]) => ({
    label,
    args: shapes.map((s) => randomArg(rng, s, REAL)),
    options,
  }));
}

/** The same call on small int32 arrays: layout ops move values whatever their dtype. */
function int32Of<O>(sample: Sample<O>): Sample<O>[] {
  const rng = Prng.fromText(`${sample.label}/int32`);
  const args = sample.args.map((a) =>
    isArray(a)
      ? arg(
          a.shape,
          a.values.map(() => rng.int(-9, 9)),
          { dtype: 'int32' },
        )
      : a,
  );
  return [{ label: `int32-${sample.label}`, args, options: sample.options }];
}

/** A float32 and an int32 array in one call: the op must raise DTypeError. */
function mismatchOf<O>(sample: Sample<O>): Sample<O> {
  const [first, ...rest] = sample.args as ArgArray[];
  const ints = rest.map((a) => arg(a.shape, a.values.map(Math.round), { dtype: 'int32' }));
  return { label: 'float32-with-int32', args: [first, ...ints], options: sample.options };
}

interface LayoutSpec<O> {
  readonly name: string;
  readonly run: (args: NDArray[], o: O) => NDArray | NDArray[];
  readonly reference: (args: RefArray[], o: O) => RefArray | RefArray[];
  readonly samples: readonly (readonly [string, readonly number[][], O])[];
  /** Several array arguments of one dtype (concat, stack): check the mismatch error. */
  readonly mismatch?: boolean;
  /** Samples checked forward only (empty results). */
  readonly edge?: readonly (readonly [string, readonly number[][], O])[];
}

/**
 * The OpInfo of an op that only moves values: its gradient moves them back, so first-order
 * gradients are exact and second-order ones zero. Every layout op supports int32.
 */
function layoutOp<O>(spec: LayoutSpec<O>): OpInfo<O> {
  const samples = samplesOf(spec.name, spec.samples);
  return {
    name: spec.name,
    run: (args, o) => spec.run(args as NDArray[], o),
    reference: (args, o) => spec.reference(args as RefArray[], o),
    dtypes: ['float32', 'int32'],
    domain: REAL,
    samples,
    gradient: { kind: 'numeric' },
    edge: spec.edge ? samplesOf(`${spec.name}/edge`, spec.edge) : undefined,
    dtypeSamples: { int32: int32Of(samples[0]) },
    mismatch: spec.mismatch ? mismatchOf(samples[0]) : undefined,
  };
}

const one = (f: (x: RefArray, o: any) => RefArray) => (args: RefArray[], o: any) => f(args[0], o);

type ReshapeOptions = nd.ReshapeOptions;
type SliceOptions = nd.SliceOptions;
type SliceAxisOptions = nd.SliceAxisOptions;
type SplitOptions = nd.SplitOptions;

/** MXNet's slice as positions per axis (Python's slice semantics, which MXNet follows). */
function sliceRef(x: RefArray, o: SliceOptions): RefArray {
  return gatherRef(
    x,
    x.shape.map((d, i) =>
      i < o.begin.length
        ? slicePositions(d, o.begin[i], o.end[i], o.step?.[i] ?? 1)
        : slicePositions(d, null, null, 1),
    ),
  );
}

function splitRef(x: RefArray, o: SplitOptions): RefArray[] {
  const axis = axisOf(o.axis ?? 1, x.shape.length);
  const len = x.shape[axis] / o.numOutputs;
  return Array.from({ length: o.numOutputs }, (_, k) => {
    const part = gatherRef(
      x,
      x.shape.map((d, i) =>
        i === axis
          ? Array.from({ length: len }, (_, j) => k * len + j)
          : Array.from({ length: d }, (_, j) => j),
      ),
    );
    return o.squeezeAxis
      ? reshapeRef(
          part,
          part.shape.filter((_, i) => i !== axis),
        )
      : part;
  });
}

function expandRef(x: RefArray, axis: number): RefArray {
  const shape = [...x.shape];
  shape.splice(axisOf(axis, x.shape.length + 1), 0, 1);
  return reshapeRef(x, shape);
}

function squeezeRef(x: RefArray, o: { axis?: number | number[] }): RefArray {
  const axes =
    o.axis === undefined
      ? x.shape.flatMap((d, i) => (d === 1 ? [i] : []))
      : (typeof o.axis === 'number' ? [o.axis] : o.axis).map((a) => axisOf(a, x.shape.length));
  const shape = x.shape.filter((_, i) => !axes.includes(i));
  return reshapeRef(x, shape.length === 0 ? [1] : shape);
}

/** reshape, transpose, expandDims, squeeze, flatten, slice, sliceAxis, concat, stack, split, tile, repeat, broadcastTo. */
export const layoutOpInfos: OpInfo[] = [
  layoutOp<ReshapeOptions>({
    name: 'reshape',
    run: ([x], o) => nd.reshape(x, o),
    reference: one((x, o: ReshapeOptions) =>
      reshapeRef(x, reshapeShape(x.shape, o.shape ?? [], o.reverse)),
    ),
    // The examples of MXNet's reshape documentation.
    samples: [
      ['shape=[4,0,-1]', [[2, 3, 4]], { shape: [4, 0, -1] }],
      ['shape=[2,0,0]', [[2, 3, 4]], { shape: [2, 0, 0] }],
      ['shape=[6,1,-1]', [[2, 3, 4]], { shape: [6, 1, -1] }],
      ['shape=[-1]', [[2, 3, 4]], { shape: [-1] }],
      ['shape=[2,-2]', [[2, 3, 4]], { shape: [2, -2] }],
      ['shape=[-2,1,1]', [[2, 3, 4]], { shape: [-2, 1, 1] }],
      ['shape=[-3,4]', [[2, 3, 4]], { shape: [-3, 4] }],
      ['shape=[0,-3]', [[2, 3, 4]], { shape: [0, -3] }],
      ['shape=[-4,1,2,-2]', [[2, 3, 4]], { shape: [-4, 1, 2, -2] }],
      ['shape=[2,-4,-1,3,-2]', [[2, 3, 4]], { shape: [2, -4, -1, 3, -2] }],
      ['shape=[-1,0]', [[4, 3, 2]], { shape: [-1, 0] }],
      ['shape=[-1,0],reverse', [[4, 3, 2]], { shape: [-1, 0], reverse: true }],
    ],
  }),
  layoutOp<{ axes?: number[] }>({
    name: 'transpose',
    run: ([x], o) => nd.transpose(x, o),
    reference: one((x, o: { axes?: number[] }) =>
      transposeRef(x, o.axes ?? x.shape.map((_, i) => x.shape.length - 1 - i)),
    ),
    samples: [
      ['reversed', [[2, 3, 4]], {}],
      ['axes=[1,0,2]', [[2, 3, 4]], { axes: [1, 0, 2] }],
      ['axes=[2,0,1]', [[2, 3, 4]], { axes: [2, 0, 1] }],
      ['2-D', [[2, 3]], {}],
    ],
  }),
  layoutOp<{ axis: number }>({
    name: 'expandDims',
    run: ([x], o) => nd.expandDims(x, o),
    reference: one((x, o: { axis: number }) => expandRef(x, o.axis)),
    samples: [0, 1, 2, -1, -3].map((axis) => [`axis=${axis}`, [[2, 3]], { axis }] as const),
  }),
  layoutOp<{ axis?: number | number[] }>({
    name: 'squeeze',
    run: ([x], o) => nd.squeeze(x, o),
    reference: one(squeezeRef),
    samples: [
      ['all', [[1, 3, 1, 2]], {}],
      ['axis=2', [[1, 3, 1, 2]], { axis: 2 }],
      ['axis=[0,2]', [[1, 3, 1, 2]], { axis: [0, 2] }],
      ['axis=-2', [[1, 3, 1, 2]], { axis: -2 }],
      ['all-ones', [[1, 1]], {}],
    ],
  }),
  layoutOp<Record<string, never>>({
    name: 'flatten',
    run: ([x]) => nd.flatten(x),
    reference: one((x) => reshapeRef(x, [x.shape[0], x.values.length / x.shape[0]])),
    samples: [
      ['2x3x4', [[2, 3, 4]], {}],
      ['1-D', [[5]], {}],
      ['2x1', [[2, 1]], {}],
      ['3x2x1x2', [[3, 2, 1, 2]], {}],
    ],
  }),
  layoutOp<SliceOptions>({
    name: 'slice',
    run: ([x], o) => nd.slice(x, o),
    reference: one(sliceRef),
    samples: [
      ['begin=[1,0],end=[3,null]', [[4, 5]], { begin: [1, 0], end: [3, null] }],
      ['negative-indices', [[4, 5]], { begin: [-3, -4], end: [-1, null] }],
      ['step=[2,2]', [[4, 5]], { begin: [0, 1], end: [null, null], step: [2, 2] }],
      ['step=[-1,-2]', [[4, 5]], { begin: [null, null], end: [null, null], step: [-1, -2] }],
      ['step=[-2,-1]', [[4, 5]], { begin: [3, null], end: [0, 1], step: [-2, -1] }],
      ['step=[null,3]', [[4, 5]], { begin: [1, null], end: [4, null], step: [null, 3] }],
      ['out-of-range', [[4, 5]], { begin: [-10, 2], end: [10, 100] }],
      ['fewer-axes', [[3, 4, 2]], { begin: [1], end: [3] }],
    ],
    edge: [
      ['empty-range', [[4, 5]], { begin: [3, 0], end: [1, 5] }],
      ['empty-negative-step', [[4, 5]], { begin: [0, 0], end: [3, 5], step: [-1, 1] }],
    ],
  }),
  layoutOp<SliceAxisOptions>({
    name: 'sliceAxis',
    run: ([x], o) => nd.sliceAxis(x, o),
    reference: one((x, o: SliceAxisOptions) => {
      const axis = axisOf(o.axis, x.shape.length);
      const begin = x.shape.map((_, i) => (i === axis ? o.begin : null));
      const end = x.shape.map((_, i) => (i === axis ? o.end : null));
      return sliceRef(x, { begin, end });
    }),
    samples: [
      ['axis=1,begin=1,end=null', [[3, 4]], { axis: 1, begin: 1, end: null }],
      ['axis=0,begin=-2', [[3, 4]], { axis: 0, begin: -2, end: null }],
      ['axis=-1,end=-1', [[3, 4]], { axis: -1, begin: 0, end: -1 }],
      ['3-D,axis=2', [[2, 3, 4]], { axis: 2, begin: 1, end: 3 }],
    ],
  }),
  layoutOp<{ dim?: number }>({
    name: 'concat',
    run: (xs, o) => nd.concat(xs, o),
    reference: (xs, o) => concatRef(xs, axisOf(o.dim ?? 1, xs[0].shape.length)),
    samples: [
      [
        'dim=1(default)',
        [
          [2, 1],
          [2, 3],
        ],
        {},
      ],
      [
        'dim=0',
        [
          [1, 3],
          [2, 3],
          [1, 3],
        ],
        { dim: 0 },
      ],
      [
        'dim=-1',
        [
          [2, 2, 1],
          [2, 2, 2],
        ],
        { dim: -1 },
      ],
      ['single', [[2, 3]], { dim: 1 }],
    ],
    mismatch: true,
  }),
  layoutOp<{ axis?: number }>({
    name: 'stack',
    run: (xs, o) => nd.stack(xs, o),
    reference: (xs, o) => {
      const axis = axisOf(o.axis ?? 0, xs[0].shape.length + 1);
      return concatRef(
        xs.map((x) => expandRef(x, axis)),
        axis,
      );
    },
    samples: [
      ['axis=0(default)', [[3], [3]], {}],
      [
        'axis=1',
        [
          [2, 3],
          [2, 3],
          [2, 3],
        ],
        { axis: 1 },
      ],
      [
        'axis=-1',
        [
          [2, 2],
          [2, 2],
        ],
        { axis: -1 },
      ],
    ],
    mismatch: true,
  }),
  layoutOp<SplitOptions>({
    name: 'split',
    run: ([x], o) => nd.split(x, o),
    reference: ([x], o) => splitRef(x, o),
    samples: [
      ['axis=1(default)', [[2, 4]], { numOutputs: 2 }],
      ['axis=0,squeezeAxis', [[3, 2]], { numOutputs: 3, axis: 0, squeezeAxis: true }],
      ['axis=-1', [[2, 2, 6]], { numOutputs: 3, axis: -1 }],
    ],
  }),
  layoutOp<{ reps: number[] }>({
    name: 'tile',
    run: ([x], o) => nd.tile(x, o),
    reference: one((x, o: { reps: number[] }) => tileRef(x, o.reps)),
    samples: [
      ['reps=[2,1]', [[2, 3]], { reps: [2, 1] }],
      ['1-D,reps=[2,2]', [[3]], { reps: [2, 2] }],
      ['reps=[2](shorter)', [[2, 3]], { reps: [2] }],
      ['reps=[2,1,2](longer)', [[2, 3]], { reps: [2, 1, 2] }],
    ],
    edge: [['reps=[0,1]', [[2, 3]], { reps: [0, 1] }]],
  }),
  layoutOp<nd.RepeatOptions>({
    name: 'repeat',
    run: ([x], o) => nd.repeat(x, o),
    reference: one((x, o: nd.RepeatOptions) => repeatRef(x, o.repeats, o.axis)),
    samples: [
      ['flat', [[2, 3]], { repeats: 2 }],
      ['axis=0', [[2, 3]], { repeats: 2, axis: 0 }],
      ['axis=-1,repeats=3', [[2, 3]], { repeats: 3, axis: -1 }],
    ],
    edge: [['repeats=0', [[2, 3]], { repeats: 0, axis: 1 }]],
  }),
  // MXNet's broadcast_to keeps the number of axes; 0 keeps a length.
  layoutOp<{ shape: number[] }>({
    name: 'broadcastTo',
    run: ([x], o) => nd.broadcastTo(x, o),
    reference: one((x, o: { shape: number[] }) =>
      broadcastToRef(
        x,
        o.shape.map((d, i) => (d === 0 ? x.shape[i] : d)),
      ),
    ),
    samples: [
      ['2x1->2x3', [[2, 1]], { shape: [2, 3] }],
      ['1x3->2x3', [[1, 3]], { shape: [2, 3] }],
      ['shape=[0,3]', [[2, 1]], { shape: [0, 3] }],
      ['1x1x2->2x3x2', [[1, 1, 2]], { shape: [2, 3, 2] }],
      ['same-shape', [[2, 3]], { shape: [2, 3] }],
    ],
  }),
];
