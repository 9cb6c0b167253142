import { InvalidArgumentError, NDArray } from '@mxts/core';
import { EvalMetric, type EvalMetricOptions, type MetricInput } from './eval-metric.js';

/**
 * MXNet `mx.metric.Loss(name='loss')`: the mean of the loss values given as predictions
 * (labels are ignored): `sum(pred)` over `pred.size` elements, accumulated. The sum of a
 * float32 array is rounded to float32, as MXNet's `nd.sum(pred).asscalar()`.
 *
 * @example
 * const m = new Loss();
 * await m.update([], [lossValues]);
 * m.get(); // ['loss', mean of all losses so far]
 */
export class Loss extends EvalMetric {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Loss';
  constructor(options: EvalMetricOptions = {}) {
    super(options.name ?? 'loss', options, true);
  }

  /** MXNet `update(_, preds)`: the labels are not read. @example await m.update([], [loss]) */
  async update(_labels: MetricInput | null, preds: MetricInput): Promise<void> {
    const op = 'Loss.update';
    const ps: readonly NDArray[] = preds instanceof NDArray ? [preds] : preds;
    if (!Array.isArray(ps as unknown) || !ps.every((p) => p instanceof NDArray)) {
      throw new InvalidArgumentError(op, 'preds must be an NDArray or a list of NDArrays');
    }
    const values = await Promise.all(ps.map((p) => p.data()));
    for (const v of values) {
      let s = 0;
      for (let i = 0; i < v.length; i++) s += v[i];
      const loss = v instanceof Float32Array ? Math.fround(s) : s;
      this.sumMetric += loss;
      this.globalSumMetric += loss;
      this.numInst += v.length;
      this.globalNumInst += v.length;
    }
  }
}
