import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import { add } from '../../ops/add.js';
import { exp } from '../../ops/exp.js';
import { minimum } from '../../ops/minimum.js';
import { broadcastMul, multiply } from '../../ops/multiply.js';
import { relu } from '../../ops/relu.js';
import { reshape } from '../../ops/reshape.js';
import { subtract } from '../../ops/subtract.js';
import { checkOptions } from '../../validate/check-args.js';
import { type Attrs, attrEnum, attrFloat, toAttrs } from '../attrs.js';
import { composeOp } from '../compose.js';
import type { OpDef } from '../op-def.js';
import type { Symbol } from '../symbol.js';

const OP = 'LeakyReLU';
type LeakyActType = 'elu' | 'gelu' | 'leaky' | 'prelu' | 'rrelu' | 'selu';
const ACT_TYPES: readonly LeakyActType[] = ['elu', 'gelu', 'leaky', 'prelu', 'rrelu', 'selu'];
const SELU_ALPHA = 1.6732632423543772;
const SELU_LAMBDA = 1.0507009873554805;

const actType = (attrs: Attrs): LeakyActType => attrEnum(OP, attrs, 'act_type', ACT_TYPES, 'leaky');

/** relu(x) + k * f(min(x, 0)): the negative part scaled, positive part kept. */
function negPart(
  x: NDArray,
  f: (neg: NDArray) => NDArray,
  scale: (t: NDArray) => NDArray,
): NDArray {
  const pos = relu(x);
  const neg = minimum(x, 0);
  const fneg = f(neg);
  const scaled = scale(fneg);
  const out = add(pos, scaled);
  for (const t of [pos, neg, fneg, scaled]) if (t !== x && t !== out) t.dispose();
  return out;
}

/** `LeakyReLU`: leaky, prelu (learned slope `gamma`), elu, selu and rrelu (inference). @internal */
export const leakyReLUOp: OpDef = {
  op: OP,
  hint: 'leakyrelu',
  inputNames: (attrs) => (actType(attrs) === 'prelu' ? ['data', 'gamma'] : ['data']),
  outputNames: (attrs) => (actType(attrs) === 'rrelu' ? ['output', 'mask'] : ['output']),
  numVisibleOutputs: () => 1,
  setInputVarAttrs(_attrs, index, varAttrs) {
    if (index === 1 && varAttrs['__init__'] === undefined) {
      varAttrs['__init__'] = '["Constant", {"value": 0.25}]';
    }
  },
  inferShape(attrs, inputs, outputs) {
    const d = inputs[0] ?? outputs[0];
    if (d === null) return { inputs: [...inputs], outputs: [...outputs] };
    const ins = [d, ...inputs.slice(1)];
    if (actType(attrs) === 'prelu' && ins[1] === null) ins[1] = [d.length > 1 ? d[1] : 1];
    return { inputs: ins, outputs: outputs.map(() => d) };
  },
  forward(attrs, [x, gamma], ctx) {
    const type = actType(attrs);
    const slope = attrFloat(OP, attrs, 'slope', 0.25);
    switch (type) {
      case 'leaky':
        return [
          negPart(
            x,
            (n) => n,
            (t) => multiply(t, slope),
          ),
        ];
      case 'prelu': {
        const shape = x.shape.map((_, i) => (i === 1 && gamma.size !== 1 ? gamma.size : 1));
        const g = reshape(gamma, { shape });
        try {
          return [
            negPart(
              x,
              (n) => n,
              (t) => broadcastMul(t, g),
            ),
          ];
        } finally {
          g.dispose();
        }
      }
      case 'elu':
      case 'selu': {
        const alpha = type === 'elu' ? slope : SELU_ALPHA;
        const y = negPart(
          x,
          (n) => {
            const e = exp(n);
            const r = subtract(e, 1);
            e.dispose();
            return r;
          },
          (t) => multiply(t, alpha),
        );
        if (type === 'elu') return [y];
        const out = multiply(y, SELU_LAMBDA);
        y.dispose();
        return [out];
      }
      case 'rrelu': {
        if (ctx.isTrain) {
          throw new InvalidArgumentError(
            OP,
            `act_type 'rrelu' draws random slopes in training, which MXTS does not support (${ctx.name}); forward with isTrain: false`,
          );
        }
        const lower = attrFloat(OP, attrs, 'lower_bound', 0.125);
        const upper = attrFloat(OP, attrs, 'upper_bound', 0.334);
        const out = negPart(
          x,
          (n) => n,
          (t) => multiply(t, (lower + upper) / 2),
        );
        return [out, multiply(x, 0)];
      }
      default:
        throw new InvalidArgumentError(
          OP,
          `act_type '${type}' needs erf, which MXTS does not provide yet (${ctx.name}); use elu, selu, leaky or prelu`,
        );
    }
  },
};

/** Options of `mx.sym.LeakyReLU`. */
export interface LeakyReLUSymbolOptions {
  /** `'leaky'` (default), `'prelu'`, `'elu'`, `'selu'`, `'rrelu'` or `'gelu'`. */
  actType?: LeakyActType;
  /** Slope of the negative part for leaky and elu; default 0.25. */
  slope?: number;
  /** rrelu's lower bound; default 0.125. */
  lowerBound?: number;
  /** rrelu's upper bound; default 0.334. */
  upperBound?: number;
  /** prelu's learned slope; a variable `<name>_gamma` (initialized to 0.25) when omitted. */
  gamma?: Symbol;
  /** Node name; `leakyrelu<n>` when omitted. */
  name?: string;
  /** Extra node attributes (MXNet's `attr=`). */
  attr?: Record<string, string>;
}

/**
 * MXNet `mx.sym.LeakyReLU(data, gamma=None, act_type='leaky', slope=0.25, ...)`. With
 * `actType: 'prelu'` the slope is a learned input `gamma` of shape `(channels,)`, whose
 * variable MXNet marks `__init__ = ["Constant", {"value": 0.25}]`.
 *
 * @example
 * const act = mx.sym.LeakyReLU(data, { actType: 'prelu' });
 * act.listArguments(); // ['data', 'leakyrelu0_gamma']
 */
export function LeakyReLU(
  data: Symbol | null | undefined,
  options: LeakyReLUSymbolOptions = {},
): Symbol {
  checkOptions('LeakyReLU', options);
  const attrs = {
    ...options.attr,
    ...toAttrs(options as unknown as Record<string, unknown>, [
      'actType',
      'slope',
      'lowerBound',
      'upperBound',
    ]),
  };
  actType(attrs);
  return composeOp(leakyReLUOp, attrs, { data, gamma: options.gamma }, options.name);
}
