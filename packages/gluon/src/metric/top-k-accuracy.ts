import { InvalidArgumentError, ShapeError } from '@mxts/core';
import {
  EvalMetric,
  type EvalMetricOptions,
  type MetricInput,
  readPairs,
  toInt,
} from './eval-metric.js';

/** Options of {@link TopKAccuracy}. */
export interface TopKAccuracyOptions extends EvalMetricOptions {
  /** How many of the highest scores may hold the label; must be > 1 (use Accuracy for 1). */
  topK?: number;
}

/**
 * MXNet `mx.metric.TopKAccuracy(top_k=1, name='top_k_accuracy')`: a prediction counts as
 * right when the label is among the `topK` highest of its row of class scores (predictions
 * `(batch, classes)`). The name gets `_<topK>` appended, as MXNet's. MXNet picks the top k
 * with numpy's `argpartition`, whose choice among tied scores is unspecified; here ties go
 * to the lower class index. MXNet's 1-D predictions (a degenerate case that compares
 * partition indices) are refused.
 *
 * @example
 * const m = new TopKAccuracy({ topK: 2 });
 * await m.update([mx.nd.array([2, 0])], [mx.nd.array([[0.1, 0.5, 0.4], [0.2, 0.3, 0.5]])]);
 * m.get(); // ['top_k_accuracy_2', 0.5]
 */
export class TopKAccuracy extends EvalMetric {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'TopKAccuracy';
  /** MXNet `top_k`. */
  readonly topK: number;

  constructor(options: TopKAccuracyOptions = {}) {
    const topK = options.topK ?? 1;
    if (!Number.isInteger(topK) || !(topK > 1)) {
      throw new InvalidArgumentError(
        'TopKAccuracy',
        `Please use Accuracy if top_k is no more than 1 (got topK=${String(topK)})`,
      );
    }
    super(options.name ?? 'top_k_accuracy', options, true, { topK });
    this.topK = topK;
    this.name += `_${topK}`;
  }

  /** MXNet `update(labels, preds)`; see {@link EvalMetric.update}. @example await m.update([y], [scores]) */
  async update(labels: MetricInput, preds: MetricInput): Promise<void> {
    const op = 'TopKAccuracy.update';
    for (const [label, pred] of await readPairs(op, labels, preds)) {
      if (pred.shape.length !== 2) {
        throw new ShapeError(
          op,
          [pred.shape],
          'predictions must be 2-D (batch, classes); MXTS does not take 1-D predictions',
        );
      }
      const [rows, classes] = pred.shape;
      if (label.values.length !== rows) {
        throw new ShapeError(
          op,
          [label.shape, pred.shape],
          `Shape of labels ${label.values.length} does not match shape of predictions ${rows}`,
        );
      }
      const k = Math.min(classes, this.topK);
      let correct = 0;
      for (let r = 0; r < rows; r++) {
        const idx = Array.from({ length: classes }, (_, c) => c);
        const row = (c: number) => pred.values[r * classes + c];
        idx.sort((a, b) => row(b) - row(a) || a - b);
        const want = toInt(label.values[r]);
        for (let j = 0; j < k; j++) if (idx[j] === want) correct++;
      }
      this.sumMetric += correct;
      this.globalSumMetric += correct;
      this.numInst += rows;
      this.globalNumInst += rows;
    }
  }
}
