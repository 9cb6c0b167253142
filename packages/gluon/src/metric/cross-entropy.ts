import { InvalidArgumentError, ShapeError } from '@mxts/core';
import { mxnetName } from '../mxnet-name.js';
import {
  EvalMetric,
  type EvalMetricOptions,
  type MetricInput,
  readPairs,
  toInt,
} from './eval-metric.js';

/** Options of {@link CrossEntropy}. */
export interface CrossEntropyOptions extends EvalMetricOptions {
  /** Added to each probability before the log; default 1e-12. */
  eps?: number;
}

/**
 * MXNet `mx.metric.CrossEntropy(eps=1e-12, name='cross-entropy')`: the mean over samples of
 * `-log(p + eps)`, `p` the probability a `(batch, classes)` prediction gives the label. As
 * numpy does for float32 predictions, every step rounds to float32 (so eps only matters for tiny `p`) and
 * a negative label counts from the end of the row.
 *
 * @example
 * const ce = new CrossEntropy();
 * await ce.update([mx.nd.array([0, 1, 1])], [mx.nd.array([[0.3, 0.7], [0, 1], [0.4, 0.6]])]);
 * ce.get(); // ['cross-entropy', 0.5715994...]
 */
export class CrossEntropy extends EvalMetric {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'CrossEntropy';
  /** MXNet `eps`. */
  readonly eps: number;

  constructor(options: CrossEntropyOptions = {}) {
    const eps = options.eps ?? 1e-12;
    if (typeof eps !== 'number' || !Number.isFinite(eps)) {
      throw new InvalidArgumentError('CrossEntropy', `eps must be a finite number, got ${eps}`);
    }
    super(options.name ?? 'cross-entropy', options, true, { eps });
    this.eps = eps;
  }

  /** MXNet `update(labels, preds)`; see {@link EvalMetric.update}. @example await ce.update([y], [probs]) */
  async update(labels: MetricInput, preds: MetricInput): Promise<void> {
    const op = `${mxnetName(this)}.update`;
    for (const [label, pred] of await readPairs(op, labels, preds)) {
      const n = label.values.length;
      if (pred.shape.length !== 2 || pred.shape[0] !== n) {
        throw new ShapeError(
          op,
          [label.shape, pred.shape],
          'predictions must be (batch, classes) with one label per row',
        );
      }
      const classes = pred.shape[1];
      const f = pred.values instanceof Float64Array ? (x: number) => x : Math.fround;
      let ce = 0;
      for (let i = 0; i < n; i++) {
        let k = toInt(label.values[i]);
        if (k < -classes || k >= classes) {
          throw new InvalidArgumentError(
            op,
            `label ${label.values[i]} is out of range for ${classes} classes`,
          );
        }
        if (k < 0) k += classes;
        const p = pred.values[i * classes + k];
        // numpy computes on the float32 array: each step rounds to float32.
        ce = f(ce + f(-Math.log(f(p + this.eps))));
      }
      this.sumMetric += ce;
      this.globalSumMetric += ce;
      this.numInst += n;
      this.globalNumInst += n;
    }
  }
}

/**
 * MXNet `mx.metric.NegativeLogLikelihood(eps=1e-12, name='nll-loss')`: the same computation
 * as {@link CrossEntropy} (MXNet's two classes share it line for line) under its own name.
 *
 * @example
 * const nll = new NegativeLogLikelihood();
 * await nll.update([mx.nd.array([0, 1, 1])], [mx.nd.array([[0.3, 0.7], [0, 1], [0.4, 0.6]])]);
 * nll.get(); // ['nll-loss', 0.5715994...]
 */
export class NegativeLogLikelihood extends CrossEntropy {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'NegativeLogLikelihood';
  constructor(options: CrossEntropyOptions = {}) {
    super({ ...options, name: options.name ?? 'nll-loss' });
  }
}
