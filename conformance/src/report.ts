/** The outcome of one case. */
export type CaseStatus = 'passed' | 'failed' | 'known-failure' | 'unavailable';

/** One case's line in the report. */
export interface CaseResult {
  id: string;
  suite: string;
  status: CaseStatus;
  message: string;
}

/**
 * The whole run, as `--json` writes it. `status` is 'unavailable' when the backend could
 * not start, 'failed' when any case failed, else 'passed'.
 */
export interface ConformanceReport {
  backend: string;
  description: string;
  status: 'passed' | 'failed' | 'unavailable';
  summary: { passed: number; failed: number; knownFailures: number; unavailable: number };
  cases: CaseResult[];
}

/** A failure a backend expects (core's record): a pass of it fails the run. */
export type { KnownFailure } from '@mxts/core';

/** The table the CLI prints: one row per suite, then the totals. */
export function formatTable(report: ConformanceReport): string {
  const suites = new Map<string, [number, number, number, number]>();
  for (const c of report.cases) {
    const row = suites.get(c.suite) ?? [0, 0, 0, 0];
    row[['passed', 'failed', 'known-failure', 'unavailable'].indexOf(c.status)]++;
    suites.set(c.suite, row);
  }
  const header = ['suite', 'passed', 'failed', 'known failures', 'unavailable'];
  const s = report.summary;
  const rows = [
    ...[...suites].map(([name, r]) => [name, ...r.map(String)]),
    ['total', String(s.passed), String(s.failed), String(s.knownFailures), String(s.unavailable)],
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [
    `backend: ${report.backend} (${report.description})`,
    line(header),
    rule,
    ...rows.slice(0, -1).map(line),
    rule,
    line(rows[rows.length - 1]),
    `status: ${report.status}`,
  ].join('\n');
}
