import { EvalMetric, type EvalMetricOptions, type MetricInput, readPairs } from './eval-metric.js';
import { isF32, meanOf, rootOf } from './regression.js';

/**
 * MXNet `mx.metric.RMSE(name='rmse')`: the root mean squared error of each pair of arrays,
 * averaged over the pairs: as MXNet 1.9.1, the mean of per-batch RMSEs, not the RMSE of all
 * elements. 1-D arrays are taken as `(n, 1)` columns.
 *
 * @example
 * const m = new RMSE();
 * await m.update([mx.nd.array([2.5, 0, 2, 8])], [mx.nd.array([3, -0.5, 2, 7])]);
 * m.get(); // ['rmse', 0.6123724356957945]
 */
export class RMSE extends EvalMetric {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'RMSE';
  constructor(options: EvalMetricOptions = {}) {
    super(options.name ?? 'rmse', options, true);
  }

  /** MXNet `update(labels, preds)`; see {@link EvalMetric.update}. @example await m.update([y], [out]) */
  async update(labels: MetricInput, preds: MetricInput): Promise<void> {
    const op = 'RMSE.update';
    for (const [label, pred] of await readPairs(op, labels, preds)) {
      const v = rootOf(
        meanOf(op, label, pred, (d) => d * d),
        isF32(label, pred),
      );
      this.sumMetric += v;
      this.globalSumMetric += v;
      this.numInst += 1;
      this.globalNumInst += 1;
    }
  }
}
