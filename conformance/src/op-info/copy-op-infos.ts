import { type DType, type NDArray, nd } from '@mxts/core';
import { REAL } from './domain.js';
import { SPECIALS } from './edge-values.js';
import type { GradientInfo, OpInfo } from './op-info.js';
import { Prng } from './prng.js';
import type { RefArray } from './ref-array.js';
import { arg, randomArg, randomIntArg, type Sample } from './sample.js';

type NoOptions = Record<string, never>;

/** An op that returns its input's values: copy, stopGradient, BlockGrad. */
function identityOp(
  name: string,
  run: (x: NDArray) => NDArray,
  gradient: GradientInfo,
): OpInfo<NoOptions> {
  const rng = Prng.fromText(name);
  return {
    name,
    run: ([x]) => run(x as NDArray),
    reference: ([x]) => x as RefArray,
    dtypes: ['float32', 'int32'],
    domain: REAL,
    samples: [{ label: '2x3', args: [randomArg(rng, [2, 3], REAL)], options: {} }],
    gradient,
    edge: [{ label: 'specials', args: [arg([SPECIALS.length], SPECIALS)], options: {} }],
    dtypeSamples: {
      int32: [{ label: 'int32', args: [randomIntArg(rng, [2, 3], -9, 9)], options: {} }],
    },
  };
}

type CastOptions = { dtype: DType };
const castRng = Prng.fromText('cast');
const toInt: Sample<CastOptions> = {
  label: 'float32->int32',
  args: [arg([6], [-2.7, -0.5, 0.5, 1.7, 2.2, -1])],
  options: { dtype: 'int32' },
};

/** cast, copy, stopGradient and BlockGrad. */
export const copyOpInfos: OpInfo[] = [
  {
    // float32 -> int32 truncates toward zero, as C (MXNet's Cast is a static_cast).
    name: 'cast',
    run: ([x], o: CastOptions) => nd.cast(x as NDArray, o),
    reference: ([x]) => x as RefArray,
    outputDType: (s) => s.options.dtype,
    dtypes: ['float32', 'int32'],
    domain: REAL,
    samples: [
      {
        label: 'float32->float32',
        args: [randomArg(castRng, [2, 3], REAL)],
        options: { dtype: 'float32' },
      },
    ],
    gradient: { kind: 'numeric' },
    edge: [
      {
        label: 'specials',
        args: [arg([SPECIALS.length], SPECIALS)],
        options: { dtype: 'float32' },
      },
    ],
    dtypeSamples: {
      int32: [
        toInt,
        {
          label: 'int32->float32',
          args: [randomIntArg(castRng, [2, 3], -9, 9)],
          options: { dtype: 'float32' },
        },
        {
          label: 'int32->int32',
          args: [randomIntArg(castRng, [2, 3], -9, 9)],
          options: { dtype: 'int32' },
        },
      ],
    },
  },
  identityOp('copy', nd.copy, { kind: 'numeric' }),
  identityOp('stopGradient', nd.stopGradient, { kind: 'blocked' }),
  identityOp('BlockGrad', nd.BlockGrad, { kind: 'blocked' }),
];
