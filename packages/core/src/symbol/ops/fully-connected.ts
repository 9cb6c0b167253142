import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { ShapeError } from '../../errors/shape-error.js';
import { FullyConnected as ndFullyConnected } from '../../ops/fully-connected.js';
import { checkRequiredOptions } from '../../validate/check-args.js';
import { type Attrs, attrBool, attrInt, toAttrs } from '../attrs.js';
import { composeOp } from '../compose.js';
import type { MaybeShape, OpDef } from '../op-def.js';
import type { Symbol } from '../symbol.js';

const OP = 'FullyConnected';

function read(attrs: Attrs) {
  const numHidden = attrInt(OP, attrs, 'num_hidden');
  // MXNet's FullyConnectedParam: num_hidden has lower bound 1.
  if (numHidden < 1) {
    throw new InvalidArgumentError(
      OP,
      `Invalid Parameter format for num_hidden: value ${numHidden} should be greater equal to 1 (pass numHidden >= 1)`,
    );
  }
  return {
    numHidden,
    noBias: attrBool(OP, attrs, 'no_bias', false),
    flatten: attrBool(OP, attrs, 'flatten', true),
  };
}

/** `FullyConnected`: data · weightᵀ + bias. @internal */
export const fullyConnectedOp: OpDef = {
  op: OP,
  hint: 'fullyconnected',
  inputNames: (attrs) =>
    attrBool(OP, attrs, 'no_bias', false) ? ['data', 'weight'] : ['data', 'weight', 'bias'],
  outputNames: () => ['output'],
  inferShape(attrs, inputs, outputs, name) {
    const { numHidden, noBias, flatten } = read(attrs);
    const d = inputs[0];
    if (d === null) return { inputs: [...inputs], outputs: [...outputs] };
    if (d.length === 0) {
      throw new ShapeError(OP, [d], `Error in operator ${name}: data must have at least 1 axis`);
    }
    const inDim = flatten ? d.slice(1).reduce((a, b) => a * b, 1) : d[d.length - 1];
    const out: MaybeShape = flatten ? [d[0], numHidden] : [...d.slice(0, -1), numHidden];
    const ins: MaybeShape[] = [d, [numHidden, inDim]];
    if (!noBias) ins.push([numHidden]);
    return { inputs: ins, outputs: [out] };
  },
  forward(attrs, [data, weight, bias]) {
    const { numHidden, noBias, flatten } = read(attrs);
    return [ndFullyConnected(data, weight, noBias ? null : bias, { numHidden, noBias, flatten })];
  },
};

/** Options of `mx.sym.FullyConnected`. */
export interface FullyConnectedSymbolOptions {
  /** Number of hidden units (output features); required. */
  numHidden: number;
  /** No bias input; default false. */
  noBias?: boolean;
  /** Collapse all input axes but the first; default true. */
  flatten?: boolean;
  /** Node name; `fullyconnected<n>` when omitted. */
  name?: string;
  /** The weight input; a variable `<name>_weight` when omitted. */
  weight?: Symbol;
  /** The bias input; a variable `<name>_bias` when omitted. */
  bias?: Symbol;
  /** Extra node attributes (MXNet's `attr=`). */
  attr?: Record<string, string>;
}

/**
 * MXNet `mx.sym.FullyConnected(data, weight=None, bias=None, num_hidden, no_bias=False,
 * flatten=True, name=None)`: a dense layer. Missing weight/bias inputs become variables
 * `<name>_weight` (shape `(numHidden, inputSize)`) and `<name>_bias` (`(numHidden,)`).
 *
 * @example
 * const data = mx.sym.Variable('data');
 * const fc = mx.sym.FullyConnected(data, { numHidden: 1 });
 * fc.listArguments(); // ['data', 'fullyconnected0_weight', 'fullyconnected0_bias']
 */
export function FullyConnected(
  data: Symbol | null | undefined,
  options: FullyConnectedSymbolOptions,
): Symbol {
  checkRequiredOptions('FullyConnected', options);
  const attrs = {
    ...options.attr,
    ...toAttrs(options as unknown as Record<string, unknown>, ['numHidden', 'noBias', 'flatten']),
  };
  read(attrs);
  return composeOp(
    fullyConnectedOp,
    attrs,
    { data, weight: options.weight, bias: options.bias },
    options.name,
  );
}
