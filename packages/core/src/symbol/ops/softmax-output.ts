import { pause } from '../../autograd/scopes.js';
import { isRecording } from '../../autograd/state.js';
import { recordOp } from '../../autograd/tape.js';
import { ShapeError } from '../../errors/shape-error.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import { reshape } from '../../ops/reshape.js';
import { softmax } from '../../ops/softmax.js';
import { checkOptions } from '../../validate/check-args.js';
import { type Attrs, attrBool, toAttrs } from '../attrs.js';
import { composeOp } from '../compose.js';
import type { MaybeShape, OpDef } from '../op-def.js';
import type { Symbol } from '../symbol.js';
import { softmaxOutputGrad, softmaxOutputParams } from './softmax-output-grad.js';

const OP = 'SoftmaxOutput';

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

const flags = (attrs: Attrs) => ({
  multiOutput: attrBool(OP, attrs, 'multi_output', false),
  preserveShape: attrBool(OP, attrs, 'preserve_shape', false),
});

/** `SoftmaxOutput`: softmax in forward, cross-entropy gradient in backward. @internal */
export const softmaxOutputOp: OpDef = {
  op: OP,
  hint: 'softmaxoutput',
  inputNames: () => ['data', 'label'],
  outputNames: () => ['output'],
  inferShape(attrs, inputs, outputs, name) {
    const d = inputs[0] ?? outputs[0];
    if (d === null) return { inputs: [...inputs], outputs: [...outputs] };
    const label = inputs[1];
    let labelShape: MaybeShape = label;
    if (label === null || !same(label, d)) {
      const { multiOutput } = flags(attrs);
      const expected = multiOutput ? [d[0], ...d.slice(2)] : d.slice(0, -1);
      if (label !== null && !same(label, expected)) {
        throw new ShapeError(
          OP,
          [d, label],
          `Error in operator ${name}: label must have shape (${expected.join(', ')}) or the data's shape`,
        );
      }
      labelShape = expected;
    }
    return { inputs: [d, labelShape], outputs: [d] };
  },
  forward(attrs, [x, label]) {
    // Recorded as one node whose gradient is MXNet's loss gradient (softmax - onehot), not
    // softmax's: a loss layer ignores the head gradient.
    const out = pause(() => softmaxForward(attrs, x));
    if (isRecording() && label !== undefined) {
      softmaxOutputParams(attrs);
      recordOp(OP, attrs, [x, label], [out], (g) => [
        softmaxOutputGrad(g.attrs as Attrs, g.outputs[0], g.inputs[1], g.outGrads[0]),
        null,
      ]);
    }
    return [out];
  },
};

function softmaxForward(attrs: Attrs, x: NDArray): NDArray {
  const { multiOutput, preserveShape } = flags(attrs);
  if (multiOutput) return softmax(x, { axis: 1 });
  if (preserveShape || x.ndim === 2) return softmax(x, { axis: -1 });
  const flat = reshape(x, { shape: [x.shape[0], x.size / x.shape[0]] });
  const y = softmax(flat, { axis: -1 });
  flat.dispose();
  const out = reshape(y, { shape: x.shape });
  y.dispose();
  return out;
}

/** Options of `mx.sym.SoftmaxOutput`. */
export interface SoftmaxOutputSymbolOptions {
  /** The label input; a variable `<name>_label` when omitted. */
  label?: Symbol;
  /** Node name; `softmaxoutput<n>` when omitted (Module's default label is `softmax_label`, so name it `softmax`). */
  name?: string;
  /** Gradient scale (backward only); default 1. */
  gradScale?: number;
  /** Label value ignored with `useIgnore` (backward only); default -1. */
  ignoreLabel?: number;
  /** Softmax over axis 1 of an (n, k, ...) input; default false. */
  multiOutput?: boolean;
  /** Ignore `ignoreLabel` in the gradient; default false. */
  useIgnore?: boolean;
  /** Softmax over the last axis without flattening; default false. */
  preserveShape?: boolean;
  /** Gradient normalization (backward only); default 'null'. */
  normalization?: 'null' | 'batch' | 'valid';
  /** Multiply the gradient by the output gradient (backward only); default false. */
  outGrad?: boolean;
  /** Label smoothing (backward only); default 0. */
  smoothAlpha?: number;
  /** Extra node attributes (MXNet's `attr=`). */
  attr?: Record<string, string>;
}

/**
 * MXNet `mx.sym.SoftmaxOutput(data, label, ..., name=None)`: softmax of the data in forward
 * (over the last axis of the data flattened to 2-D; axis 1 with `multiOutput`).
 *
 * @example
 * const out = mx.sym.SoftmaxOutput(fc, { name: 'softmax' });
 * out.listArguments(); // [..., 'softmax_label']
 */
export function SoftmaxOutput(
  data: Symbol | null | undefined,
  options: SoftmaxOutputSymbolOptions = {},
): Symbol {
  checkOptions('SoftmaxOutput', options);
  const attrs = {
    ...options.attr,
    ...toAttrs(options as unknown as Record<string, unknown>, [
      'gradScale',
      'ignoreLabel',
      'multiOutput',
      'useIgnore',
      'preserveShape',
      'normalization',
      'outGrad',
      'smoothAlpha',
    ]),
  };
  flags(attrs);
  return composeOp(softmaxOutputOp, attrs, { data, label: options.label }, options.name);
}
