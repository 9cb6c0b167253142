import * as mx from '@mxts/core';
import type { BadInputSpec } from './bad-input-case.js';

const { nd } = mx;
const IAE = mx.InvalidArgumentError;

type Unary = (x: mx.NDArray) => mx.NDArray;
type Binary = (a: mx.NDArray | number, b: mx.NDArray | number) => mx.NDArray;

// Wrong-typed values where an NDArray goes (issue 16, theme 2: these reached `x._rec`).
const NOT_ARRAYS: readonly (readonly [string, unknown])[] = [
  ['string', 'abc'],
  ['null', null],
  ['undefined', undefined],
];

const UNARY = [
  'abs',
  'arccos',
  'arccosh',
  'arcsin',
  'arcsinh',
  'arctan',
  'arctanh',
  'ceil',
  'copy',
  'cos',
  'cosh',
  'exp',
  'expm1',
  'flatten',
  'floor',
  'log',
  'log1p',
  'negative',
  'reciprocal',
  'relu',
  'round',
  'rsqrt',
  'sigmoid',
  'sign',
  'sin',
  'sinh',
  'softrelu',
  'sqrt',
  'square',
  'stopGradient',
  'tan',
  'tanh',
] as const;

const BINARY = [
  'add',
  'subtract',
  'multiply',
  'divide',
  'power',
  'maximum',
  'minimum',
  'equal',
  'notEqual',
  'greater',
  'greaterEqual',
  'lesser',
  'lesserEqual',
] as const;

const BROADCAST = [
  'broadcastAdd',
  'broadcastSub',
  'broadcastMul',
  'broadcastDiv',
  'broadcastPower',
  'broadcastMaximum',
  'broadcastMinimum',
  'broadcastEqual',
  'broadcastNotEqual',
  'broadcastGreater',
  'broadcastGreaterEqual',
  'broadcastLesser',
  'broadcastLesserEqual',
] as const;

const ELEMWISE = ['elemwiseAdd', 'elemwiseSub', 'elemwiseMul', 'elemwiseDiv'] as const;

const REDUCE = ['sum', 'mean', 'max', 'min', 'prod'] as const;

const fn = <T>(name: string): T => (nd as unknown as Record<string, T>)[name];

/** Every elementwise and reduction op with wrong-typed and mis-shaped inputs. */
export const opFamilySpecs: BadInputSpec[] = [
  ...UNARY.flatMap((op) =>
    NOT_ARRAYS.map(
      ([what, v]): BadInputSpec => ({
        name: `${op}-x-${what}`,
        theme: 2,
        error: IAE,
        op,
        arg: 'x',
        call: () => fn<Unary>(op)(v as mx.NDArray),
      }),
    ),
  ),
  ...BINARY.flatMap((op): BadInputSpec[] => [
    {
      name: `${op}-rhs-string`,
      theme: 2,
      error: IAE,
      op,
      arg: 'rhs',
      call: () => fn<Binary>(op)(nd.ones([2]), 'abc' as never),
    },
    {
      name: `${op}-lhs-null`,
      theme: 2,
      error: IAE,
      op,
      arg: 'lhs',
      call: () => fn<Binary>(op)(null as never, nd.ones([2])),
    },
    {
      name: `${op}-shapes-not-broadcastable`,
      theme: 3,
      error: mx.ShapeError,
      op,
      call: () => fn<Binary>(op)(nd.ones([2, 3]), nd.ones([4])),
    },
  ]),
  ...BROADCAST.map(
    (op): BadInputSpec => ({
      name: `${op}-b-undefined`,
      theme: 2,
      error: IAE,
      op,
      arg: 'b',
      call: () => fn<Binary>(op)(nd.ones([2]), undefined as never),
    }),
  ),
  ...ELEMWISE.flatMap((op): BadInputSpec[] => [
    {
      name: `${op}-b-string`,
      theme: 2,
      error: IAE,
      op,
      arg: 'b',
      call: () => fn<Binary>(op)(nd.ones([2]), 'abc' as never),
    },
    {
      name: `${op}-broadcastable-but-not-equal`,
      theme: 3,
      error: mx.ShapeError,
      op,
      call: () => fn<Binary>(op)(nd.ones([2, 3]), nd.ones([1, 3])),
    },
  ]),
  ...REDUCE.flatMap((op): BadInputSpec[] => [
    {
      name: `${op}-axis-out-of-range`,
      theme: 3,
      error: IAE,
      op,
      arg: 'axis',
      call: () => fn<(x: mx.NDArray, o: object) => mx.NDArray>(op)(nd.ones([2, 3]), { axis: 2 }),
    },
    {
      name: `${op}-x-null`,
      theme: 2,
      error: IAE,
      op,
      arg: 'x',
      call: () => fn<(x: mx.NDArray) => mx.NDArray>(op)(null as never),
    },
  ]),
];
