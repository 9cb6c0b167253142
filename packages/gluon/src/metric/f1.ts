import { InvalidArgumentError, ShapeError } from '@mxts/core';
import {
  argmaxAxis,
  EvalMetric,
  type EvalMetricOptions,
  type HostValues,
  type MetricInput,
  readPairs,
  toInt,
} from './eval-metric.js';

/** Options of {@link F1}. */
export interface F1Options extends EvalMetricOptions {
  /** 'macro' averages the F1 of each `update` call; 'micro' computes one F1 over all. Default 'macro'. */
  average?: 'macro' | 'micro';
}

/** MXNet's `_BinaryClassificationMetrics`: true/false positive/negative counts. */
class BinaryStats {
  tp = 0;
  fn = 0;
  fp = 0;
  tn = 0;
  gtp = 0;
  gfn = 0;
  gfp = 0;
  gtn = 0;

  add(op: string, label: HostValues, pred: HostValues): void {
    if (pred.shape.length !== 2) {
      throw new ShapeError(op, [pred.shape], 'predictions must be 2-D (batch, 2 class scores)');
    }
    const predLabel = argmaxAxis(pred, 1).values;
    if (label.values.length !== pred.shape[0]) {
      throw new ShapeError(
        op,
        [label.shape, pred.shape],
        `Shape of labels ${label.values.length} does not match shape of predictions ${pred.shape[0]}`,
      );
    }
    const ints = Array.from(label.values, toInt);
    if (new Set(ints).size > 2) {
      throw new InvalidArgumentError(op, 'F1 currently only supports binary classification.');
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    ints.forEach((l, i) => {
      const p = predLabel[i] === 1;
      const t = l === 1;
      if (p && t) tp++;
      else if (p) fp++;
      else if (t) fn++;
      else tn++;
    });
    this.tp += tp;
    this.gtp += tp;
    this.fp += fp;
    this.gfp += fp;
    this.fn += fn;
    this.gfn += fn;
    this.tn += tn;
    this.gtn += tn;
  }

  static fscore(tp: number, fp: number, fn: number): number {
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  }

  get local(): number {
    return BinaryStats.fscore(this.tp, this.fp, this.fn);
  }

  get global(): number {
    return BinaryStats.fscore(this.gtp, this.gfp, this.gfn);
  }

  get total(): number {
    return this.tp + this.fp + this.fn + this.tn;
  }

  get globalTotal(): number {
    return this.gtp + this.gfp + this.gfn + this.gtn;
  }

  resetLocal(): void {
    this.tp = 0;
    this.fp = 0;
    this.fn = 0;
    this.tn = 0;
  }

  reset(): void {
    this.resetLocal();
    this.gtp = 0;
    this.gfp = 0;
    this.gfn = 0;
    this.gtn = 0;
  }
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
