import { InvalidArgumentError } from '@mxts/core';
import { Accuracy } from './accuracy.js';
import { CompositeEvalMetric, type MetricLike, resolveMetric } from './composite-eval-metric.js';
import { CrossEntropy, NegativeLogLikelihood } from './cross-entropy.js';
import { EvalMetric, type MetricResult } from './eval-metric.js';
import { F1 } from './f1.js';
import { Loss } from './loss.js';
import { MAE } from './mae.js';
import { MCC } from './mcc.js';
import { type MetricFactory, metricRegistry } from './metric-registry.js';
import { MSE } from './mse.js';
import { PearsonCorrelation } from './pearson-correlation.js';
import { Perplexity } from './perplexity.js';
import { RMSE } from './rmse.js';
import { TopKAccuracy } from './top-k-accuracy.js';

const builtins: [string[], MetricFactory][] = [
  [['accuracy', 'acc'], (o) => new Accuracy(o)],
  [['topkaccuracy', 'top_k_accuracy', 'top_k_acc'], (o) => new TopKAccuracy(o)],
  [['f1'], (o) => new F1(o)],
  [
    ['perplexity'],
    (o) => {
      const { ignoreLabel, ...rest } = o;
      if (ignoreLabel === undefined) {
        throw new InvalidArgumentError(
          'create',
          "perplexity needs ignoreLabel (MXNet's required ignore_label), e.g. create('perplexity', { ignoreLabel: -1 })",
        );
      }
      return new Perplexity(ignoreLabel as number | null, rest);
    },
  ],
  [['mae'], (o) => new MAE(o)],
  [['mse'], (o) => new MSE(o)],
  [['rmse'], (o) => new RMSE(o)],
  [['crossentropy', 'ce'], (o) => new CrossEntropy(o)],
  [['negativeloglikelihood', 'nll_loss'], (o) => new NegativeLogLikelihood(o)],
  [['mcc'], (o) => new MCC(o)],
  [['pearsoncorrelation', 'pearsonr'], (o) => new PearsonCorrelation(o)],
  [['loss'], (o) => new Loss(o)],
  [
    ['compositeevalmetric', 'composite'],
    (o) => {
      const { metrics, ...rest } = o;
      return new CompositeEvalMetric((metrics ?? []) as MetricLike[], rest);
    },
  ],
];
for (const [names, f] of builtins) for (const n of names) metricRegistry.set(n, f);

/**
 * MXNet `mx.metric.register` (with `alias`): makes a metric available to `create` under each
 * of `names` (case insensitive); a name registered again is replaced, as MXNet (which warns).
 *
 * @example
 * registerMetric(['myacc'], (o) => new Accuracy({ ...o, name: 'myacc' }));
 */
export function registerMetric(names: string | readonly string[], factory: MetricFactory): void {
  const list = typeof names === 'string' ? [names] : names;
  if (typeof factory !== 'function' || list.length === 0) {
    throw new InvalidArgumentError('registerMetric', 'expects names and a factory function');
  }
  for (const n of list) metricRegistry.set(n.toLowerCase(), factory);
}

/**
 * MXNet `mx.metric.create(metric, **kwargs)`: a metric from its registered name (case
 * insensitive: 'acc'/'accuracy', 'top_k_accuracy', 'f1', 'perplexity', 'mae', 'mse', 'rmse',
 * 'ce'/'crossentropy', 'nll_loss', 'mcc', 'pearsonr', 'loss', 'composite') with camelCase options, an `EvalMetric` (returned as is),
 * or a list of these (a `CompositeEvalMetric`). MXNet's custom metric functions are not
 * supported.
 *
 * @example
 * const acc = create('acc');
 * const both = create(['acc', new RMSE()]);
 * const top3 = create('top_k_accuracy', { topK: 3 });
 */
export function create(
  metric: MetricLike | readonly MetricLike[],
  options: Record<string, unknown> = {},
): EvalMetric<MetricResult> {
  if (Array.isArray(metric)) {
    const composite = new CompositeEvalMetric();
    for (const m of metric) composite.add(create(m, options));
    return composite;
  }
  if (metric instanceof EvalMetric) {
    if (Object.keys(options).length > 0) {
      throw new InvalidArgumentError(
        'create',
        'metric is already an instance. Additional arguments are invalid',
      );
    }
    return metric;
  }
  if (typeof metric !== 'string') {
    throw new InvalidArgumentError(
      'create',
      `metric must be a name, an EvalMetric or a list of them, got ${typeof metric}`,
    );
  }
  const f = metricRegistry.get(metric.toLowerCase());
  if (f === undefined) return resolveMetric('create', metric);
  return f(options);
}
