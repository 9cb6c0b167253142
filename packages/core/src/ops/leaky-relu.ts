import { DTypeError } from '../errors/dtype-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import { zerosLike } from '../ndarray/creation.js';
import { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { abs } from './abs.js';
import { add } from './add.js';
import { applyOp } from './apply-op.js';
import { divide } from './divide.js';
import { exp } from './exp.js';
import { expm1 } from './expm1.js';
import { greater } from './greater.js';
import { multiply } from './multiply.js';
import { sign } from './sign.js';
import { square } from './square.js';
import { subtract } from './subtract.js';
import { where } from './where.js';

/** MXNet's `act_type` values of LeakyReLU (all but the random 'rrelu'). */
export type LeakyActType = 'leaky' | 'prelu' | 'elu' | 'selu' | 'gelu';

/** Options of `LeakyReLU` (MXNet's keyword arguments). */
export interface LeakyReLUOptions {
  /** Default 'leaky'. */
  actType?: LeakyActType;
  /** The negative slope of 'leaky', the scale of 'elu'; default 0.25. */
  slope?: number;
}

// mshadow_op.h's constants, in float32 as MXNet computes.
const SELU_ALPHA = Math.fround(1.6732632423543772);
const SELU_LAMBDA = Math.fround(1.0507009873554805);

/**
 * erf by Abramowitz and Stegun 7.1.26 (absolute error under 1.5e-7, below float32's
 * resolution near 1), written with ops so that GELU differentiates to any order.
 */
function erf(z: NDArray): NDArray {
  const t = divide(1, add(multiply(abs(z), 0.3275911), 1));
  let poly = multiply(t, 1.061405429);
  for (const a of [-1.453152027, 1.421413741, -0.284496736, 0.254829592]) {
    poly = multiply(add(poly, a), t);
  }
  const tail = multiply(poly, exp(multiply(square(z), -1)));
  return multiply(sign(z), subtract(1, tail));
}

/**
 * x where x > 0, else `negative(x)`, evaluated on x with its positive entries zeroed (so
 * exp never overflows into a 0 * inf gradient, and -0 and NaN reach it unchanged).
 */
function piecewise(x: NDArray, negative: (m: NDArray) => NDArray): NDArray {
  const pos = greater(x, 0);
  const m = where(pos, zerosLike(x), x);
  return where(pos, x, negative(m));
}

/**
 * MXNet `nd.LeakyReLU(data, gamma=None, act_type='leaky', slope=0.25)`: 'leaky' gives
 * x > 0 ? x : slope*x; 'prelu' the same with the learned per-channel gamma (axis 1, or one
 * value for all); 'elu' x > 0 ? x : slope*(exp(x) - 1); 'selu' λ(x > 0 ? x : α(exp(x) - 1));
 * 'gelu' x/2 (1 + erf(x/√2)). Composed of elementwise ops, so it differentiates.
 *
 * @example
 * mx.nd.LeakyReLU(mx.nd.array([-1, 2]), null, { actType: 'leaky', slope: 0.1 }); // [-0.1 2.]
 */
export function LeakyReLU(
  data: NDArray,
  gamma: NDArray | null | LeakyReLUOptions = null,
  options: LeakyReLUOptions = {},
): NDArray {
  checkNDArray('LeakyReLU', 'data', data);
  checkOptions('LeakyReLU', options);
  const op = 'LeakyReLU';
  // LeakyReLU(x, { actType }) reads as MXNet's keyword-only call.
  const o = gamma instanceof NDArray || gamma === null ? options : gamma;
  const g = gamma instanceof NDArray ? gamma : null;
  const { actType = 'leaky', slope = 0.25 } = o;
  if (!['leaky', 'prelu', 'elu', 'selu', 'gelu'].includes(actType)) {
    throw new InvalidArgumentError(
      op,
      `actType '${String(actType)}' is not one of 'leaky', 'prelu', 'elu', 'selu', 'gelu'`,
    );
  }
  if (typeof slope !== 'number' || Number.isNaN(slope)) {
    throw new InvalidArgumentError(op, `slope must be a number, got ${String(slope)}`);
  }
  if (actType === 'prelu') {
    if (g === null) throw new InvalidArgumentError(op, "actType 'prelu' needs gamma");
    const channels = data.ndim > 1 ? data.shape[1] : 1;
    if (g.ndim !== 1 || (g.shape[0] !== channels && g.shape[0] !== 1)) {
      throw new ShapeError(
        op,
        [data.shape, g.shape],
        `gamma must have shape (${channels},) (one per channel of axis 1) or (1,)`,
      );
    }
    if (g.dtype !== data.dtype) {
      throw new DTypeError(op, `data has dtype ${data.dtype}, gamma ${g.dtype}; cast one`);
    }
  }
  return disposeCreated(() => {
    switch (actType) {
      case 'leaky':
        return where(greater(data, 0), data, multiply(data, slope));
      case 'prelu': {
        const along = data.shape.map((d, i) => (i === 1 && g!.shape[0] !== 1 ? d : 1));
        const gb = applyOp('reshape', [g!], { shape: along.length > 0 ? along : [1] });
        return where(greater(data, 0), data, multiply(data, gb));
      }
      case 'elu':
        return piecewise(data, (m) => multiply(expm1(m), slope));
      case 'selu':
        return multiply(
          piecewise(data, (m) => multiply(expm1(m), SELU_ALPHA)),
          SELU_LAMBDA,
        );
      default:
        return multiply(multiply(data, 0.5), add(erf(multiply(data, Math.SQRT1_2)), 1));
    }
  });
}
