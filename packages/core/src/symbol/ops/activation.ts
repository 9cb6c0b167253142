import { type ActType, Activation as ndActivation } from '../../ops/activation.js';
import { checkRequiredOptions } from '../../validate/check-args.js';
import { type Attrs, attrEnum, toAttrs } from '../attrs.js';
import { composeOp } from '../compose.js';
import type { OpDef } from '../op-def.js';
import type { Symbol } from '../symbol.js';
import { inferSameShape } from './same-shape.js';

const OP = 'Activation';
const ACT_TYPES: readonly ActType[] = ['relu', 'sigmoid', 'softrelu', 'softsign', 'tanh'];

const actType = (attrs: Attrs): ActType => attrEnum(OP, attrs, 'act_type', ACT_TYPES);

/** `Activation`: an elementwise nonlinearity. @internal */
export const activationOp: OpDef = {
  op: OP,
  hint: 'activation',
  inputNames: () => ['data'],
  outputNames: () => ['output'],
  inferShape: (_attrs, inputs, outputs, name) => inferSameShape(OP, name, inputs, outputs),
  forward: (attrs, [x]) => [ndActivation(x, { actType: actType(attrs) })],
};

/** Options of `mx.sym.Activation`. */
export interface ActivationSymbolOptions {
  /** `'relu'`, `'sigmoid'`, `'tanh'`, `'softrelu'` or `'softsign'`; required. */
  actType: ActType;
  /** Node name; `activation<n>` when omitted. */
  name?: string;
  /** Extra node attributes (MXNet's `attr=`). */
  attr?: Record<string, string>;
}

/**
 * MXNet `mx.sym.Activation(data, act_type, name=None)`.
 * @example const h = mx.sym.Activation(fc, { actType: 'relu' }); // activation0
 */
export function Activation(
  data: Symbol | null | undefined,
  options: ActivationSymbolOptions,
): Symbol {
  checkRequiredOptions('Activation', options);
  const attrs = {
    ...options.attr,
    ...toAttrs(options as unknown as Record<string, unknown>, ['actType']),
  };
  actType(attrs);
  return composeOp(activationOp, attrs, { data }, options.name);
}
