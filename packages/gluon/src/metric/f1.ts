import { InvalidArgumentError } from '@mxts/core';
import { BinaryStats } from './binary-stats.js';
import { EvalMetric, type EvalMetricOptions, type MetricInput, readPairs } from './eval-metric.js';

/** Options of {@link F1}. */
export interface F1Options extends EvalMetricOptions {
  /** 'macro' averages the F1 of each `update` call; 'micro' computes one F1 over all. Default 'macro'. */
  average?: 'macro' | 'micro';
}

/**
 * MXNet `mx.metric.F1(name='f1', average='macro')`: the F1 score of a binary classification
 * (MXNet 1.9.1's F1 is binary only): the predicted class is the argmax of each row of
 * `(batch, 2)` scores, class 1 is positive. 'macro' averages the F1 of each `update` call
 * (each call's counts are then cleared, global ones included, as MXNet); 'micro' reports the
 * F1 of all counts.
 *
 * @example
 * const f1 = new F1();
 * await f1.update([mx.nd.array([0, 1, 1])], [mx.nd.array([[0.3, 0.7], [0, 1], [0.4, 0.6]])]);
 * f1.get(); // ['f1', 0.8]
 */
export class F1 extends EvalMetric {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'F1';
  /** MXNet `average`. */
  readonly average: 'macro' | 'micro';
  // `declare`: the base constructor calls reset(), which creates it before field initializers run.
  declare private stats: BinaryStats;

  constructor(options: F1Options = {}) {
    const average = options.average ?? 'macro';
    if (average !== 'macro' && average !== 'micro') {
      throw new InvalidArgumentError(
        'F1',
        `average must be 'macro' or 'micro', got ${String(average)}`,
      );
    }
    super(options.name ?? 'f1', options, true, { average });
    this.average = average;
  }

  /** MXNet `update(labels, preds)`; see {@link EvalMetric.update}. @example await f1.update([y], [scores]) */
  async update(labels: MetricInput, preds: MetricInput): Promise<void> {
    const op = 'F1.update';
    const pairs = await readPairs(op, labels, preds);
    for (const [label, pred] of pairs) this.stats.add(op, label, pred);
    if (this.average === 'macro') {
      this.sumMetric += this.stats.local;
      this.globalSumMetric += this.stats.global;
      this.numInst += 1;
      this.globalNumInst += 1;
      this.stats.reset();
    } else {
      this.sumMetric = this.stats.local * this.stats.total;
      this.globalSumMetric = this.stats.global * this.stats.globalTotal;
      this.numInst = this.stats.total;
      this.globalNumInst = this.stats.globalTotal;
    }
  }

  override reset(): void {
    super.reset();
    this.stats ??= new BinaryStats();
    this.stats.reset();
  }

  override resetLocal(): void {
    super.resetLocal();
    this.stats.resetLocal();
  }
}
