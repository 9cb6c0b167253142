/**
 * MXNet's `mx.sym` (`mxnet.symbol`): the symbolic graph slice MXTS provides — variables,
 * FullyConnected, Activation, SoftmaxOutput, LeakyReLU, BatchNorm and arithmetic, with
 * MXNet's naming, shape inference, JSON and a forward executor.
 *
 * @example
 * const data = mx.sym.Variable('data');
 * const net = mx.sym.SoftmaxOutput(mx.sym.FullyConnected(data, { numHidden: 2 }), { name: 'softmax' });
 * net.listArguments(); // ['data', 'fullyconnected0_weight', 'fullyconnected0_bias', 'softmax_label']
 */

export { type EvaluateOptions, evaluateSymbol as evaluate } from './evaluate.js';
export { load } from './load.js';
export { type LoadJsonLimits, loadJson } from './load-json.js';
export { Activation, type ActivationSymbolOptions } from './ops/activation.js';
export {
  symAdd as add,
  symDiv as div,
  symMul as mul,
  symNeg as negative,
  symSub as sub,
} from './ops/arithmetic.js';
export { BatchNorm, type BatchNormSymbolOptions } from './ops/batch-norm.js';
export { Concat, Concat as concat } from './ops/concat.js';
export { Convolution, type ConvolutionSymbolOptions } from './ops/convolution.js';
export { Dropout, type DropoutSymbolOptions } from './ops/dropout.js';
export { Embedding, type EmbeddingSymbolOptions } from './ops/embedding.js';
export { Flatten, Flatten as flatten } from './ops/flatten.js';
export { FullyConnected, type FullyConnectedSymbolOptions } from './ops/fully-connected.js';
export { LayerNorm, type LayerNormSymbolOptions } from './ops/layer-norm.js';
export { LeakyReLU, type LeakyReLUSymbolOptions } from './ops/leaky-relu.js';
export { Pooling, type PoolingSymbolOptions } from './ops/pooling.js';
export { SoftmaxOutput, type SoftmaxOutputSymbolOptions } from './ops/softmax-output.js';
export {
  type InferShapeResult,
  type ShapeDict,
  Symbol,
  type SymbolEntry,
  type SymbolNode,
} from './symbol.js';
export { Variable, Variable as var, type VariableOptions } from './variable.js';
