import { InvalidArgumentError } from '@mxts/core';
import {
  EvalMetric,
  type EvalMetricOptions,
  type MetricInput,
  type MetricResult,
} from './eval-metric.js';
import { metricRegistry } from './metric-registry.js';

/** A metric or the registered name of one. */
export type MetricLike = EvalMetric<MetricResult> | string;

/** @internal A metric from an instance or a registered name (no options). */
export function resolveMetric(op: string, m: MetricLike): EvalMetric<MetricResult> {
  if (m instanceof EvalMetric) return m;
  if (typeof m === 'string') {
    const f = metricRegistry.get(m.toLowerCase());
    if (f !== undefined) return f({});
    throw new InvalidArgumentError(
      op,
      `${m.toLowerCase()} is not registered. Please register with metric.register first; the registered metrics are ${[...metricRegistry.keys()].sort().join(', ')}`,
    );
  }
  throw new InvalidArgumentError(op, `expects an EvalMetric or a metric name, got ${typeof m}`);
}

/**
 * MXNet `mx.metric.CompositeEvalMetric(metrics=None, name='composite')`: several metrics
 * updated together; `get()` gives `[names, values]` of all children in order.
 *
 * @example
 * const m = new CompositeEvalMetric([new Accuracy(), 'f1']);
 * await m.update([y], [scores]);
 * m.get(); // [['accuracy', 'f1'], [0.666..., 0.8]]
 */
export class CompositeEvalMetric extends EvalMetric<[string[], number[]]> {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'CompositeEvalMetric';
  /** MXNet `metrics`: the children. */
  readonly metrics: EvalMetric<MetricResult>[];

  constructor(metrics: readonly MetricLike[] = [], options: EvalMetricOptions = {}) {
    if (!Array.isArray(metrics)) {
      throw new InvalidArgumentError('CompositeEvalMetric', 'metrics must be a list');
    }
    const children = metrics.map((m) => resolveMetric('CompositeEvalMetric', m));
    super(options.name ?? 'composite', options, true);
    this.metrics = children;
  }

  /** MXNet `add(metric)`: appends a child. @example m.add('rmse') */
  add(metric: MetricLike): void {
    this.metrics.push(resolveMetric('CompositeEvalMetric.add', metric));
  }

  /** MXNet `get_metric(index)`: the child at `index`. @example m.getMetric(0) */
  getMetric(index: number): EvalMetric<MetricResult> {
    const m = this.metrics[index];
    if (!Number.isInteger(index) || m === undefined) {
      throw new InvalidArgumentError(
        'CompositeEvalMetric.getMetric',
        `Metric index ${index} is out of range 0 and ${this.metrics.length}`,
      );
    }
    return m;
  }

  /** MXNet `update_dict`: filters by `labelNames`/`outputNames`, then each child's `updateDict`. @example await m.updateDict(l, p) */
  override async updateDict(
    labels: Record<string, import('@mxts/core').NDArray>,
    preds: Record<string, import('@mxts/core').NDArray>,
  ): Promise<void> {
    const keep = (d: typeof labels, names: readonly string[] | null) =>
      names === null ? d : Object.fromEntries(Object.entries(d).filter(([k]) => names.includes(k)));
    const l = keep(labels, this.labelNames);
    const p = keep(preds, this.outputNames);
    for (const m of this.metrics) await m.updateDict(l, p);
  }

  /** MXNet `update(labels, preds)`: updates every child. @example await m.update([y], [out]) */
  async update(labels: MetricInput, preds: MetricInput): Promise<void> {
    await Promise.all(this.metrics.map((m) => m.update(labels, preds)));
  }

  /** MXNet `reset()`: resets every child. @example m.reset() */
  override reset(): void {
    // The base constructor calls reset() before the children exist (MXNet catches that too).
    for (const m of this.metrics ?? []) m.reset();
  }

  /** MXNet `reset_local()`. @example m.resetLocal() */
  override resetLocal(): void {
    for (const m of this.metrics) m.resetLocal();
  }

  /** MXNet `get()`: `[names, values]` of the children. @example m.get() */
  override get(): [string[], number[]] {
    return this.collect((m) => m.get());
  }

  /** MXNet `get_global()`. @example m.getGlobal() */
  override getGlobal(): [string[], number[]] {
    return this.collect((m) => m.getGlobal());
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), metrics: this.metrics.map((m) => m.getConfig()) };
  }

  private collect(f: (m: EvalMetric<MetricResult>) => MetricResult): [string[], number[]] {
    const names: string[] = [];
    const values: number[] = [];
    for (const m of this.metrics) {
      const [n, v] = f(m);
      names.push(...(Array.isArray(n) ? n : [n]));
      values.push(...(Array.isArray(v) ? v : [v]));
    }
    return [names, values];
  }
}
