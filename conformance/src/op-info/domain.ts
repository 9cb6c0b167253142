import type { Prng } from './prng.js';

/**
 * Where an op's inputs may be drawn: an interval, minus a margin around the points where
 * the op is not smooth (kinks, jumps, poles), so a ±eps perturbation never crosses one.
 */
export interface Domain {
  readonly low: number;
  readonly high: number;
  /** Points to keep away from (0 for relu and abs, the clip bounds, ...). */
  readonly avoid?: readonly number[];
  /** Keep away from every `offset + k * period` (integers for floor, halves for round). */
  readonly avoidEvery?: { readonly period: number; readonly offset: number };
  /** Distance kept from avoided points; default 0.1 (several times the gradient eps). */
  readonly margin?: number;
}

/** The default domain: [-2, 2], smooth everywhere. */
export const REAL: Domain = { low: -2, high: 2 };

/** Whether `x` lies in the domain, away from its avoided points. */
export function inDomain(d: Domain, x: number): boolean {
  const margin = d.margin ?? 0.1;
  if (x < d.low || x > d.high) return false;
  if (d.avoid?.some((p) => Math.abs(x - p) < margin)) return false;
  if (d.avoidEvery) {
    const { period, offset } = d.avoidEvery;
    const r = (((x - offset) % period) + period) % period;
    if (Math.min(r, period - r) < margin) return false;
  }
  return true;
}

/** A float32 value drawn uniformly from the domain (rejection sampling). */
export function drawValue(rng: Prng, d: Domain): number {
  for (let i = 0; i < 10_000; i++) {
    const x = Math.fround(rng.uniform(d.low, d.high));
    if (inDomain(d, x)) return x;
  }
  throw new Error(`domain [${d.low}, ${d.high}] leaves no room to draw from`);
}
