import { normalizeAxis } from '../../ndarray/shape.js';
import { add } from '../../ops/add.js';
import { LayerNorm as ndLayerNorm } from '../../ops/layer-norm.js';
import { mean } from '../../ops/mean.js';
import { sqrt } from '../../ops/sqrt.js';
import { square } from '../../ops/square.js';
import { broadcastSub } from '../../ops/subtract.js';
import { checkOptions } from '../../validate/check-args.js';
import { type Attrs, attrFloat, attrInt, toAttrs } from '../attrs.js';
import { composeOp } from '../compose.js';
import type { OpDef } from '../op-def.js';
import type { Symbol } from '../symbol.js';

const OP = 'LayerNorm';

const read = (attrs: Attrs) => ({
  axis: attrInt(OP, attrs, 'axis', -1),
  eps: attrFloat(OP, attrs, 'eps', 1e-5),
});

/** `LayerNorm`: three outputs (output, mean, std = sqrt(var + eps)), one visible. @internal */
export const layerNormOp: OpDef = {
  op: OP,
  hint: 'layernorm',
  inputNames: () => ['data', 'gamma', 'beta'],
  outputNames: () => ['output', 'mean', 'std'],
  numVisibleOutputs: () => 1,
  inferShape(attrs, inputs, outputs) {
    const d = inputs[0] ?? outputs[0];
    if (d === null) return { inputs: [...inputs], outputs: [...outputs] };
    const axis = normalizeAxis(OP, read(attrs).axis, d.length);
    const c = [d[axis]];
    const reduced = d.map((x, i) => (i === axis ? 1 : x));
    return { inputs: [d, c, c], outputs: [d, reduced, reduced] };
  },
  forward(attrs, [data, gamma, beta]) {
    const o = read(attrs);
    const axis = normalizeAxis(OP, o.axis, data.ndim);
    // The executor frees these intermediates with the rest of the run.
    const m = mean(data, { axis, keepdims: true });
    const v = mean(square(broadcastSub(data, m)), { axis, keepdims: true });
    return [ndLayerNorm(data, gamma, beta, o), m, sqrt(add(v, o.eps))];
  },
};

/** Options of `mx.sym.LayerNorm`. */
export interface LayerNormSymbolOptions {
  /** The normalized axis; default -1. */
  axis?: number;
  /** Added to the variance; default 1e-5. */
  eps?: number;
  /** Node name; `layernorm<n>` when omitted. */
  name?: string;
  gamma?: Symbol;
  beta?: Symbol;
  /** Extra node attributes (MXNet's `attr=`). */
  attr?: Record<string, string>;
}

/**
 * MXNet `mx.sym.LayerNorm(data, gamma=None, beta=None, axis=-1, eps=1e-5, name=None)`.
 * @example mx.sym.LayerNorm(data).listArguments(); // ['data', 'layernorm0_gamma', 'layernorm0_beta']
 */
export function LayerNorm(
  data: Symbol | null | undefined,
  options: LayerNormSymbolOptions = {},
): Symbol {
  checkOptions('LayerNorm', options);
  const attrs = {
    ...options.attr,
    ...toAttrs(options as unknown as Record<string, unknown>, ['axis', 'eps']),
  };
  read(attrs);
  return composeOp(
    layerNormOp,
    attrs,
    { data, gamma: options.gamma, beta: options.beta },
    options.name,
  );
}
