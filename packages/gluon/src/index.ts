/**
 * `@mxts/gluon`: MXNet's Gluon API (`mxnet.gluon`) over `@mxts/core`: parameters, blocks,
 * `nn` layers, losses, the Trainer, optimizers, learning-rate schedulers, metrics and data
 * loading.
 *
 * @example
 * import * as mx from '@mxts/core';
 * import * as gluon from '@mxts/gluon';
 * const net = new gluon.nn.HybridSequential();
 * net.add(new gluon.nn.Dense(32, { activation: 'relu' }), new gluon.nn.Dense(2));
 * net.initialize(new mx.init.Xavier());
 * const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
 */
export {
  Block,
  type BlockOptions,
  type ForwardHook,
  type ForwardPreHook,
  type HookHandle,
  type HybridizeOptions,
  type LoadParametersOptions,
} from './block.js';
/** MXNet's `gluon.data`: datasets, samplers, `DataLoader`, `vision`. */
export * as data from './data/index.js';
export {
  AbstractMethodError,
  DatasetFilesMissingError,
  DeferredInitializationError,
  ParameterNotInitializedError,
} from './errors/index.js';
export { type F, HybridBlock, type HybridParams } from './hybrid-block.js';
/** MXNet's `gluon.loss`: `L2Loss`, `SoftmaxCrossEntropyLoss`, .... */
export * as loss from './loss/index.js';
/** MXNet's `mx.lr_scheduler`: `FactorScheduler`, `CosineScheduler`, .... */
export * as lrScheduler from './lr-scheduler/index.js';
/** MXNet's `mx.metric` (`gluon.metric` in 2.x): `Accuracy`, `CrossEntropy`, .... */
export * as metric from './metric/index.js';
/** MXNet's `gluon.nn`: layers (`Dense`, `Conv2D`, `BatchNorm`, ...) and containers. */
export * as nn from './nn/index.js';
/** MXNet's `mx.optimizer`: `SGD`, `Adam`, ... and `Updater`, as the Trainer uses them. */
export * as optimizer from './optimizer/index.js';
export {
  Constant,
  type GradReq,
  type InitLike,
  Parameter,
  type ParameterInitOptions,
  type ParameterOptions,
} from './parameter.js';
export {
  type ParameterAttr,
  ParameterDict,
  type ParameterDictInitOptions,
  type ParameterDictLoadOptions,
} from './parameter-dict.js';
export { type StepOptions, Trainer, type TrainerOptions } from './trainer.js';
/** MXNet's `gluon.utils`: `splitData`, `splitAndLoad`, `clipGlobalNorm`. */
export * as utils from './utils/index.js';
