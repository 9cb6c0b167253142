// `gluon.lrScheduler`: MXNet's `mx.lr_scheduler` (python/mxnet/lr_scheduler.py, 1.9.1).
export { CosineScheduler, type CosineSchedulerOptions } from './cosine-scheduler.js';
export { FactorScheduler, type FactorSchedulerOptions } from './factor-scheduler.js';
export { LRScheduler, type LRSchedulerOptions, type WarmupMode } from './lr-scheduler.js';
export {
  MultiFactorScheduler,
  type MultiFactorSchedulerOptions,
} from './multi-factor-scheduler.js';
export { PolyScheduler, type PolySchedulerOptions } from './poly-scheduler.js';
