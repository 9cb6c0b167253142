import { InvalidArgumentError, ShapeError } from '@mxts/core';
import { EvalMetric, type EvalMetricOptions, type MetricInput, readPairs } from './eval-metric.js';

/** Options of {@link PearsonCorrelation}. */
export interface PearsonCorrelationOptions extends EvalMetricOptions {
  /** 'macro' averages the correlation of each pair; 'micro' computes one over all. Default 'macro'. */
  average?: 'macro' | 'micro';
}

/**
 * MXNet `mx.metric.PearsonCorrelation(name='pearsonr', average='macro')`: the Pearson
 * correlation of predictions and labels (flattened, in float64). 'macro' averages numpy's
 * `corrcoef` of each pair; 'micro' keeps MXNet's running sums (Welford's variance, and its
 * covariance term taken against the label mean already updated with the batch and the
 * prediction mean not yet updated, as MXNet 1.9.1 does).
 *
 * @example
 * const pr = new PearsonCorrelation();
 * await pr.update([mx.nd.array([[1, 0], [0, 1], [0, 1]])], [mx.nd.array([[0.3, 0.7], [0, 1], [0.4, 0.6]])]);
 * pr.get(); // ['pearsonr', 0.42163704544016178]
 */
export class PearsonCorrelation extends EvalMetric {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'PearsonCorrelation';
  /** MXNet `average`. */
  readonly average: 'macro' | 'micro';
  private ssePred = 0;
  private meanPred = 0;
  private sseLabel = 0;
  private meanLabel = 0;
  private predNums = 0;
  private labelNums = 0;
  private conv = 0;

  constructor(options: PearsonCorrelationOptions = {}) {
    const average = options.average ?? 'macro';
    if (average !== 'macro' && average !== 'micro') {
      throw new InvalidArgumentError(
        'PearsonCorrelation',
        `average must be 'macro' or 'micro', got ${String(average)}`,
      );
    }
    super(options.name ?? 'pearsonr', options, true);
    this.average = average;
  }

  override reset(): void {
    super.reset();
    this.resetMicro();
  }

  private resetMicro(): void {
    this.ssePred = 0;
    this.meanPred = 0;
    this.sseLabel = 0;
    this.meanLabel = 0;
    this.predNums = 0;
    this.labelNums = 0;
    this.conv = 0;
  }

  /** MXNet `update(labels, preds)`; see {@link EvalMetric.update}. @example await pr.update([y], [out]) */
  async update(labels: MetricInput, preds: MetricInput): Promise<void> {
    const op = 'PearsonCorrelation.update';
    for (const [lh, ph] of await readPairs(op, labels, preds)) {
      if (lh.shape.length !== ph.shape.length || lh.shape.some((d, i) => d !== ph.shape[i])) {
        throw new ShapeError(
          op,
          [lh.shape, ph.shape],
          'labels and predictions must have one shape',
        );
      }
      const label = Array.from(lh.values);
      const pred = Array.from(ph.values);
      if (this.average === 'macro') {
        const r = corrcoef(pred, label);
        this.sumMetric += r;
        this.globalSumMetric += r;
        this.numInst += 1;
        this.globalNumInst += 1;
      } else {
        this.globalNumInst += 1;
        this.numInst += 1;
        [this.labelNums, this.meanLabel, this.sseLabel] = welford(
          label,
          this.labelNums,
          this.meanLabel,
          this.sseLabel,
        );
        let c = 0;
        for (let i = 0; i < label.length; i++) {
          c += (label[i] - this.meanLabel) * (pred[i] - this.meanPred);
        }
        this.conv += c;
        [this.predNums, this.meanPred, this.ssePred] = welford(
          pred,
          this.predNums,
          this.meanPred,
          this.ssePred,
        );
      }
    }
  }

  /** MXNet `get()`. @example pr.get() */
  override get(): [string, number] {
    if (this.numInst === 0) return [this.name, Number.NaN];
    if (this.average === 'macro') return [this.name, this.sumMetric / this.numInst];
    const n = this.labelNums;
    const r =
      this.conv /
      ((n - 1) * Math.sqrt(this.ssePred / (n - 1)) * Math.sqrt(this.sseLabel / (n - 1)));
    return [this.name, r];
  }
}

/** MXNet's `update_variance`: Welford's online algorithm over a batch. */
function welford(
  values: number[],
  count: number,
  mean: number,
  m2: number,
): [number, number, number] {
  const n = count + values.length;
  const delta = values.map((v) => v - mean);
  let m = mean;
  for (const d of delta) m += d / n;
  let s = m2;
  for (let i = 0; i < values.length; i++) s += delta[i] * (values[i] - m);
  return [n, m, s];
}

/** numpy's `corrcoef(x, y)[0, 1]`. */
function corrcoef(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
