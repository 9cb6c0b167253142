import { Embedding as ndEmbedding } from '../../ops/embedding.js';
import { checkRequiredOptions } from '../../validate/check-args.js';
import { type Attrs, attrInt, toAttrs } from '../attrs.js';
import { composeOp } from '../compose.js';
import type { OpDef } from '../op-def.js';
import type { Symbol } from '../symbol.js';

const OP = 'Embedding';

const read = (attrs: Attrs) => ({
  inputDim: attrInt(OP, attrs, 'input_dim'),
  outputDim: attrInt(OP, attrs, 'output_dim'),
});

/** `Embedding`: rows of weight (input_dim, output_dim) picked by data. @internal */
export const embeddingOp: OpDef = {
  op: OP,
  hint: 'embedding',
  inputNames: () => ['data', 'weight'],
  outputNames: () => ['output'],
  inferShape(attrs, inputs, outputs) {
    const { inputDim, outputDim } = read(attrs);
    const d = inputs[0];
    const w = [inputDim, outputDim];
    if (d === null) return { inputs: [null, w], outputs: [...outputs] };
    return { inputs: [d, w], outputs: [[...d, outputDim]] };
  },
  forward: (attrs, [data, weight]) => [ndEmbedding(data, weight, read(attrs))],
};

/** Options of `mx.sym.Embedding`. */
export interface EmbeddingSymbolOptions {
  /** Vocabulary size; required. */
  inputDim: number;
  /** Embedding size; required. */
  outputDim: number;
  /** The weight's dtype (MXNet's `dtype`, default float32). */
  dtype?: 'float32' | 'float64' | 'float16';
  /** MXNet's `sparse_grad` (recorded only; MXTS's gradient is dense). */
  sparseGrad?: boolean;
  /** Node name; `embedding<n>` when omitted. */
  name?: string;
  /** The weight input; a variable `<name>_weight` when omitted. */
  weight?: Symbol;
  /** Extra node attributes (MXNet's `attr=`). */
  attr?: Record<string, string>;
}

/**
 * MXNet `mx.sym.Embedding(data, weight=None, input_dim, output_dim, name=None)`.
 * @example mx.sym.Embedding(data, { inputDim: 10, outputDim: 4 }).listArguments(); // ['data', 'embedding0_weight']
 */
export function Embedding(
  data: Symbol | null | undefined,
  options: EmbeddingSymbolOptions,
): Symbol {
  checkRequiredOptions('Embedding', options);
  const attrs = {
    ...options.attr,
    ...toAttrs(options as unknown as Record<string, unknown>, [
      'inputDim',
      'outputDim',
      'dtype',
      'sparseGrad',
    ]),
  };
  read(attrs);
  return composeOp(embeddingOp, attrs, { data, weight: options.weight }, options.name);
}
