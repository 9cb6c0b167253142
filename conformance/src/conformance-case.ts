import type { DType } from '@mxts/core';

/** What a case needs from the backend; a backend without it reports the case unavailable. */
export interface Requirements {
  dtypes?: readonly DType[];
  syncRead?: boolean;
}

/**
 * One conformance case: a stable id (`suite/name`), what it needs, and a check that throws
 * on failure. Cases read values with `await x.data()`, so they run on async backends too.
 */
export interface ConformanceCase {
  readonly id: string;
  readonly suite: string;
  readonly requires?: Requirements;
  /** Runs the case; it passes when it returns (or resolves) and fails when it throws. */
  run(): void | Promise<void>;
}

/** A case as a suite file writes it (the suite prefixes the id). */
export interface CaseSpec {
  readonly name: string;
  readonly requires?: Requirements;
  /** Runs the case; it passes when it returns (or resolves) and fails when it throws. */
  run(): void | Promise<void>;
}

/**
 * Builds a suite's cases with ids `<suite>/<name>`.
 *
 * @example
 * export const scopeCases = defineSuite('autograd', [{ name: 'A1-initial-state', run() { ... } }]);
 */
export function defineSuite(suite: string, specs: readonly CaseSpec[]): ConformanceCase[] {
  return specs.map((s) => ({ id: `${suite}/${s.name}`, suite, requires: s.requires, run: s.run }));
}
