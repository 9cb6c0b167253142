import { InvalidArgumentError, NDArray, type NumpyArray } from '@mxts/core';
import { EvalMetric, type EvalMetricOptions, type MetricInput } from './eval-metric.js';

/** A custom evaluation: a sum, or `[sum, count]`, for one label/prediction pair. */
export type FEval = (label: NumpyArray, pred: NumpyArray) => number | [number, number];

/** Options of {@link CustomMetric}. */
export interface CustomMetricOptions extends EvalMetricOptions {
  /** Allow more predictions than labels (RNN states); default false. */
  allowExtraOutputs?: boolean;
}

/**
 * MXNet `mx.metric.CustomMetric(feval, name=None, allow_extra_outputs=False)`: `feval(label,
 * pred)` on the host values (NumpyArrays, as MXNet passes numpy arrays) gives a sum, or
 * `[sum, count]`; a plain number counts one instance. The default name is the function's
 * name, `custom(<lambda>)` for an anonymous one.
 *
 * @example
 * const m = new CustomMetric((l, p) => l.data.reduce((s, v, i) => s + Math.abs(v - p.data[i]), 0));
 * await m.update([y], [out]);
 */
export class CustomMetric extends EvalMetric {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'CustomMetric';
  private readonly feval: FEval;
  private readonly allowExtraOutputs: boolean;

  constructor(feval: FEval, options: CustomMetricOptions = {}) {
    if (typeof feval !== 'function') {
      throw new InvalidArgumentError('CustomMetric', 'feval must be a function (label, pred)');
    }
    const fname = feval.name === '' ? '<lambda>' : feval.name;
    const name = options.name ?? (fname.includes('<') ? `custom(${fname})` : fname);
    super(name, options, true);
    this.feval = feval;
    this.allowExtraOutputs = options.allowExtraOutputs ?? false;
  }

  /** MXNet `update(labels, preds)`; see {@link EvalMetric.update}. @example await m.update([y], [out]) */
  async update(labels: MetricInput, preds: MetricInput): Promise<void> {
    const op = 'CustomMetric.update';
    const ls: readonly NDArray[] = labels instanceof NDArray ? [labels] : labels;
    const ps: readonly NDArray[] = preds instanceof NDArray ? [preds] : preds;
    if (![...ls, ...ps].every((a) => a instanceof NDArray)) {
      throw new InvalidArgumentError(op, 'labels and preds must hold NDArrays');
    }
    if (!this.allowExtraOutputs && ls.length !== ps.length) {
      throw new InvalidArgumentError(
        op,
        `Shape of labels ${ls.length} does not match shape of predictions ${ps.length}`,
      );
    }
    const n = Math.min(ls.length, ps.length);
    const read = (a: NDArray) => a.asnumpy();
    const pairs = await Promise.all(
      Array.from({ length: n }, (_, i) => Promise.all([read(ls[i]), read(ps[i])])),
    );
    for (const [label, pred] of pairs) {
      const r = this.feval(label, pred);
      const [sum, count] = Array.isArray(r) ? r : [r, 1];
      this.sumMetric += sum;
      this.globalSumMetric += sum;
      this.numInst += count;
      this.globalNumInst += count;
    }
  }

  /** MXNet raises: a custom metric cannot be serialized. @example m.getConfig() // throws */
  override getConfig(): Record<string, unknown> {
    throw new InvalidArgumentError('CustomMetric.getConfig', 'CustomMetric cannot be serialized');
  }
}

/**
 * MXNet `mx.metric.np(numpy_feval, name=None, allow_extra_outputs=False)`: a
 * {@link CustomMetric} from a function of the host arrays.
 *
 * @example
 * const mae = np((l, p) => l.data.reduce((s, v, i) => s + Math.abs(v - p.data[i]), 0) / l.data.length);
 */
export function np(numpyFeval: FEval, name?: string, allowExtraOutputs = false): CustomMetric {
  return new CustomMetric(numpyFeval, { name, allowExtraOutputs });
}
