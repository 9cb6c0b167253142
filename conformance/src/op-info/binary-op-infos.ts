import { type NDArray, nd } from '@mxts/core';
import { type Domain, REAL } from './domain.js';
import { emptySamples, SPECIALS } from './edge-values.js';
import type { KinkGradient, OpInfo, RunArg } from './op-info.js';
import { Prng } from './prng.js';
import { generate, type RefArray, sizeOf } from './ref-array.js';
import { broadcastRead, broadcastShape, zipRef } from './reference/elementwise.js';
import * as m from './reference/math.js';
import { type Arg, type ArgArray, arg, randomArg, type Sample, shapeLabel } from './sample.js';

type NoOptions = Record<string, never>;

interface IntDomain {
  readonly low: number;
  readonly high: number;
  /** The right operand skips 0 (integer division by zero is undefined in C). */
  readonly nonzeroRhs?: boolean;
}

interface BinarySpec {
  readonly name: string;
  readonly run: (a: RunArg, b: RunArg) => NDArray;
  /** The op on two float64 values, with MXNet's semantics for NaN, Inf and -0. */
  readonly ref: (a: number, b: number) => number;
  /** Domains of the left and right operands. */
  readonly domains?: readonly [Domain, Domain];
  /** Operands stay apart (maximum, comparisons: the result jumps where a = b). */
  readonly separated?: boolean;
  /** Array-array only (MXNet's elemwise_*): other shapes must raise ShapeError. */
  readonly sameShapeOnly?: boolean;
  /** The scalars of `op(s, x)` and `op(x, s)`, for ops that take a number operand. */
  readonly scalars?: readonly [number, number];
  readonly int32?: IntDomain;
  /** Samples with equal operands, checked forward only (comparisons). */
  readonly equalOperands?: boolean;
  /** Edge pairs [a, b], besides empty arrays. */
  readonly edge: readonly (readonly [number, number])[];
  /** Operands with equal pairs, and the gradients MXNet's backward gives there (heads 1). */
  readonly ties?: {
    readonly a: readonly number[];
    readonly b: readonly number[];
    readonly gradA: readonly number[];
    readonly gradB: readonly number[];
    /** With `scalars`: x against the right scalar, and its gradient. */
    readonly x?: readonly number[];
    readonly gradX?: readonly number[];
  };
}

const SEPARATION = 0.1;

/** Whether every pair that broadcasting brings together differs by at least SEPARATION. */
function separated(a: ArgArray, b: ArgArray): boolean {
  const ra = { shape: a.shape, values: Float64Array.from(a.values) };
  const rb = { shape: b.shape, values: Float64Array.from(b.values) };
  const diff = generate(broadcastShape(a.shape, b.shape), (idx) =>
    Math.abs(broadcastRead(ra, idx) - broadcastRead(rb, idx)),
  );
  return diff.values.every((d) => d >= SEPARATION);
}

function drawPair(
  rng: Prng,
  spec: BinarySpec,
  shapes: readonly [number[], number[]],
): [ArgArray, ArgArray] {
  const [da, db] = spec.domains ?? [REAL, REAL];
  for (let i = 0; i < 1000; i++) {
    const pair: [ArgArray, ArgArray] = [
      randomArg(rng, shapes[0], da),
      randomArg(rng, shapes[1], db),
    ];
    if (!spec.separated || separated(...pair)) return pair;
  }
  throw new Error(`${spec.name}: no separated operands of shapes ${shapes.join(' and ')}`);
}

function pairSample(rng: Prng, spec: BinarySpec, a: number[], b: number[]): Sample<NoOptions> {
  const label = a.join() === b.join() ? shapeLabel(a) : `${shapeLabel(a)}-with-${shapeLabel(b)}`;
  return { label, args: drawPair(rng, spec, [a, b]), options: {} };
}

/** `op(x, s)` and `op(s, x)`, x drawn away from s when the op needs separated operands. */
function scalarSamples(rng: Prng, spec: BinarySpec): Sample<NoOptions>[] {
  if (!spec.scalars) return [];
  const [da, db] = spec.domains ?? [REAL, REAL];
  const [sl, sr] = spec.scalars;
  const avoiding = (d: Domain, s: number): Domain =>
    spec.separated ? { ...d, avoid: [...(d.avoid ?? []), s], margin: SEPARATION } : d;
  return [
    { label: `scalar-rhs`, args: [randomArg(rng, [2, 3], avoiding(da, sr)), sr], options: {} },
    { label: `scalar-lhs`, args: [sl, randomArg(rng, [2, 3], avoiding(db, sl))], options: {} },
  ];
}

function intArg(rng: Prng, d: IntDomain, rhs: boolean): ArgArray {
  const values = Array.from({ length: 6 }, () => {
    for (;;) {
      const v = rng.int(d.low, d.high);
      if (!(rhs && d.nonzeroRhs && v === 0)) return v;
    }
  });
  return arg([2, 3], values, { dtype: 'int32' });
}

function int32Samples(rng: Prng, spec: BinarySpec, d: IntDomain): Sample<NoOptions>[] {
  const samples: Sample<NoOptions>[] = [
    { label: 'int32', args: [intArg(rng, d, false), intArg(rng, d, true)], options: {} },
  ];
  if (spec.scalars) {
    samples.push(
      { label: 'int32-scalar-rhs', args: [intArg(rng, d, false), 2], options: {} },
      { label: 'int32-scalar-lhs', args: [2, intArg(rng, d, true)], options: {} },
    );
  }
  return samples;
}

/** Equal operands (small integers), for comparisons. */
function equalOperandSamples(rng: Prng, spec: BinarySpec): Sample<NoOptions>[] {
  const ints = (shape: number[]) =>
    arg(
      shape,
      Array.from({ length: sizeOf(shape) }, () => rng.int(-1, 1)),
    );
  const samples: Sample<NoOptions>[] = [
    { label: 'equal-operands', args: [ints([2, 3]), ints([2, 3])], options: {} },
  ];
  if (spec.scalars) samples.push({ label: 'equal-scalar', args: [ints([2, 3]), 0], options: {} });
  return samples;
}

/** The gradients MXNet gives at ties (where the op is not differentiable). */
function tieGradients(spec: BinarySpec): KinkGradient<NoOptions>[] {
  const { a, b, gradA, gradB, x, gradX } = spec.ties!;
  const kinks: KinkGradient<NoOptions>[] = [
    {
      sample: { label: 'ties', args: [arg([a.length], a), arg([b.length], b)], options: {} },
      expected: [gradA, gradB],
    },
  ];
  if (x && gradX && spec.scalars) {
    kinks.push({
      sample: { label: 'ties-scalar', args: [arg([x.length], x), spec.scalars[1]], options: {} },
      expected: [gradX],
    });
  }
  return kinks;
}

/** SPECIALS against each scalar operand: `op(specials, s)` and `op(s, specials)`. */
function scalarEdges(spec: BinarySpec): Sample<NoOptions>[] {
  if (!spec.scalars) return [];
  const specials = arg([SPECIALS.length], SPECIALS);
  const [sl, sr] = spec.scalars;
  return [
    { label: 'specials-scalar-rhs', args: [specials, sr], options: {} },
    { label: 'specials-scalar-lhs', args: [sl, specials], options: {} },
  ];
}

const BROADCAST_SHAPES: readonly (readonly [number[], number[]])[] = [
  [[2, 3], [3]],
  [
    [2, 1],
    [1, 3],
  ],
  [[3], [2, 3]],
  [
    [2, 1, 3],
    [4, 1],
  ],
];

/** The OpInfo of a binary elementwise op (with broadcasting unless `sameShapeOnly`). */
export function binaryOp(spec: BinarySpec): OpInfo<NoOptions> {
  const rng = Prng.fromText(spec.name);
  const edgeArgs: Arg[] = [0, 1].map((k) =>
    arg(
      [spec.edge.length],
      spec.edge.map((p) => p[k]),
    ),
  );
  const empty = emptySamples(2, {} as NoOptions);
  if (!spec.sameShapeOnly) {
    empty.push({ label: 'empty-broadcast', args: [arg([2, 0], []), arg([1], [1])], options: {} });
  }
  return {
    name: spec.name,
    run: ([a, b]) => spec.run(a, b),
    reference: ([a, b]) => {
      const ra = typeof a === 'number' ? { shape: [], values: Float64Array.of(a) } : a;
      const rb = typeof b === 'number' ? { shape: [], values: Float64Array.of(b) } : b;
      return zipRef(ra as RefArray, rb as RefArray, spec.ref);
    },
    dtypes: spec.int32 ? ['float32', 'int32'] : ['float32'],
    domain: (spec.domains ?? [REAL, REAL])[0],
    samples: [pairSample(rng, spec, [2, 3], [2, 3]), ...scalarSamples(rng, spec)],
    forwardOnly: spec.equalOperands ? equalOperandSamples(rng, spec) : undefined,
    kinkGradients: spec.ties && tieGradients(spec),
    gradient: { kind: 'numeric' },
    broadcast: spec.sameShapeOnly
      ? undefined
      : BROADCAST_SHAPES.map(([a, b]) => pairSample(rng, spec, a, b)),
    broadcastRejected: spec.sameShapeOnly
      ? [
          {
            label: '2x3-with-3',
            args: [randomArg(rng, [2, 3], REAL), randomArg(rng, [3], REAL)],
            options: {},
          },
        ]
      : undefined,
    edge: [{ label: 'specials', args: edgeArgs, options: {} }, ...scalarEdges(spec), ...empty],
    dtypeSamples: spec.int32 ? { int32: int32Samples(rng, spec, spec.int32) } : undefined,
    mismatch: {
      label: 'float32-with-int32',
      args: [randomArg(rng, [2, 3], REAL), arg([2, 3], [1, 2, 3, 4, 5, 6], { dtype: 'int32' })],
      options: {},
    },
  };
}

const NaN = Number.NaN;
const Inf = Infinity;

const ADD_EDGE = [
  [NaN, 1],
  [1, NaN],
  [Inf, -Inf],
  [Inf, 1],
  [-Inf, -Inf],
  [-0, -0],
  [0, -0],
  [1, -1],
] as const;
const SUB_EDGE = [
  [NaN, 1],
  [Inf, Inf],
  [Inf, -Inf],
  [-0, 0],
  [0, 0],
  [-0, -0],
  [1, 1],
] as const;
const MUL_EDGE = [
  [NaN, 1],
  [0, Inf],
  [-0, 1],
  [0, -1],
  [Inf, -1],
  [-Inf, -Inf],
  [-0, -0],
] as const;
const DIV_EDGE = [
  [NaN, 1],
  [1, 0],
  [-1, 0],
  [1, -0],
  [0, 0],
  [Inf, Inf],
  [0, -1],
  [1, Inf],
  [-1, Inf],
  [Inf, 0],
] as const;
const POW_EDGE = [
  [NaN, 0],
  [1, NaN],
  [NaN, 1],
  [0, -1],
  [-0, -1],
  [-8, 1 / 3],
  [2, Inf],
  [0.5, Inf],
  [Inf, -1],
  [-2, 3],
  [-1, Inf],
  [0, 0],
  [-0, 3],
  [1, Inf],
] as const;
const MINMAX_EDGE = [
  [NaN, 1],
  [1, NaN],
  [Inf, 1],
  [-Inf, 1],
  [-Inf, -Inf],
  [NaN, NaN],
] as const;
const COMPARE_EDGE = [
  [NaN, NaN],
  [NaN, 1],
  [1, NaN],
  [Inf, Inf],
  [-Inf, Inf],
  [0, -0],
  [1, 1],
] as const;

const nonzero: Domain = { ...REAL, avoid: [0], margin: 0.5 };
const base: Domain = { low: 0.5, high: 2 };
const exponent: Domain = { low: -1.5, high: 1.5 };
const SMALL_INTS: IntDomain = { low: -5, high: 5 };

type Pair = (a: NDArray, b: NDArray) => NDArray;
type Mixed = (a: RunArg, b: RunArg) => NDArray;

/** The `op(a, b)` (operands may be numbers) and `broadcastOp(a, b)` forms of one op. */
function withBroadcastForm(
  name: string,
  run: Mixed,
  broadcastName: string,
  broadcastRun: Pair,
  spec: Omit<BinarySpec, 'name' | 'run'>,
): OpInfo<NoOptions>[] {
  const { scalars: _scalars, ...arrayOnly } = spec;
  return [
    binaryOp({ name, run, ...spec }),
    binaryOp({ name: broadcastName, run: broadcastRun as Mixed, ...arrayOnly }),
  ];
}

const compare = (
  name: string,
  run: Mixed,
  broadcastName: string,
  broadcastRun: Pair,
  ref: (a: number, b: number) => boolean,
) =>
  withBroadcastForm(name, run, broadcastName, broadcastRun, {
    ref: (a, b) => (ref(a, b) ? 1 : 0),
    separated: true,
    equalOperands: true,
    scalars: [0.5, 0.5],
    int32: SMALL_INTS,
    edge: COMPARE_EDGE,
  });

/** Every binary elementwise op of `mx.nd`: arithmetic, comparisons and `elemwise*`. */
export const binaryOpInfos: OpInfo[] = [
  ...withBroadcastForm('add', nd.add, 'broadcastAdd', nd.broadcastAdd, {
    ref: (a, b) => a + b,
    scalars: [1.5, -0.75],
    int32: SMALL_INTS,
    edge: ADD_EDGE,
  }),
  ...withBroadcastForm('subtract', nd.subtract, 'broadcastSub', nd.broadcastSub, {
    ref: (a, b) => a - b,
    scalars: [1.5, -0.75],
    int32: SMALL_INTS,
    edge: SUB_EDGE,
  }),
  ...withBroadcastForm('multiply', nd.multiply, 'broadcastMul', nd.broadcastMul, {
    ref: (a, b) => a * b,
    scalars: [1.5, -0.75],
    int32: SMALL_INTS,
    edge: MUL_EDGE,
  }),
  ...withBroadcastForm('divide', nd.divide, 'broadcastDiv', nd.broadcastDiv, {
    ref: (a, b) => a / b,
    domains: [REAL, nonzero],
    scalars: [1.5, -0.75],
    int32: { low: -7, high: 7, nonzeroRhs: true },
    edge: DIV_EDGE,
  }),
  ...withBroadcastForm('power', nd.power, 'broadcastPower', nd.broadcastPower, {
    ref: m.pow,
    domains: [base, exponent],
    scalars: [2, 2.5],
    int32: { low: 0, high: 3 },
    edge: POW_EDGE,
  }),
  ...withBroadcastForm('maximum', nd.maximum, 'broadcastMaximum', nd.broadcastMaximum, {
    ref: m.maximum,
    separated: true,
    scalars: [0.3, 0.3],
    // MXNet's backward: a >= b for the left operand, a < b for the right.
    ties: {
      a: [1, 2, 3],
      b: [1, 5, 3],
      gradA: [1, 0, 1],
      gradB: [0, 1, 0],
      x: [0.3, 0, 2],
      gradX: [1, 0, 1],
    },
    int32: SMALL_INTS,
    edge: MINMAX_EDGE,
  }),
  ...withBroadcastForm('minimum', nd.minimum, 'broadcastMinimum', nd.broadcastMinimum, {
    ref: m.minimum,
    separated: true,
    scalars: [0.3, 0.3],
    // MXNet's backward: a <= b for the left operand, a > b for the right.
    ties: {
      a: [1, 2, 3],
      b: [1, 5, 3],
      gradA: [1, 1, 1],
      gradB: [0, 0, 0],
      x: [0.3, 0, 2],
      gradX: [1, 1, 0],
    },
    int32: SMALL_INTS,
    edge: MINMAX_EDGE,
  }),
  ...compare('equal', nd.equal, 'broadcastEqual', nd.broadcastEqual, (a, b) => a === b),
  ...compare('notEqual', nd.notEqual, 'broadcastNotEqual', nd.broadcastNotEqual, (a, b) => a !== b),
  ...compare('greater', nd.greater, 'broadcastGreater', nd.broadcastGreater, (a, b) => a > b),
  ...compare(
    'greaterEqual',
    nd.greaterEqual,
    'broadcastGreaterEqual',
    nd.broadcastGreaterEqual,
    (a, b) => a >= b,
  ),
  ...compare('lesser', nd.lesser, 'broadcastLesser', nd.broadcastLesser, (a, b) => a < b),
  ...compare(
    'lesserEqual',
    nd.lesserEqual,
    'broadcastLesserEqual',
    nd.broadcastLesserEqual,
    (a, b) => a <= b,
  ),
  binaryOp({
    name: 'elemwiseAdd',
    run: nd.elemwiseAdd as Mixed,
    ref: (a, b) => a + b,
    sameShapeOnly: true,
    int32: SMALL_INTS,
    edge: ADD_EDGE,
  }),
  binaryOp({
    name: 'elemwiseSub',
    run: nd.elemwiseSub as Mixed,
    ref: (a, b) => a - b,
    sameShapeOnly: true,
    int32: SMALL_INTS,
    edge: SUB_EDGE,
  }),
  binaryOp({
    name: 'elemwiseMul',
    run: nd.elemwiseMul as Mixed,
    ref: (a, b) => a * b,
    sameShapeOnly: true,
    int32: SMALL_INTS,
    edge: MUL_EDGE,
  }),
  binaryOp({
    name: 'elemwiseDiv',
    run: nd.elemwiseDiv as Mixed,
    ref: (a, b) => a / b,
    domains: [REAL, nonzero],
    sameShapeOnly: true,
    int32: { low: -7, high: 7, nonzeroRhs: true },
    edge: DIV_EDGE,
  }),
];
