import { InvalidArgumentError } from '@mxts/core';
import { BinaryStats } from './binary-stats.js';
import { EvalMetric, type EvalMetricOptions, type MetricInput, readPairs } from './eval-metric.js';

/** Options of {@link MCC}. */
export interface MCCOptions extends EvalMetricOptions {
  /** 'macro' averages the MCC of each `update` call; 'micro' computes one MCC over all. Default 'macro'. */
  average?: 'macro' | 'micro';
}

/**
 * MXNet `mx.metric.MCC(name='mcc', average='macro')`: the Matthews correlation coefficient
 * of a binary classification, `(TP*TN - FP*FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN))` with
 * zero factors counted as 1; predictions are `(batch, 2)` scores, as for {@link F1}.
 *
 * @example
 * const mcc = new MCC();
 * await mcc.update([labels], [scores]);
 * mcc.get(); // ['mcc', 0.0191775...] for MXNet's docstring example
 */
export class MCC extends EvalMetric {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'MCC';
  /** MXNet `_average`. */
  readonly average: 'macro' | 'micro';
  // `declare`: the base constructor calls reset(), which creates it before field initializers run.
  declare private stats: BinaryStats;

  constructor(options: MCCOptions = {}) {
    const average = options.average ?? 'macro';
    if (average !== 'macro' && average !== 'micro') {
      throw new InvalidArgumentError(
        'MCC',
        `average must be 'macro' or 'micro', got ${String(average)}`,
      );
    }
    super(options.name ?? 'mcc', options, true);
    this.average = average;
  }

  /** MXNet `update(labels, preds)`; see {@link EvalMetric.update}. @example await mcc.update([y], [scores]) */
  async update(labels: MetricInput, preds: MetricInput): Promise<void> {
    const op = 'MCC.update';
    const pairs = await readPairs(op, labels, preds);
    for (const [label, pred] of pairs) this.stats.add(op, label, pred);
    if (this.average === 'macro') {
      this.sumMetric += this.stats.mcc(false);
      this.globalSumMetric += this.stats.mcc(true);
      this.numInst += 1;
      this.globalNumInst += 1;
      this.stats.reset();
    } else {
      this.sumMetric = this.stats.mcc(false) * this.stats.total;
      this.globalSumMetric = this.stats.mcc(true) * this.stats.globalTotal;
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
