import { autograd, type Backend, BackendUnavailableError, memory, useBackend } from '@mxts/core';
import type { ConformanceCase } from './conformance-case.js';
import type { CaseResult, ConformanceReport, KnownFailure } from './report.js';
import { settleMemory } from './settle-memory.js';
import { allCases } from './suites/index.js';

/** Options of `runConformance`. */
export interface RunOptions {
  /** Failures this backend expects; an unexpected pass of one fails the run. */
  knownFailures?: readonly KnownFailure[];
  /** Runs only cases whose id contains this text. */
  filter?: string;
  /** Called once with the cases about to run, before the backend starts (progress output). */
  onStart?: (cases: readonly ConformanceCase[]) => void;
  /** Called after each case (progress output). */
  onCase?: (result: CaseResult) => void;
  /** The cases to run; every suite by default. */
  cases?: readonly ConformanceCase[];
}

function unmet(c: ConformanceCase, backend: Backend): string | null {
  const caps = backend.capabilities;
  const missing = c.requires?.dtypes?.filter((d) => !caps.dtypes.includes(d)) ?? [];
  if (missing.length > 0)
    return `needs dtype ${missing.join(', ')}; the backend declares ${caps.dtypes.join(', ')}`;
  if (c.requires?.syncRead && !caps.syncRead)
    return 'needs synchronous reads; the backend reads asynchronously';
  return null;
}

/** Runs one case with a clean autograd state and a leak check. */
export async function runCase(c: ConformanceCase, backend: Backend): Promise<CaseResult> {
  const result = (status: CaseResult['status'], message = ''): CaseResult => ({
    id: c.id,
    suite: c.suite,
    status,
    message,
  });
  const why = unmet(c, backend);
  if (why !== null) return result('unavailable', why);
  autograd.setRecording(false);
  autograd.setTraining(false);
  const baseline = memory();
  try {
    await c.run();
  } catch (e) {
    return result('failed', e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  } finally {
    autograd.setRecording(false);
    autograd.setTraining(false);
  }
  const leak = await settleMemory(baseline);
  if (leak.arrays > 0 || leak.bytes > 0) {
    return result(
      'failed',
      `leaked ${leak.arrays} arrays (${leak.bytes} bytes): memory did not return to its baseline`,
    );
  }
  return result('passed');
}

/**
 * Runs one case and applies the backend's known-failure records: an expected failure counts
 * as 'known-failure', and an expected failure that passes is 'failed' (the record is stale).
 * Test files that run each case as a test call this, so they judge cases as the CLI does.
 *
 * @example
 * const r = await runCaseExpecting(c, backend, new Map(knownFailures.map((k) => [k.id, k])));
 * if (r.status === 'failed') throw new Error(r.message);
 */
export async function runCaseExpecting(
  c: ConformanceCase,
  backend: Backend,
  known: ReadonlyMap<string, KnownFailure>,
): Promise<CaseResult> {
  const r = await runCase(c, backend);
  const k = known.get(c.id);
  if (k === undefined) return r;
  if (r.status === 'failed') {
    return { ...r, status: 'known-failure', message: `${k.reason} (fix: ${k.fix}); ${r.message}` };
  }
  if (r.status === 'passed') {
    return {
      ...r,
      status: 'failed',
      message: `unexpected pass: remove the known-failure record (${k.reason})`,
    };
  }
  return r;
}

/**
 * Runs the conformance suite on a backend and returns the report. A backend whose factory
 * rejects reports every case unavailable, with the reason. The backend the factory made is
 * closed (`backend.close?.()`) when the run ends.
 *
 * @example
 * const report = await runConformance(() => createCpuBackend());
 * console.log(formatTable(report));
 */
export async function runConformance(
  createBackend: () => Backend | Promise<Backend>,
  options: RunOptions = {},
): Promise<ConformanceReport> {
  const cases = (options.cases ?? allCases()).filter(
    (c) => !options.filter || c.id.includes(options.filter),
  );
  const known = new Map((options.knownFailures ?? []).map((k) => [k.id, k]));
  const report: ConformanceReport = {
    backend: 'unknown',
    description: '',
    status: 'passed',
    summary: { passed: 0, failed: 0, knownFailures: 0, unavailable: 0 },
    cases: [],
  };
  options.onStart?.(cases);
  let backend: Backend;
  try {
    backend = await createBackend();
  } catch (e) {
    const reason =
      e instanceof BackendUnavailableError
        ? e.message
        : `backend failed to start: ${(e as Error)?.message ?? e}`;
    report.status = 'unavailable';
    report.description = reason;
    report.cases = cases.map((c) => ({
      id: c.id,
      suite: c.suite,
      status: 'unavailable',
      message: reason,
    }));
    report.summary.unavailable = cases.length;
    return report;
  }
  report.backend = backend.name;
  report.description = backend.capabilities.description;
  useBackend(backend);
  for (const c of cases) {
    const r = await runCaseExpecting(c, backend, known);
    report.cases.push(r);
    options.onCase?.(r);
  }
  // The run made this backend, so it releases it (a GPU device can keep Node from exiting).
  backend.close?.();
  for (const c of report.cases) {
    if (c.status === 'passed') report.summary.passed++;
    else if (c.status === 'failed') report.summary.failed++;
    else if (c.status === 'known-failure') report.summary.knownFailures++;
    else report.summary.unavailable++;
  }
  report.status = report.summary.failed > 0 ? 'failed' : 'passed';
  return report;
}
