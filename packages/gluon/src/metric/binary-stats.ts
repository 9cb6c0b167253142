import { InvalidArgumentError, ShapeError } from '@mxts/core';
import { argmaxAxis, type HostValues, toInt } from './eval-metric.js';

/** @internal MXNet's `_BinaryClassificationMetrics`: true/false positive/negative counts. */
export class BinaryStats {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'BinaryStats';
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
      throw new InvalidArgumentError(
        op,
        `${op.split('.')[0]} currently only supports binary classification.`,
      );
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

  /** MXNet `matthewscc(use_global)`: zero factors of the denominator count as 1. */
  mcc(global: boolean): number {
    const [tp, fp, fn, tn] = global
      ? [this.gtp, this.gfp, this.gfn, this.gtn]
      : [this.tp, this.fp, this.fn, this.tn];
    if (tp + fp + fn + tn === 0) return 0;
    let denom = 1;
    for (const t of [tp + fp, tp + fn, tn + fp, tn + fn]) if (t !== 0) denom *= t;
    return (tp * tn - fp * fn) / Math.sqrt(denom);
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
