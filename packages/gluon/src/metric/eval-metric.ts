import { InvalidArgumentError, NDArray } from '@mxts/core';
import { mxnetName } from '../mxnet-name.js';

/** What `get()` gives: `[name, value]`, or for a composite `[names, values]`. */
export type MetricResult = [string, number] | [string[], number[]];

/** The options every metric takes (MXNet's `name`, `output_names`, `label_names`). */
export interface EvalMetricOptions {
  /** The display name; each metric has its own default. */
  name?: string;
  /** The predictions `updateDict` uses, by name; default all. */
  outputNames?: readonly string[] | null;
  /** The labels `updateDict` uses, by name; default all. */
  labelNames?: readonly string[] | null;
}

/** Labels or predictions: one NDArray or a list (MXNet wraps a single array). */
export type MetricInput = NDArray | readonly NDArray[];

/** A host copy of an array, read when `update` was called. */
export interface HostValues {
  readonly values: ArrayLike<number>;
  readonly shape: readonly number[];
}

/**
 * @internal MXNet's `check_label_shapes(labels, preds, wrap=True)` followed by `asnumpy()`:
 * validates, then starts every read at once (so the values are those at call time, even if
 * the caller does not await), and resolves to host copies of each pair.
 */
export function readPairs(
  op: string,
  labels: MetricInput,
  preds: MetricInput,
): Promise<[HostValues, HostValues][]> {
  const ls: readonly NDArray[] = labels instanceof NDArray ? [labels] : labels;
  const ps: readonly NDArray[] = preds instanceof NDArray ? [preds] : preds;
  if (!Array.isArray(ls as unknown) || !Array.isArray(ps as unknown)) {
    throw new InvalidArgumentError(op, 'labels and preds must be NDArrays or lists of NDArrays');
  }
  for (const a of [...ls, ...ps]) {
    if (!(a instanceof NDArray)) {
      throw new InvalidArgumentError(op, `labels and preds must hold NDArrays, got ${typeof a}`);
    }
  }
  if (ls.length !== ps.length) {
    throw new InvalidArgumentError(
      op,
      `Shape of labels ${ls.length} does not match shape of predictions ${ps.length}`,
    );
  }
  const reads = [...ls, ...ps].map((a) =>
    a.data().then((v): HostValues => ({ values: v, shape: a.shape })),
  );
  return Promise.all(reads).then((host) =>
    ls.map((_, i) => [host[i], host[ls.length + i]] as [HostValues, HostValues]),
  );
}

/**
 * MXNet `mx.metric.EvalMetric`: the base of evaluation metrics. It accumulates `sumMetric`
 * and `numInst` (and their global twins, which `resetLocal` keeps) and reports
 * `sumMetric / numInst`.
 *
 * `update` is async in MXTS: it reads the arrays with `await x.data()`, which every backend
 * supports (WebGPU reads only asynchronously); `await` it before `get()`. The reads start
 * when `update` is called, so the values are those of that moment. The arithmetic then runs
 * on the host in float64, as MXNet's does in numpy.
 *
 * @example
 * const acc = new Accuracy();
 * await acc.update([label], [pred]);
 * const [name, value] = acc.get();
 */
export abstract class EvalMetric<R extends MetricResult = [string, number]> {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'EvalMetric';
  /** MXNet `name`. */
  name: string;
  /** MXNet `output_names`. */
  readonly outputNames: readonly string[] | null;
  /** MXNet `label_names`. */
  readonly labelNames: readonly string[] | null;
  /** MXNet `num_inst`. */
  numInst = 0;
  /** MXNet `sum_metric`. */
  sumMetric = 0;
  /** MXNet `global_num_inst`. */
  globalNumInst = 0;
  /** MXNet `global_sum_metric`. */
  globalSumMetric = 0;
  /** MXNet `_has_global_stats`. */
  protected readonly hasGlobalStats: boolean;
  /** MXNet `_kwargs`: the metric's own options, for `getConfig`. */
  protected readonly kwargs: Record<string, unknown>;

  constructor(
    name: string,
    options: EvalMetricOptions = {},
    hasGlobalStats = false,
    kwargs: Record<string, unknown> = {},
  ) {
    this.name = String(name);
    this.outputNames = options.outputNames ?? null;
    this.labelNames = options.labelNames ?? null;
    this.hasGlobalStats = hasGlobalStats;
    this.kwargs = kwargs;
    this.reset();
  }

  /** MXNet `str(metric)`, Python's dict formatting. @example String(acc) // "EvalMetric: {'accuracy': 0.5}" */
  toString(): string {
    const pairs = this.getNameValue().map(([n, v]) => `'${n}': ${pyFloat(v)}`);
    return `EvalMetric: {${pairs.join(', ')}}`;
  }

  /** MXNet `get_config()`: what `create` rebuilds the metric from. @example acc.getConfig() */
  getConfig(): Record<string, unknown> {
    return {
      ...this.kwargs,
      metric: mxnetName(this),
      name: this.name,
      outputNames: this.outputNames,
      labelNames: this.labelNames,
    };
  }

  /**
   * MXNet `update_dict(label, pred)`: `update` with the arrays `labelNames`/`outputNames`
   * select from name -> array objects (all, in order, when null).
   *
   * @example
   * await metric.updateDict({ softmax_label: y }, { softmax_output: out });
   */
  updateDict(label: Record<string, NDArray>, pred: Record<string, NDArray>): Promise<void> {
    const op = `${mxnetName(this)}.updateDict`;
    const pick = (d: Record<string, NDArray>, names: readonly string[] | null): NDArray[] =>
      names === null
        ? Object.values(d)
        : names.map((n) => {
            if (!(n in d)) throw new InvalidArgumentError(op, `no array named '${n}'`);
            return d[n];
          });
    return this.update(pick(label, this.labelNames), pick(pred, this.outputNames));
  }

  /**
   * MXNet `update(labels, preds)`: accumulates one batch. Async (see the class notes):
   * `await` it before `get()`.
   *
   * @example
   * await metric.update([label], [pred]);
   */
  abstract update(labels: MetricInput, preds: MetricInput): Promise<void>;

  /** MXNet `reset()`: clears local and global statistics. @example metric.reset() */
  reset(): void {
    this.numInst = 0;
    this.sumMetric = 0;
    this.globalNumInst = 0;
    this.globalSumMetric = 0;
  }

  /** MXNet `reset_local()`: clears the local statistics only. @example metric.resetLocal() */
  resetLocal(): void {
    this.numInst = 0;
    this.sumMetric = 0;
  }

  /** MXNet `get()`: `[name, sumMetric / numInst]`, NaN before any instance. @example const [name, value] = metric.get(); */
  get(): R {
    if (this.numInst === 0) return [this.name, Number.NaN] as R;
    return [this.name, this.sumMetric / this.numInst] as R;
  }

  /** MXNet `get_global()`: as `get` over everything since `reset`. @example metric.getGlobal() */
  getGlobal(): R {
    if (!this.hasGlobalStats) return this.get();
    if (this.globalNumInst === 0) return [this.name, Number.NaN] as R;
    return [this.name, this.globalSumMetric / this.globalNumInst] as R;
  }

  /** MXNet `get_name_value()`: `[[name, value], ...]`. @example metric.getNameValue() // [['accuracy', 0.5]] */
  getNameValue(): [string, number][] {
    return zipResult(this.get());
  }

  /** MXNet `get_global_name_value()`. @example metric.getGlobalNameValue() */
  getGlobalNameValue(): [string, number][] {
    return this.hasGlobalStats ? zipResult(this.getGlobal()) : this.getNameValue();
  }
}

/** Python's `repr` of a float, for the common cases (integers get `.0`; nan, inf). */
function pyFloat(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return Number.isInteger(v) && Math.abs(v) < 1e16 ? v.toFixed(1) : String(v);
}

function zipResult(r: MetricResult): [string, number][] {
  const [name, value] = r;
  const names = Array.isArray(name) ? name : [name];
  const values = Array.isArray(value) ? value : [value];
  const n = Math.min(names.length, values.length);
  return Array.from({ length: n }, (_, i) => [names[i], values[i]] as [string, number]);
}

/** @internal Row-major argmax over `axis` of host values (the first maximum wins). */
export function argmaxAxis(h: HostValues, axis: number): { values: number[]; shape: number[] } {
  const nd = h.shape.length;
  const a = axis < 0 ? axis + nd : axis;
  const outer = h.shape.slice(0, a).reduce((x, y) => x * y, 1);
  const n = h.shape[a];
  const inner = h.shape.slice(a + 1).reduce((x, y) => x * y, 1);
  const out: number[] = new Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let best = 0;
      let bestV = h.values[o * n * inner + i];
      for (let k = 1; k < n; k++) {
        const v = h.values[(o * n + k) * inner + i];
        if (v > bestV || (Number.isNaN(v) && !Number.isNaN(bestV))) {
          best = k;
          bestV = v;
        }
      }
      out[o * inner + i] = best;
    }
  }
  return { values: out, shape: [...h.shape.slice(0, a), ...h.shape.slice(a + 1)] };
}

/** @internal numpy's `astype('int32')` of a float: truncation toward zero. */
export function toInt(v: number): number {
  return Math.trunc(v);
}
