/**
 * MXNet's `mxnet.initializer` (alias `mx.init`): every initializer of MXNet 1.9.1, the
 * registry, `InitDesc` and name dispatch. Random initializers draw from MXNet's CPU random
 * stream bit for bit.
 *
 * @example
 * const w = mx.nd.zeros([2, 3]);
 * new mx.init.Xavier().apply(new mx.init.InitDesc('fc_weight'), w);
 * mx.init.create('["normal", {"sigma": 0.8}]').dumps(); // '["normal", {"sigma": 0.8}]'
 */

export { Bilinear } from './bilinear.js';
export {
  Constant,
  type ConstantOptions,
  type ConstantValue,
  type NestedValues,
} from './constant.js';
export { computeFans, xavierFactor } from './fans.js';
export { FusedRNN, type FusedRNNMode, type FusedRNNOptions } from './fused-rnn.js';
export { InitDesc } from './init-desc.js';
export { Initializer, type InitializerLike, type PrintFunc } from './initializer.js';
export { Load, type LoadInitOptions, type ParamDict } from './load.js';
export { flushLogs, type LogHandler, type LogRecord, setLogHandler } from './log.js';
export { LSTMBias, type LSTMBiasOptions } from './lstm-bias.js';
export { Mixed } from './mixed.js';
export { MSRAPrelu, type MSRAPreluOptions } from './msra-prelu.js';
export { Normal, type NormalOptions } from './normal.js';
export { One } from './one.js';
export { Orthogonal, type OrthogonalOptions, type OrthogonalRandType } from './orthogonal.js';
export { PyFloat, type PyNumber, pyFloat } from './py-float.js';
export { pyJsonDumps, pyJsonLoads } from './py-json.js';
export { alias, create, type InitializerClass, register, registeredNames } from './registry.js';
export { Uniform, type UniformOptions } from './uniform.js';
export {
  Xavier,
  type XavierFactorType,
  type XavierOptions,
  type XavierRndType,
} from './xavier.js';
export { Zero } from './zero.js';
