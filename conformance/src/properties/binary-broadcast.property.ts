import * as mx from '@mxts/core';
import fc from 'fast-check';
import { check, closeValues, values } from '../assertions.js';
import {
  fcParameters,
  leakFree,
  type PropertyBudget,
  type PropertyCheck,
} from './property-support.js';

const { nd } = mx;

type F64 = (a: number, b: number) => number;
type Operand = mx.NDArray | number;

/** A binary op: its float64 reference and the MXTS forms taking it (operands, arrays, same shape). */
interface BinarySpec {
  readonly name: string;
  readonly ref: F64;
  /** `nd.add`-style: arrays or numbers, numpy broadcasting. */
  readonly operand: (a: Operand, b: Operand) => mx.NDArray;
  /** `nd.broadcastAdd`-style: two arrays, numpy broadcasting. */
  readonly broadcast: (a: mx.NDArray, b: mx.NDArray) => mx.NDArray;
  /** `nd.elemwiseAdd`-style: two arrays of one shape, where MXNet has it. */
  readonly elemwise?: (a: mx.NDArray, b: mx.NDArray) => mx.NDArray;
}

const f32 = Math.fround;
const bool = (c: boolean): number => (c ? 1 : 0);

/**
 * Every binary op of mx.nd, with MXNet's formula in float64 (inputs are float32 values).
 * @example BINARY_OPS.map((o) => o.name); // ['add', 'subtract', ...]
 */
export const BINARY_OPS: readonly BinarySpec[] = [
  {
    name: 'add',
    ref: (a, b) => a + b,
    operand: nd.add,
    broadcast: nd.broadcastAdd,
    elemwise: nd.elemwiseAdd,
  },
  {
    name: 'subtract',
    ref: (a, b) => a - b,
    operand: nd.subtract,
    broadcast: nd.broadcastSub,
    elemwise: nd.elemwiseSub,
  },
  {
    name: 'multiply',
    ref: (a, b) => a * b,
    operand: nd.multiply,
    broadcast: nd.broadcastMul,
    elemwise: nd.elemwiseMul,
  },
  {
    name: 'divide',
    ref: (a, b) => a / b,
    operand: nd.divide,
    broadcast: nd.broadcastDiv,
    elemwise: nd.elemwiseDiv,
  },
  { name: 'power', ref: Math.pow, operand: nd.power, broadcast: nd.broadcastPower },
  { name: 'maximum', ref: Math.max, operand: nd.maximum, broadcast: nd.broadcastMaximum },
  { name: 'minimum', ref: Math.min, operand: nd.minimum, broadcast: nd.broadcastMinimum },
  { name: 'equal', ref: (a, b) => bool(a === b), operand: nd.equal, broadcast: nd.broadcastEqual },
  {
    name: 'notEqual',
    ref: (a, b) => bool(a !== b),
    operand: nd.notEqual,
    broadcast: nd.broadcastNotEqual,
  },
  {
    name: 'greater',
    ref: (a, b) => bool(a > b),
    operand: nd.greater,
    broadcast: nd.broadcastGreater,
  },
  {
    name: 'greaterEqual',
    ref: (a, b) => bool(a >= b),
    operand: nd.greaterEqual,
    broadcast: nd.broadcastGreaterEqual,
  },
  { name: 'lesser', ref: (a, b) => bool(a < b), operand: nd.lesser, broadcast: nd.broadcastLesser },
  {
    name: 'lesserEqual',
    ref: (a, b) => bool(a <= b),
    operand: nd.lesserEqual,
    broadcast: nd.broadcastLesserEqual,
  },
];

/** numpy's broadcast of two shapes (they are compatible by construction). */
function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    out.push(Math.max(da, db));
  }
  return out;
}

/** Row-major flat index of `shape` for an output index of `outShape` (broadcast reading). */
function sourceIndex(flat: number, outShape: readonly number[], shape: readonly number[]): number {
  let rest = flat;
  let index = 0;
  let stride = 1;
  for (let k = outShape.length - 1, j = shape.length - 1; k >= 0; k--, j--) {
    const coord = rest % outShape[k];
    rest = Math.floor(rest / outShape[k]);
    if (j >= 0) {
      if (shape[j] !== 1) index += coord * stride;
      stride *= shape[j];
    }
  }
  return index;
}

/** Two broadcast-compatible shapes: a common full shape, each side dropping leading axes or setting some to 1. */
const shapePair = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 3 })
  .chain((full) =>
    fc.tuple(
      fc.constant(full),
      fc.integer({ min: 0, max: full.length }),
      fc.integer({ min: 0, max: full.length }),
      fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
      fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
    ),
  )
  .map(([full, dropA, dropB, onesA, onesB]) => {
    const a = full.slice(dropA).map((d, i) => (onesA[i + dropA] ? 1 : d));
    const b = full.slice(dropB).map((d, i) => (onesB[i + dropB] ? 1 : d));
    return [a, b] as const;
  });

/** Halves in [-2.5, 2.5]: exact in float32, with ties (for the comparisons) and zeros (for divide). */
const value = fc.integer({ min: -5, max: 5 }).map((v) => v / 2);

const sample = fc
  .tuple(
    fc.constantFrom(...BINARY_OPS),
    fc.constantFrom('operand', 'broadcast', 'elemwise', 'array-scalar', 'scalar-array'),
    shapePair,
    fc.array(value, { minLength: 64, maxLength: 64 }),
    fc.array(value, { minLength: 64, maxLength: 64 }),
  )
  .map(([op, form, [sa, sb], va, vb]) => {
    // elemwise takes one shape; where the op has no elemwise form, broadcast stands in.
    const same = form === 'elemwise';
    const form2 = same && op.elemwise === undefined ? 'broadcast' : form;
    const shapeB = same ? sa : sb;
    const size = (s: readonly number[]) => s.reduce((p, d) => p * d, 1);
    return {
      op,
      form: form2,
      shapeA: sa,
      shapeB,
      a: va.slice(0, size(sa)),
      b: vb.slice(0, size(shapeB)),
    };
  });

/**
 * Every binary op of mx.nd, in each of its forms (operands, `broadcast*`, `elemwise*`, with a
 * number on either side), on random shapes and broadcasts, against MXNet's formula in float64.
 * @example await binaryBroadcastProperty.run({ scale: 0.25 });
 */
export const binaryBroadcastProperty: PropertyCheck = {
  id: 'property/binary-ops-broadcast',
  description: 'every binary op on random shapes and broadcasts equals its float64 reference',
  async run(budget?: PropertyBudget) {
    await fc.assert(
      fc.asyncProperty(sample, async (s) => {
        await leakFree(`${s.op.name} (${s.form})`, async () => {
          const scalarA = s.form === 'scalar-array';
          const scalarB = s.form === 'array-scalar';
          const shapeA = scalarA ? [] : s.shapeA;
          const shapeB = scalarB ? [] : s.shapeB;
          const a = scalarA ? (s.a[0] ?? 0.5) : s.a;
          const b = scalarB ? (s.b[0] ?? 0.5) : s.b;
          const arr = (v: number[], shape: readonly number[]) =>
            nd.array(Float32Array.from(v), { shape: [...shape] });
          const A: Operand = scalarA ? (a as number) : arr(a as number[], shapeA);
          const B: Operand = scalarB ? (b as number) : arr(b as number[], shapeB);
          const y =
            s.form === 'broadcast'
              ? s.op.broadcast(A as mx.NDArray, B as mx.NDArray)
              : s.form === 'elemwise'
                ? (s.op.elemwise as NonNullable<BinarySpec['elemwise']>)(
                    A as mx.NDArray,
                    B as mx.NDArray,
                  )
                : s.op.operand(A, B);
          const outShape = broadcastShape(shapeA, shapeB);
          check(
            y.shape.length === outShape.length && y.shape.every((d, i) => d === outShape[i]),
            `${s.op.name}: shape (${y.shape}) of (${shapeA}) and (${shapeB}), expected (${outShape})`,
          );
          check(y.dtype === 'float32', `${s.op.name}: dtype ${y.dtype}, expected float32`);
          const n = outShape.reduce((p, d) => p * d, 1);
          const want = Array.from({ length: n }, (_, i) => {
            const x1 = scalarA ? (a as number) : (a as number[])[sourceIndex(i, outShape, shapeA)];
            const x2 = scalarB ? (b as number) : (b as number[])[sourceIndex(i, outShape, shapeB)];
            return f32(s.op.ref(x1, x2));
          });
          closeValues(
            `${s.op.name} (${s.form}) of (${shapeA}) and (${shapeB})`,
            await values(y),
            want,
            { rtol: 1e-6, atol: 1e-6 },
          );
        });
      }),
      fcParameters(120, budget),
    );
  },
};
