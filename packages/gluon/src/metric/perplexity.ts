import { InvalidArgumentError, ShapeError } from '@mxts/core';
import {
  EvalMetric,
  type EvalMetricOptions,
  type MetricInput,
  readPairs,
  toInt,
} from './eval-metric.js';

/** Options of {@link Perplexity}. */
export interface PerplexityOptions extends EvalMetricOptions {
  /** The class axis of the predictions; default -1. */
  axis?: number;
}

/**
 * MXNet `mx.metric.Perplexity(ignore_label, axis=-1, name='perplexity')`:
 * `exp(-sum(log(max(1e-10, p))) / n)` where `p` is the probability predicted for each label
 * (picked along `axis`, indices clipped into range as `nd.pick`), leaving out labels equal to
 * `ignoreLabel` (null counts every label).
 *
 * @example
 * const m = new Perplexity(null);
 * await m.update([mx.nd.array([0, 1, 1])], [mx.nd.array([[0.3, 0.7], [0, 1], [0.4, 0.6]])]);
 * m.get(); // ['perplexity', 1.7710976285155853]
 */
export class Perplexity extends EvalMetric {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Perplexity';
  /** MXNet `ignore_label`. */
  readonly ignoreLabel: number | null;
  /** MXNet `axis`. */
  readonly axis: number;

  constructor(ignoreLabel: number | null, options: PerplexityOptions = {}) {
    if (ignoreLabel !== null && typeof ignoreLabel !== 'number') {
      throw new InvalidArgumentError(
        'Perplexity',
        `ignoreLabel must be a number or null (required, as MXNet's ignore_label), got ${String(ignoreLabel)}`,
      );
    }
    const axis = options.axis ?? -1;
    if (!Number.isInteger(axis)) {
      throw new InvalidArgumentError('Perplexity', `axis must be an integer, got ${axis}`);
    }
    super(options.name ?? 'perplexity', options, true, { ignoreLabel });
    this.ignoreLabel = ignoreLabel;
    this.axis = axis;
  }

  /** MXNet `update(labels, preds)`; see {@link EvalMetric.update}. @example await m.update([y], [probs]) */
  async update(labels: MetricInput, preds: MetricInput): Promise<void> {
    const op = 'Perplexity.update';
    let loss = 0;
    let num = 0;
    for (const [label, pred] of await readPairs(op, labels, preds)) {
      const nd = pred.shape.length;
      const a = this.axis < 0 ? this.axis + nd : this.axis;
      if (a < 0 || a >= nd) {
        throw new InvalidArgumentError(
          op,
          `axis ${this.axis} is out of range for ${nd}-D predictions`,
        );
      }
      const classes = pred.shape[a];
      const inner = pred.shape.slice(a + 1).reduce((x, y) => x * y, 1);
      const size = pred.values.length / pred.shape[nd - 1];
      if (label.values.length !== size) {
        throw new ShapeError(
          op,
          [label.shape, pred.shape],
          'shape mismatch: the labels must number pred.size / pred.shape[-1]',
        );
      }
      for (let i = 0; i < label.values.length; i++) {
        const lv = label.values[i];
        if (this.ignoreLabel !== null && lv === this.ignoreLabel) {
          num -= 1; // MXNet sets p = 1 there: log(1) adds nothing
          continue;
        }
        const k = Math.min(Math.max(toInt(lv), 0), classes - 1);
        const o = Math.floor(i / inner);
        const p = pred.values[(o * classes + k) * inner + (i % inner)];
        loss -= Math.log(Math.max(1e-10, p));
      }
      num += label.values.length;
    }
    this.sumMetric += loss;
    this.globalSumMetric += loss;
    this.numInst += num;
    this.globalNumInst += num;
  }

  /** MXNet `get()`: `[name, exp(sumMetric / numInst)]`. @example m.get() */
  override get(): [string, number] {
    if (this.numInst === 0) return [this.name, Number.NaN];
    return [this.name, Math.exp(this.sumMetric / this.numInst)];
  }

  /** MXNet `get_global()`. @example m.getGlobal() */
  override getGlobal(): [string, number] {
    if (this.globalNumInst === 0) return [this.name, Number.NaN];
    return [this.name, Math.exp(this.globalSumMetric / this.globalNumInst)];
  }
}
