import cliProgress from 'cli-progress';
import type { ConformanceCase } from './conformance-case.js';
import type { CaseResult } from './report.js';

/** Where the CLI runs, as far as deciding on a live progress display goes. */
export interface ProgressContext {
  /** Whether stdout is a terminal (`process.stdout.isTTY`). */
  isTTY: boolean | undefined;
  /** Whether `--json FILE` was given. */
  json: boolean;
  /** The environment (`process.env`): CI logs get no progress. */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Whether `mxts-conformance` draws live progress: only on a terminal, and never with
 * `--json` or under CI (`CI` set to anything but `''`, `0` or `false`), whose logs would
 * keep every redraw.
 *
 * @example
 * wantsProgress({ isTTY: process.stdout.isTTY, json: false, env: process.env }); // true in a shell
 */
export function wantsProgress(ctx: ProgressContext): boolean {
  const ci = ctx.env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  return ctx.isTTY === true && !ctx.json && !inCi;
}

/** The callbacks the CLI hands to `runConformance`, and `stop` once it returns. */
export interface ProgressView {
  start(cases: readonly ConformanceCase[]): void;
  case(result: CaseResult): void;
  /** Prints a line above the live bars (a failed case), or plainly once stopped. */
  log(line: string): void;
  stop(): void;
}

/** Options of `createProgress`. */
export interface ProgressOptions {
  /** Where the bars go; a terminal (`process.stdout` in the CLI). */
  stream: NodeJS.WritableStream;
  /** Milliseconds between redraws (default 100). */
  redrawMs?: number;
  /** The clock, in milliseconds (default `performance.now`). */
  now?: () => number;
}

interface SuiteBar {
  bar: cliProgress.SingleBar;
  done: number;
  failed: number;
  started: number;
  finished: number | null;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * A live view of a conformance run on a terminal: a line for all cases, then one per
 * suite as it starts (cases done/total, failures, elapsed time). Cases run back to back and
 * seldom yield to the event loop long enough for a timer, so each finished case redraws when
 * `redrawMs` has passed since the last redraw, instead of waiting for cli-progress's timer.
 * The bars are cleared on `stop`, leaving the terminal to the final table.
 *
 * @example
 * const view = createProgress({ stream: process.stdout });
 * const report = await runConformance(factory, { onStart: (c) => view.start(c), onCase: (r) => view.case(r) });
 * view.stop();
 */
export function createProgress(options: ProgressOptions): ProgressView {
  const now = options.now ?? (() => performance.now());
  const redrawMs = options.redrawMs ?? 100;
  const multi = new cliProgress.MultiBar({
    stream: options.stream,
    format: '{name} |{bar}| {value}/{total} cases  {failed}  {elapsed}',
    barsize: 24,
    barCompleteChar: '\u2588',
    barIncompleteChar: '\u2591',
    hideCursor: true,
    clearOnComplete: true,
    autopadding: true,
    fps: 1000 / redrawMs,
  });
  const totals = new Map<string, number>();
  const suites = new Map<string, SuiteBar>();
  let width = 'all cases'.length;
  let all: cliProgress.SingleBar | null = null;
  let allStarted = 0;
  let allFailed = 0;
  // When the last case ended: the end of its suite, and the start of the next one.
  let lastCaseEnd = 0;
  let lastDraw = -Infinity;
  let active = false;

  const payload = (name: string, failed: number, ms: number) => ({
    name: name.padEnd(width),
    failed: failed === 0 ? 'no failures' : `${failed} failed`,
    elapsed: seconds(ms),
  });
  const redraw = (force: boolean) => {
    const t = now();
    if (!force && t - lastDraw < redrawMs) return;
    lastDraw = t;
    for (const s of suites.values()) {
      if (s.finished === null) s.bar.update(s.done, { elapsed: seconds(t - s.started) });
    }
    all?.update({ elapsed: seconds(t - allStarted) });
    multi.update();
  };

  return {
    start(cases) {
      for (const c of cases) totals.set(c.suite, (totals.get(c.suite) ?? 0) + 1);
      width = Math.max(width, ...[...totals.keys()].map((s) => s.length));
      allStarted = now();
      lastCaseEnd = allStarted;
      active = true;
      all = multi.create(cases.length, 0, payload('all cases', 0, 0));
      redraw(true);
    },
    case(r) {
      const t = now();
      let s = suites.get(r.suite);
      if (s === undefined) {
        // Suites run one after another: a new suite means the previous ones are done.
        for (const prev of suites.values()) {
          if (prev.finished === null) {
            prev.finished = lastCaseEnd;
            prev.bar.update(prev.done, { elapsed: seconds(lastCaseEnd - prev.started) });
          }
        }
        const total = totals.get(r.suite) ?? 0;
        s = {
          bar: multi.create(total, 0, payload(r.suite, 0, 0)),
          done: 0,
          failed: 0,
          started: lastCaseEnd,
          finished: null,
        };
        suites.set(r.suite, s);
      }
      lastCaseEnd = t;
      s.done++;
      if (r.status === 'failed') {
        s.failed++;
        allFailed++;
        s.bar.update(s.done, { failed: `${s.failed} failed` });
        all?.update({ failed: `${allFailed} failed` });
      }
      all?.increment();
      redraw(false);
    },
    log(line) {
      if (!active) {
        options.stream.write(`${line}\n`);
        return;
      }
      multi.log(`${line}\n`);
      redraw(true);
    },
    stop() {
      if (!active) return;
      active = false;
      multi.stop();
    },
  };
}
