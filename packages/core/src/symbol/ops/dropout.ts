import { onesLike } from '../../ndarray/creation.js';
import { Dropout as ndDropout } from '../../ops/dropout.js';
import { multiply } from '../../ops/multiply.js';
import { checkOptions } from '../../validate/check-args.js';
import { type Attrs, attrEnum, attrFloat, toAttrs } from '../attrs.js';
import { composeOp } from '../compose.js';
import type { OpDef } from '../op-def.js';
import type { Symbol } from '../symbol.js';
import { inferSameShape } from './same-shape.js';
import { attrTuple } from './tuple-attr.js';

const OP = 'Dropout';

const read = (attrs: Attrs) => ({
  p: attrFloat(OP, attrs, 'p', 0.5),
  mode: attrEnum(OP, attrs, 'mode', ['training', 'always'] as const, 'training'),
  axes: attrTuple(OP, attrs, 'axes', []),
});

/**
 * `Dropout`: two outputs (output and mask), one visible. In training it draws the mask from
 * MXNet's random stream; in inference it is the identity. @internal
 */
export const dropoutOp: OpDef = {
  op: OP,
  hint: 'dropout',
  inputNames: () => ['data'],
  outputNames: () => ['output', 'mask'],
  numVisibleOutputs: () => 1,
  inferShape: (_attrs, inputs, outputs, name) => inferSameShape(OP, name, inputs, outputs),
  forward(attrs, [x]) {
    // The executor sets train mode from is_train; the mask is drawn once, as Dropout(x)
    // would draw it, and is also the second output.
    const ones = onesLike(x);
    try {
      const mask = ndDropout(ones, read(attrs));
      return [multiply(x, mask), mask];
    } finally {
      ones.dispose();
    }
  },
};

/** Options of `mx.sym.Dropout`. */
export interface DropoutSymbolOptions {
  /** Fraction dropped; default 0.5. */
  p?: number;
  /** 'training' (default) or 'always'. */
  mode?: 'training' | 'always';
  /** Axes sharing one mask value. */
  axes?: readonly number[];
  /** MXNet's `cudnn_off` (recorded only; MXTS has no cuDNN). */
  cudnnOff?: boolean;
  /** Node name; `dropout<n>` when omitted. */
  name?: string;
  /** Extra node attributes (MXNet's `attr=`). */
  attr?: Record<string, string>;
}

/**
 * MXNet `mx.sym.Dropout(data, p=0.5, mode='training', axes=(), cudnn_off=False, name=None)`.
 * @example mx.sym.Dropout(data, { p: 0.2 }).listOutputs(); // ['dropout0_output']
 */
export function Dropout(
  data: Symbol | null | undefined,
  options: DropoutSymbolOptions = {},
): Symbol {
  checkOptions('Dropout', options);
  const attrs = {
    ...options.attr,
    ...toAttrs(options as unknown as Record<string, unknown>, ['p', 'mode', 'axes', 'cudnnOff']),
  };
  read(attrs);
  return composeOp(dropoutOp, attrs, { data }, options.name);
}
