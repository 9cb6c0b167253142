// The bench's measuring and reporting: interleaved timing, the table, the JSON report and
// the SVG chart of ratios. Pure functions but `measure`, so they are unit-tested
// (harness.test.mjs) without timing anything.

import { median } from './timing.mjs';

/** The implementations a row may name, as the JSON report spells them. */
export const IMPLS = ['mxts', 'tfjs', 'jax-js', 'jax-js-jit', 'pytorch'];

/** `{ median_ms, min_ms, max_ms, runs }` of a list of per-run milliseconds. */
export function stats(samples) {
  if (samples.length === 0) throw new RangeError('stats: no samples');
  return {
    median_ms: median(samples),
    min_ms: Math.min(...samples),
    max_ms: Math.max(...samples),
    runs: samples.length,
  };
}

/** A run lasts at least this long: a short call is repeated (see `measure`). */
export const MIN_RUN_MS = 25;
/** At most this many calls make one run. */
export const MAX_CALLS = 50;

/**
 * Times candidates side by side: `warmup` calls each, then `runs` rounds in which each runs
 * once, in turn, so a machine that gets busier slows all of them alike. A run is as many
 * consecutive calls as first lasted MIN_RUN_MS together (counted in the first round, per
 * candidate; one for any call that long) and gives the time per call: a few-millisecond step
 * is then timed in its steady state, as a training loop runs it, and not as the first call
 * after another library left its garbage and cold caches (those fell on whoever ran next).
 * A candidate is `{ impl, backend, run, enter? }`; `enter` (may be async) switches to its
 * backend first, outside the timing; `run` may return a promise, which is awaited inside the
 * timing. A `selfTimed` candidate (another process) resolves to `{ ms, out }`, its own
 * timing. The first call's result is kept (`first`: the MLP's first loss) and checked with
 * `check(result)`, which returns what is wrong or nothing. A candidate that throws or fails
 * the check is reported as unavailable with the reason, and dropped.
 */
export async function measure(workload, candidates, { warmup, runs, check }) {
  const live = candidates.map((c) => ({ ...c, samples: [], calls: 1 }));
  const failed = [];
  /** One call: its milliseconds and result. */
  const call = async (c) => {
    const t0 = performance.now();
    let out = c.run();
    if (out && typeof out.then === 'function') out = await out;
    const ms = performance.now() - t0;
    return c.selfTimed ? out : { ms, out };
  };
  for (let r = -warmup; r < runs; r++) {
    for (const c of live) {
      if (c.failed) continue;
      try {
        await c.enter?.();
        if (r < 0) {
          const { out } = await call(c);
          if (r === -warmup) {
            c.first = out;
            const wrong = check?.(out);
            if (wrong) throw new Error(`wrong result: ${wrong}`);
          }
          continue;
        }
        let total = 0;
        if (r === 0) {
          // The first run sets the count: calls until it lasts MIN_RUN_MS (as timeit's
          // autorange); every later run makes that many.
          let n = 0;
          while (n < MAX_CALLS && (n === 0 || total < MIN_RUN_MS)) {
            total += (await call(c)).ms;
            n++;
          }
          c.calls = n;
        } else {
          for (let i = 0; i < c.calls; i++) total += (await call(c)).ms;
        }
        c.samples.push(total / c.calls);
      } catch (e) {
        c.failed = true;
        failed.push({ workload, impl: c.impl, backend: c.backend, unavailable: errorText(e) });
      }
    }
  }
  const rows = live
    .filter((c) => !c.failed)
    .map((c) => ({
      workload,
      impl: c.impl,
      backend: c.backend,
      ...stats(c.samples),
      calls_per_run: c.calls,
    }));
  const firsts = live.filter((c) => !c.failed).map((c) => c.first);
  return { rows, failed, firsts };
}

/** A short, one-line reason from whatever was thrown. */
export function errorText(e) {
  const text = e?.reason ?? e?.message ?? String(e);
  return String(text).split('\n')[0].slice(0, 160);
}

/**
 * The MXTS row a row is compared with: MXTS on the same backend; for PyTorch (native, not a
 * TF.js backend) MXTS's fastest backend on that workload. Null when there is none.
 */
export function referenceFor(row, rows) {
  const mine = rows.filter((r) => r.workload === row.workload && r.impl === 'mxts');
  if (row.impl === 'mxts' || mine.length === 0) return null;
  if (row.impl === 'pytorch') return mine.reduce((a, b) => (b.median_ms < a.median_ms ? b : a));
  return mine.find((r) => r.backend === row.backend) ?? null;
}

/** `{ workload, impl, backend, mxtsBackend, ratio }`: MXTS's median time over each other row's. */
export function ratios(rows) {
  const out = [];
  for (const row of rows) {
    const ref = referenceFor(row, rows);
    if (ref === null) continue;
    out.push({
      workload: row.workload,
      impl: row.impl,
      backend: row.backend,
      mxtsBackend: ref.backend,
      ratio: ref.median_ms / row.median_ms,
    });
  }
  return out;
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/**
 * The table `pnpm bench` prints: one line per row, with the rate a workload defines
 * (`rates[workload](ms)`) and MXTS's time over this row's; then what could not run, one line
 * per implementation, backend and reason, naming the workloads it concerns.
 */
export function formatTable(rows, unavailable = [], rates = {}) {
  const header = [
    'workload',
    'impl',
    'backend',
    'median ms',
    'min',
    'max',
    'runs',
    'calls/run',
    'rate',
    'MXTS/this',
  ];
  const lines = [];
  const workloads = [...new Set(rows.map((r) => r.workload))];
  for (const w of workloads) {
    for (const r of rows.filter((x) => x.workload === w)) {
      const ref = referenceFor(r, rows);
      const vs = ref === null || ref.backend === r.backend ? '' : ` (vs ${ref.backend})`;
      lines.push([
        r.workload,
        r.impl,
        r.backend,
        fmt(r.median_ms),
        fmt(r.min_ms),
        fmt(r.max_ms),
        String(r.runs),
        r.calls_per_run === undefined ? '' : String(r.calls_per_run),
        rates[w] ? rates[w](r.median_ms) : '',
        ref === null ? '' : `${(ref.median_ms / r.median_ms).toFixed(2)}${vs}`,
      ]);
    }
  }
  const numeric = new Set([3, 4, 5, 6]);
  const width = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(width[i]) : c.padEnd(width[i])))
      .join('  ')
      .trimEnd();
  const out = [line(header), width.map((n) => '-'.repeat(n)).join('  '), ...lines.map(line)];
  const missing = new Map();
  for (const u of unavailable) {
    const key = `${u.impl} ${u.backend}: ${u.unavailable}`;
    missing.set(key, [...(missing.get(key) ?? []), u.workload]);
  }
  if (missing.size > 0) out.push('', 'unavailable:');
  for (const [key, ws] of missing) out.push(`  ${key} [${ws.join(', ')}]`);
  return out.join('\n');
}

/** The JSON report: `{ machine, rows, unavailable, notes }`, rows in the issue's schema. */
export function report(machine, rows, unavailable = [], notes = []) {
  for (const r of rows) {
    if (!IMPLS.includes(r.impl)) throw new RangeError(`report: unknown impl '${r.impl}'`);
  }
  return {
    machine,
    rows: rows.map(
      ({ workload, impl, backend, median_ms, min_ms, max_ms, runs, calls_per_run }) => ({
        workload,
        impl,
        backend,
        median_ms,
        min_ms,
        max_ms,
        runs,
        // Consecutive calls timed together in each run (times are per call).
        ...(calls_per_run === undefined ? {} : { calls_per_run }),
      }),
    ),
    unavailable,
    notes,
  };
}

const escapeXml = (s) =>
  String(s).replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c],
  );

/**
 * A horizontal bar chart of MXTS's time over each other implementation's, on a log scale
 * centred on 1 (bars left of the line: MXTS faster). Plain SVG, no fonts or scripts.
 */
export function svgChart(
  ratioList,
  { title = 'MXTS time / other time (log scale; < 1: MXTS faster)' } = {},
) {
  const barH = 16;
  const gap = 4;
  const labelW = 330;
  const plotW = 420;
  const top = 40;
  const lo = Math.log10(1 / 32);
  const hi = Math.log10(32);
  const x = (ratio) => {
    const l = Math.min(hi, Math.max(lo, Math.log10(ratio)));
    return labelW + ((l - lo) / (hi - lo)) * plotW;
  };
  const height = top + ratioList.length * (barH + gap) + 30;
  const width = labelW + plotW + 80;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="8" y="18" font-size="13">${escapeXml(title)}</text>`,
  ];
  for (const tick of [1 / 32, 1 / 8, 1 / 2, 1, 2, 8, 32]) {
    const tx = x(tick).toFixed(1);
    const label = tick < 1 ? `1/${1 / tick}` : String(tick);
    parts.push(
      `<line x1="${tx}" y1="${top - 6}" x2="${tx}" y2="${height - 24}" stroke="${tick === 1 ? '#000' : '#ddd'}"/>`,
      `<text x="${tx}" y="${height - 10}" text-anchor="middle">${label}</text>`,
    );
  }
  ratioList.forEach((r, i) => {
    const y = top + i * (barH + gap);
    const x0 = x(1);
    const x1 = x(r.ratio);
    const vs = r.mxtsBackend === r.backend ? '' : ` (MXTS ${r.mxtsBackend})`;
    parts.push(
      `<text x="${labelW - 6}" y="${y + barH - 4}" text-anchor="end">${escapeXml(`${r.workload} vs ${r.impl} ${r.backend}${vs}`)}</text>`,
      `<rect x="${Math.min(x0, x1).toFixed(1)}" y="${y}" width="${Math.max(1, Math.abs(x1 - x0)).toFixed(1)}" height="${barH}" fill="${r.ratio <= 1 ? '#2a7' : '#d64'}"/>`,
      `<text x="${(Math.max(x0, x1) + 4).toFixed(1)}" y="${y + barH - 4}">${r.ratio.toFixed(2)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
