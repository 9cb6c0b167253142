import * as mx from '@mxts/core';
import type { BadInputSpec } from './bad-input-case.js';

const { nd } = mx;
const IAE = mx.InvalidArgumentError;
const TooLarge = mx.ArrayTooLargeError;

// 10^12 elements: far beyond any backend, and beyond the default limit by 3,700 times.
const HUGE = [1_000_000, 1_000_000];

const filled = ['zeros', 'ones', 'empty'] as const;
const fill = (op: string) => (nd as unknown as Record<string, (s: unknown) => mx.NDArray>)[op];

/** Creation functions: sizes, shapes, values and ranges (issue 16 themes 1-3). */
export const creationSpecs: BadInputSpec[] = [
  ...filled.flatMap((op): BadInputSpec[] => [
    { name: `${op}-huge`, theme: 1, error: TooLarge, op, call: () => fill(op)(HUGE) },
    { name: `${op}-2^31-elements`, theme: 1, error: TooLarge, op, call: () => fill(op)([2 ** 31]) },
    {
      name: `${op}-shape-string`,
      theme: 2,
      error: IAE,
      op,
      arg: 'shape',
      call: () => fill(op)('3'),
    },
    {
      name: `${op}-shape-null`,
      theme: 2,
      error: IAE,
      op,
      arg: 'shape',
      call: () => fill(op)(null),
    },
    {
      name: `${op}-negative-dim`,
      theme: 3,
      error: IAE,
      op,
      arg: 'shape',
      call: () => fill(op)([2, -1]),
    },
    {
      name: `${op}-fractional-dim`,
      theme: 3,
      error: IAE,
      op,
      arg: 'shape',
      call: () => fill(op)([1.5]),
    },
    {
      name: `${op}-nan-dim`,
      theme: 3,
      error: IAE,
      op,
      arg: 'shape',
      call: () => fill(op)([Number.NaN]),
    },
  ]),
  { name: 'full-huge', theme: 1, error: TooLarge, op: 'full', call: () => nd.full(HUGE, 1) },
  {
    name: 'full-string-value',
    theme: 3,
    error: IAE,
    op: 'full',
    arg: 'value',
    call: () => nd.full([2], 'a' as never),
  },
  {
    name: 'full-undefined-value',
    theme: 2,
    error: IAE,
    op: 'full',
    arg: 'value',
    call: () => nd.full([2], undefined as never),
  },
  {
    name: 'full-bad-dtype',
    theme: 2,
    error: mx.DTypeError,
    op: 'full',
    arg: 'dtype',
    call: () => nd.full([2], 1, { dtype: 'int8' as never }),
  },
  {
    name: 'full-options-number',
    theme: 2,
    error: IAE,
    op: 'full',
    arg: 'options',
    call: () => nd.full([2], 1, 3 as never),
  },
  { name: 'arange-huge', theme: 1, error: TooLarge, op: 'arange', call: () => nd.arange(0, 1e12) },
  {
    name: 'arange-huge-repeat',
    theme: 1,
    error: TooLarge,
    op: 'arange',
    call: () => nd.arange(0, 1e6, { repeat: 1e6 }),
  },
  {
    name: 'arange-infinite-stop',
    theme: 1,
    error: IAE,
    op: 'arange',
    arg: 'stop',
    call: () => nd.arange(0, Number.POSITIVE_INFINITY),
  },
  {
    name: 'arange-start-above-stop',
    theme: 3,
    error: IAE,
    op: 'arange',
    arg: 'start',
    call: () => nd.arange(5, 1),
  },
  {
    name: 'arange-start-equals-stop',
    theme: 3,
    error: IAE,
    op: 'arange',
    arg: 'stop',
    call: () => nd.arange(2, 2),
  },
  {
    name: 'arange-negative-step-wrong-way',
    theme: 3,
    error: IAE,
    op: 'arange',
    arg: 'step',
    call: () => nd.arange(0, 5, { step: -1 }),
  },
  {
    name: 'arange-repeat-0',
    theme: 3,
    error: IAE,
    op: 'arange',
    arg: 'repeat',
    call: () => nd.arange(0, 5, { repeat: 0 }),
  },
  {
    name: 'arange-repeat-fraction',
    theme: 3,
    error: IAE,
    op: 'arange',
    arg: 'repeat',
    call: () => nd.arange(0, 5, { repeat: 1.5 }),
  },
  {
    name: 'arange-step-0',
    theme: 3,
    error: IAE,
    op: 'arange',
    arg: 'step',
    call: () => nd.arange(0, 5, { step: 0 }),
  },
  {
    name: 'arange-step-nan',
    theme: 3,
    error: IAE,
    op: 'arange',
    arg: 'step',
    call: () => nd.arange(0, 5, { step: Number.NaN }),
  },
  {
    name: 'arange-start-string',
    theme: 2,
    error: IAE,
    op: 'arange',
    arg: 'start',
    call: () => nd.arange('a' as never, 5),
  },
  {
    name: 'array-of-string',
    theme: 3,
    error: IAE,
    op: 'array',
    arg: 'source',
    call: () => nd.array('abc' as never),
  },
  {
    name: 'array-string-element',
    theme: 2,
    error: IAE,
    op: 'array',
    arg: 'string',
    call: () => nd.array(['a'] as never),
  },
  {
    name: 'array-nested-string-element',
    theme: 2,
    error: IAE,
    op: 'array',
    arg: 'string',
    call: () =>
      nd.array([
        [1, 2],
        [3, 'x'],
      ] as never),
  },
  {
    name: 'array-object-element',
    theme: 2,
    error: IAE,
    op: 'array',
    arg: 'object',
    call: () => nd.array([1, {}] as never),
  },
  {
    name: 'array-null-element',
    theme: 2,
    error: IAE,
    op: 'array',
    arg: 'null',
    call: () => nd.array([1, null] as never),
  },
  {
    name: 'array-mixed-depth-list-first',
    theme: 3,
    error: IAE,
    op: 'array',
    arg: 'depth',
    call: () => nd.array([[1], 2] as never),
  },
  {
    name: 'array-mixed-depth-number-first',
    theme: 3,
    error: IAE,
    op: 'array',
    arg: 'depth',
    call: () => nd.array([1, [2]] as never),
  },
  {
    name: 'array-ragged',
    theme: 3,
    error: IAE,
    op: 'array',
    arg: 'rectangular',
    call: () => nd.array([[1, 2], [3]]),
  },
  {
    name: 'array-null',
    theme: 2,
    error: IAE,
    op: 'array',
    arg: 'source',
    call: () => nd.array(null as never),
  },
  {
    name: 'array-undefined',
    theme: 2,
    error: IAE,
    op: 'array',
    arg: 'source',
    call: () => nd.array(undefined as never),
  },
  {
    name: 'array-shape-mismatch',
    theme: 3,
    error: IAE,
    op: 'array',
    arg: 'shape',
    call: () => nd.array([1, 2, 3], { shape: [2, 2] }),
  },
  {
    name: 'array-bad-dtype',
    theme: 2,
    error: mx.DTypeError,
    op: 'array',
    arg: 'dtype',
    call: () => nd.array([1], { dtype: 'uint8' as never }),
  },
  {
    name: 'zerosLike-null',
    theme: 2,
    error: IAE,
    op: 'zerosLike',
    arg: 'x',
    call: () => nd.zerosLike(null as never),
  },
  {
    name: 'onesLike-string',
    theme: 2,
    error: IAE,
    op: 'onesLike',
    arg: 'x',
    call: () => nd.onesLike('a' as never),
  },
  {
    name: 'setMaxArrayBytes-limit-applies',
    theme: 1,
    error: TooLarge,
    op: 'zeros',
    call: () => {
      const prev = mx.setMaxArrayBytes(256);
      try {
        return nd.zeros([100]);
      } finally {
        mx.setMaxArrayBytes(prev);
      }
    },
  },
  {
    name: 'limit-holds-for-any-kernel-output',
    theme: 1,
    error: TooLarge,
    op: 'concat',
    call: () => {
      const a = nd.ones([10]);
      const prev = mx.setMaxArrayBytes(64);
      try {
        return nd.concat([a, a], { dim: 0 }); // 80 bytes out, each input 40
      } finally {
        mx.setMaxArrayBytes(prev);
      }
    },
  },
  {
    name: 'setMaxArrayBytes-negative',
    theme: 2,
    error: IAE,
    op: 'setMaxArrayBytes',
    arg: 'bytes',
    call: () => mx.setMaxArrayBytes(-1),
  },
];
