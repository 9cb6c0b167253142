import {
  allCases,
  type CaseResult,
  type ConformanceCase,
  type KnownFailure,
  runCaseExpecting,
} from '@mxts/conformance';
import type { Backend } from '@mxts/core';

interface SuiteRow {
  total: number;
  passed: number;
  failed: number;
  other: number;
  ms: number;
  tr: HTMLTableRowElement;
}

/** The totals of a finished run. */
export interface SuiteTotals {
  passed: number;
  failed: number;
  unavailable: number;
  knownFailures: number;
  ms: number;
}

/**
 * Whether the page can force a garbage collection (Chromium started with
 * `--js-flags=--expose-gc`). Each case's leak check collects garbage until live arrays
 * return to their baseline; without `gc()` the arrays a case dropped without `dispose()` stay
 * until the browser collects, so a leak cannot be told from garbage not yet collected.
 */
export const canCollect = typeof (globalThis as { gc?: unknown }).gc === 'function';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs the conformance suite on the backend in use and shows it as a live table: a row per
 * suite (a bar, passed, failed, unavailable or known failures, time), failed cases listed
 * below. It yields to the browser every 40 ms so the table repaints while cases run.
 */
export async function runConformanceTable(
  backend: Backend,
  knownFailures: readonly KnownFailure[],
  filter: string | null,
  body: HTMLTableSectionElement,
  failures: HTMLElement,
  summary: HTMLElement,
): Promise<SuiteTotals> {
  const cases: ConformanceCase[] = allCases().filter((c) => !filter || c.id.includes(filter));
  const known = new Map(knownFailures.map((k) => [k.id, k]));
  body.replaceChildren();
  failures.replaceChildren();
  const rows = new Map<string, SuiteRow>();
  for (const c of cases) {
    let row = rows.get(c.suite);
    if (row === undefined) {
      const tr = body.insertRow();
      tr.innerHTML =
        '<th scope="row"></th><td class="bar"><span></span></td><td class="num pass">0</td><td class="num fail">0</td><td class="num">0</td><td class="num time">-</td>';
      (tr.cells[0] as HTMLElement).textContent = c.suite;
      row = { total: 0, passed: 0, failed: 0, other: 0, ms: 0, tr };
      rows.set(c.suite, row);
    }
    row.total++;
  }
  const totals: SuiteTotals = { passed: 0, failed: 0, unavailable: 0, knownFailures: 0, ms: 0 };
  const paint = (row: SuiteRow) => {
    const done = row.passed + row.failed + row.other;
    const bar = row.tr.cells[1].firstElementChild as HTMLElement;
    bar.style.width = `${(100 * done) / row.total}%`;
    bar.title = `${done}/${row.total}`;
    row.tr.cells[2].textContent = String(row.passed);
    row.tr.cells[3].textContent = String(row.failed);
    row.tr.cells[4].textContent = String(row.other);
    row.tr.cells[5].textContent = `${(row.ms / 1000).toFixed(1)} s`;
    row.tr.dataset.state = row.failed > 0 ? 'failed' : done === row.total ? 'passed' : 'running';
  };
  const paintSummary = (done: number) => {
    summary.textContent = `${done}/${cases.length} cases: ${totals.passed} passed, ${totals.failed} failed, ${totals.unavailable} unavailable${totals.knownFailures ? `, ${totals.knownFailures} known failures` : ''} in ${(totals.ms / 1000).toFixed(1)} s${canCollect ? '' : ' (no gc(): leak checks not counted)'}`;
    summary.dataset.state =
      totals.failed > 0 ? 'failed' : done === cases.length ? 'done' : 'running';
  };
  const started = performance.now();
  let lastYield = started;
  let done = 0;
  for (const c of cases) {
    const t0 = performance.now();
    let r: CaseResult = await runCaseExpecting(c, backend, known);
    if (!canCollect && r.status === 'failed' && r.message.startsWith('leaked ')) {
      r = { ...r, status: 'unavailable', message: `leak check needs gc(): ${r.message}` };
    }
    const row = rows.get(c.suite) as SuiteRow;
    row.ms += performance.now() - t0;
    if (r.status === 'passed') {
      row.passed++;
      totals.passed++;
    } else if (r.status === 'failed') {
      row.failed++;
      totals.failed++;
      const li = document.createElement('li');
      li.textContent = `${r.id}: ${r.message}`;
      failures.append(li);
    } else {
      row.other++;
      if (r.status === 'unavailable') totals.unavailable++;
      else totals.knownFailures++;
    }
    done++;
    const now = performance.now();
    totals.ms = now - started;
    if (now - lastYield > 40 || done === cases.length) {
      for (const rw of rows.values()) paint(rw);
      paintSummary(done);
      await nextTask();
      lastYield = performance.now();
    }
  }
  if (cases.length === 0) paintSummary(0);
  return totals;
}
