import { ShapeError } from '../../errors/shape-error.js';
import { Convolution as ndConvolution } from '../../ops/convolution.js';
import { checkRequiredOptions } from '../../validate/check-args.js';
import { type Attrs, attrBool, attrInt, toAttrs } from '../attrs.js';
import { composeOp } from '../compose.js';
import type { MaybeShape, OpDef } from '../op-def.js';
import type { Symbol } from '../symbol.js';
import { attrTuple } from './tuple-attr.js';

const OP = 'Convolution';

function read(attrs: Attrs) {
  const kernel = attrTuple(OP, attrs, 'kernel', null);
  const n = kernel.length;
  return {
    kernel,
    numFilter: attrInt(OP, attrs, 'num_filter'),
    stride: attrTuple(OP, attrs, 'stride', new Array<number>(n).fill(1)),
    dilate: attrTuple(OP, attrs, 'dilate', new Array<number>(n).fill(1)),
    pad: attrTuple(OP, attrs, 'pad', new Array<number>(n).fill(0)),
    numGroup: attrInt(OP, attrs, 'num_group', 1),
    noBias: attrBool(OP, attrs, 'no_bias', false),
  };
}

/** `Convolution` (1-D NCW, 2-D NCHW): out = floor((in + 2p - d(k-1) - 1) / s) + 1. @internal */
export const convolutionOp: OpDef = {
  op: OP,
  hint: 'convolution',
  inputNames: (attrs) =>
    attrBool(OP, attrs, 'no_bias', false) ? ['data', 'weight'] : ['data', 'weight', 'bias'],
  outputNames: () => ['output'],
  inferShape(attrs, inputs, outputs, name) {
    const { kernel, numFilter, stride, dilate, pad, numGroup, noBias } = read(attrs);
    const d = inputs[0];
    if (d === null) return { inputs: [...inputs], outputs: [...outputs] };
    if (d.length !== kernel.length + 2) {
      throw new ShapeError(
        OP,
        [d],
        `Error in operator ${name}: data must be ${kernel.length + 2}-D for a kernel of ${kernel.length} axes`,
      );
    }
    const spatial = kernel.map(
      (k, i) => Math.floor((d[i + 2] + 2 * pad[i] - dilate[i] * (k - 1) - 1) / stride[i]) + 1,
    );
    const ins: MaybeShape[] = [d, [numFilter, d[1] / numGroup, ...kernel]];
    if (!noBias) ins.push([numFilter]);
    return { inputs: ins, outputs: [[d[0], numFilter, ...spatial]] };
  },
  forward(attrs, [data, weight, bias]) {
    const o = read(attrs);
    return [ndConvolution(data, weight, o.noBias ? null : bias, o)];
  },
};

/** Options of `mx.sym.Convolution`. */
export interface ConvolutionSymbolOptions {
  /** Kernel size per spatial axis; required. */
  kernel: readonly number[];
  /** Output channels; required. */
  numFilter: number;
  stride?: readonly number[];
  dilate?: readonly number[];
  pad?: readonly number[];
  numGroup?: number;
  noBias?: boolean;
  layout?: 'NCW' | 'NCHW';
  /** Node name; `convolution<n>` when omitted. */
  name?: string;
  weight?: Symbol;
  bias?: Symbol;
  /** Extra node attributes (MXNet's `attr=`). */
  attr?: Record<string, string>;
}

/**
 * MXNet `mx.sym.Convolution(data, weight=None, bias=None, kernel, num_filter, stride, dilate,
 * pad, num_group, no_bias, layout, name)`.
 * @example mx.sym.Convolution(data, { kernel: [3, 3], numFilter: 8 }).listArguments(); // ['data', 'convolution0_weight', 'convolution0_bias']
 */
export function Convolution(
  data: Symbol | null | undefined,
  options: ConvolutionSymbolOptions,
): Symbol {
  checkRequiredOptions('Convolution', options);
  const attrs = {
    ...options.attr,
    ...toAttrs(options as unknown as Record<string, unknown>, [
      'kernel',
      'stride',
      'dilate',
      'pad',
      'numFilter',
      'numGroup',
      'noBias',
      'layout',
    ]),
  };
  read(attrs);
  return composeOp(
    convolutionOp,
    attrs,
    { data, weight: options.weight, bias: options.bias },
    options.name,
  );
}
