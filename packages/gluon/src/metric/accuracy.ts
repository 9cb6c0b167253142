import { InvalidArgumentError, ShapeError } from '@mxts/core';
import {
  argmaxAxis,
  EvalMetric,
  type EvalMetricOptions,
  type MetricInput,
  readPairs,
  toInt,
} from './eval-metric.js';

/** Options of {@link Accuracy}. */
export interface AccuracyOptions extends EvalMetricOptions {
  /** The class axis of the predictions; default 1. */
  axis?: number;
}

/**
 * MXNet `mx.metric.Accuracy(axis=1, name='accuracy')`: the fraction of predictions equal to
 * the labels. Predictions of another shape than the labels are class scores: their argmax
 * over `axis` is taken; both are then truncated to integers and compared element by element.
 *
 * @example
 * const acc = new Accuracy();
 * await acc.update([mx.nd.array([0, 1, 1])], [mx.nd.array([[0.3, 0.7], [0, 1], [0.4, 0.6]])]);
 * acc.get(); // ['accuracy', 0.6666666666666666]
 */
export class Accuracy extends EvalMetric {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Accuracy';
  /** MXNet `axis`. */
  readonly axis: number;

  constructor(options: AccuracyOptions = {}) {
    const axis = options.axis ?? 1;
    if (!Number.isInteger(axis)) {
      throw new InvalidArgumentError('Accuracy', `axis must be an integer, got ${String(axis)}`);
    }
    super(options.name ?? 'accuracy', options, true, { axis });
    this.axis = axis;
  }

  /** MXNet `update(labels, preds)`; see {@link EvalMetric.update}. @example await acc.update([y], [out]) */
  async update(labels: MetricInput, preds: MetricInput): Promise<void> {
    const op = 'Accuracy.update';
    for (const [label, pred] of await readPairs(op, labels, preds)) {
      let predLabel: ArrayLike<number> = pred.values;
      if (!sameShape(pred.shape, label.shape)) {
        const nd = pred.shape.length;
        if (this.axis < -nd || this.axis >= nd) {
          throw new InvalidArgumentError(
            op,
            `axis ${this.axis} is out of range for predictions of shape (${pred.shape.join(', ')})`,
          );
        }
        predLabel = argmaxAxis(pred, this.axis).values;
      }
      if (predLabel.length !== label.values.length) {
        throw new ShapeError(
          op,
          [label.shape, pred.shape],
          `Shape of labels ${label.values.length} does not match shape of predictions ${predLabel.length}`,
        );
      }
      let correct = 0;
      for (let i = 0; i < predLabel.length; i++) {
        if (toInt(predLabel[i]) === toInt(label.values[i])) correct++;
      }
      this.sumMetric += correct;
      this.globalSumMetric += correct;
      this.numInst += predLabel.length;
      this.globalNumInst += predLabel.length;
    }
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
