// `gluon.metric`: MXNet's `mx.metric` (python/mxnet/metric.py, 1.9.1).
export { Accuracy, type AccuracyOptions } from './accuracy.js';
export {
  CompositeEvalMetric,
  type MetricLike,
} from './composite-eval-metric.js';
export { create, registerMetric, registerMetric as register } from './create.js';
export {
  CrossEntropy,
  type CrossEntropyOptions,
  NegativeLogLikelihood,
} from './cross-entropy.js';
export { CustomMetric, type CustomMetricOptions, type FEval, np } from './custom-metric.js';
export {
  EvalMetric,
  type EvalMetricOptions,
  type MetricInput,
  type MetricResult,
} from './eval-metric.js';
export { F1, type F1Options } from './f1.js';
export { Loss } from './loss.js';
export { MAE } from './mae.js';
export { MCC, type MCCOptions } from './mcc.js';
export type { MetricFactory } from './metric-registry.js';
export { MSE } from './mse.js';
export {
  PearsonCorrelation,
  type PearsonCorrelationOptions,
} from './pearson-correlation.js';
export { Perplexity, type PerplexityOptions } from './perplexity.js';
export { RMSE } from './rmse.js';
export { TopKAccuracy, type TopKAccuracyOptions } from './top-k-accuracy.js';
