import type { EvalMetric, MetricResult } from './eval-metric.js';

/** Builds a metric from the camelCase options `create` received. */
export type MetricFactory = (options: Record<string, unknown>) => EvalMetric<MetricResult>;

/** @internal MXNet's metric registry (lower-case names and aliases); `create.ts` fills it. */
export const metricRegistry = new Map<string, MetricFactory>();
