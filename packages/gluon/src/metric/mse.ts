import { EvalMetric, type EvalMetricOptions, type MetricInput, readPairs } from './eval-metric.js';
import { meanOf } from './regression.js';

/**
 * MXNet `mx.metric.MSE(name='mse')`: the mean squared error, `mean((label - pred)^2)`, of each pair of arrays,
 * averaged over the pairs (each pair counts once, whatever its size, as MXNet's); a float32 mean is rounded to float32 as numpy's. 1-D arrays
 * are taken as `(n, 1)` columns.
 *
 * @example
 * const m = new MSE();
 * await m.update([mx.nd.array([2.5, 0, 2, 8])], [mx.nd.array([3, -0.5, 2, 7])]);
 * m.get(); // ['mse', 0.375]
 */
export class MSE extends EvalMetric {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'MSE';
  constructor(options: EvalMetricOptions = {}) {
    super(options.name ?? 'mse', options, true);
  }

  /** MXNet `update(labels, preds)`; see {@link EvalMetric.update}. @example await m.update([y], [out]) */
  async update(labels: MetricInput, preds: MetricInput): Promise<void> {
    const op = 'MSE.update';
    for (const [label, pred] of await readPairs(op, labels, preds)) {
      const v = meanOf(op, label, pred, (d) => d * d);
      this.sumMetric += v;
      this.globalSumMetric += v;
      this.numInst += 1;
      this.globalNumInst += 1;
    }
  }
}
