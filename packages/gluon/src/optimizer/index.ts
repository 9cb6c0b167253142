// `gluon.optimizer`: MXNet's `mx.optimizer` (python/mxnet/optimizer/optimizer.py, 1.9.1).
export { AdaDelta, type AdaDeltaOptions } from './ada-delta.js';
export { AdaGrad, type AdaGradOptions } from './ada-grad.js';
export { Adam, type AdamOptions } from './adam.js';
export { Adamax, type AdamaxOptions } from './adamax.js';
export {
  createOptimizer,
  createOptimizer as create,
  type OptimizerClass,
  registerOptimizer,
  registerOptimizer as register,
} from './create-optimizer.js';
export { FTML, type FTMLOptions } from './ftml.js';
export { Ftrl, type FtrlOptions } from './ftrl.js';
export { LAMB, type LAMBOptions } from './lamb.js';
export { Nadam, type NadamOptions } from './nadam.js';
export { NAG, type NAGOptions } from './nag.js';
export {
  type MultKey,
  Optimizer,
  type OptimizerOptions,
  type OptimizerParam,
  type OptimizerState,
} from './optimizer.js';
export { RMSProp, type RMSPropOptions } from './rmsprop.js';
export { SGD, type SGDOptions } from './sgd.js';
export { SGLD } from './sgld.js';
export { Signum, type SignumOptions } from './signum.js';
export { getUpdater, Updater } from './updater.js';
