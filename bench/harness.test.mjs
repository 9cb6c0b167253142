import { describe, expect, test } from 'vitest';
import { mlpData, mlpFirstLoss, transposed, uniformValues } from './data.mjs';
import {
  formatTable,
  MAX_CALLS,
  MIN_RUN_MS,
  measure,
  ratios,
  referenceFor,
  report,
  stats,
  svgChart,
} from './harness.mjs';

const row = (workload, impl, backend, median_ms) => ({
  workload,
  impl,
  backend,
  median_ms,
  min_ms: median_ms / 2,
  max_ms: median_ms * 2,
  runs: 5,
});

const rows = [
  row('mlp-step', 'mxts', 'wasm', 8),
  row('mlp-step', 'mxts', 'cpu', 40),
  row('mlp-step', 'tfjs', 'wasm', 16),
  row('mlp-step', 'tfjs', 'cpu', 20),
  row('mlp-step', 'jax-js-jit', 'wasm', 4),
  row('mlp-step', 'pytorch', 'libtorch', 1),
];

describe('bench harness', () => {
  test('stats: median of odd and even counts, min, max, runs', () => {
    expect(stats([5, 1, 3])).toEqual({ median_ms: 3, min_ms: 1, max_ms: 5, runs: 3 });
    expect(stats([4, 1, 3, 2])).toEqual({ median_ms: 2.5, min_ms: 1, max_ms: 4, runs: 4 });
    expect(() => stats([])).toThrow(RangeError);
  });

  test('ratios compare with MXTS on the same backend, PyTorch with MXTS fastest', () => {
    expect(referenceFor(rows[2], rows)).toBe(rows[0]);
    expect(referenceFor(rows[0], rows)).toBeNull();
    expect(ratios(rows)).toEqual([
      { workload: 'mlp-step', impl: 'tfjs', backend: 'wasm', mxtsBackend: 'wasm', ratio: 0.5 },
      { workload: 'mlp-step', impl: 'tfjs', backend: 'cpu', mxtsBackend: 'cpu', ratio: 2 },
      { workload: 'mlp-step', impl: 'jax-js-jit', backend: 'wasm', mxtsBackend: 'wasm', ratio: 2 },
      { workload: 'mlp-step', impl: 'pytorch', backend: 'libtorch', mxtsBackend: 'wasm', ratio: 8 },
    ]);
  });

  test('the table has one line per row, the ratio column, and groups what is unavailable', () => {
    const text = formatTable(
      rows,
      [
        { workload: 'a', impl: 'pytorch', backend: 'libtorch', unavailable: 'no torch' },
        { workload: 'b', impl: 'pytorch', backend: 'libtorch', unavailable: 'no torch' },
      ],
      { 'mlp-step': (ms) => `${64000 / ms} samples/s` },
    );
    const lines = text.split('\n');
    expect(lines[0]).toMatch(
      /^workload\s+impl\s+backend\s+median ms\s+min\s+max\s+runs\s+calls\/run\s+rate\s+MXTS\/this$/,
    );
    expect(lines).toHaveLength(2 + rows.length + 3);
    expect(lines[4]).toMatch(
      /^mlp-step\s+tfjs\s+wasm\s+16\.0\s+8\.00\s+32\.0\s+5\s+4000 samples\/s\s+0\.50$/,
    );
    expect(lines[7]).toMatch(/1\.00\s+0\.50\s+2\.00\s+5\s+64000 samples\/s\s+8\.00 \(vs wasm\)$/);
    expect(lines.at(-1)).toBe('  pytorch libtorch: no torch [a, b]');
  });

  test('the JSON report keeps the issue schema and rejects an unknown impl', () => {
    const out = JSON.parse(JSON.stringify(report({ cpu: 'x' }, [{ ...rows[0], extra: 1 }])));
    expect(out).toEqual({
      machine: { cpu: 'x' },
      rows: [row('mlp-step', 'mxts', 'wasm', 8)],
      unavailable: [],
      notes: [],
    });
    expect(() => report({}, [row('w', 'numpy', 'cpu', 1)])).toThrow(/unknown impl 'numpy'/);
  });

  test('the SVG has a bar per ratio, on the side of 1 its value says, and escapes labels', () => {
    const svg = svgChart([
      { workload: 'w<1>', impl: 'tfjs', backend: 'cpu', mxtsBackend: 'cpu', ratio: 0.5 },
      { workload: 'w', impl: 'pytorch', backend: 'libtorch', mxtsBackend: 'wasm', ratio: 4 },
    ]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('w&lt;1&gt; vs tfjs cpu');
    expect(svg).toContain('w vs pytorch libtorch (MXTS wasm)');
    const bars = [
      ...svg.matchAll(/<rect x="([\d.]+)" y="\d+" width="([\d.]+)" height="16" fill="(#\w+)"/g),
    ];
    expect(bars.map((b) => b[3])).toEqual(['#2a7', '#d64']);
    // Log scale: 1/2 and 4 are 1 and 2 octaves from the line at 1, on either side.
    const one = Number(bars[0][1]) + Number(bars[0][2]);
    expect(Number(bars[1][1])).toBeCloseTo(one, 1);
    expect(Number(bars[1][2])).toBeCloseTo(2 * Number(bars[0][2]), 1);
  });

  test('measure interleaves, keeps the first result, and reports a failing check or throw', async () => {
    const order = [];
    const m = await measure(
      'w',
      [
        { impl: 'mxts', backend: 'cpu', run: () => order.push('a') && 1 },
        { impl: 'tfjs', backend: 'cpu', run: async () => order.push('b') && 2 },
        { impl: 'jax-js', backend: 'wasm', run: () => 3 },
        {
          impl: 'pytorch',
          backend: 'libtorch',
          selfTimed: true,
          run: async () => ({ ms: 42, out: 4 }),
        },
        {
          impl: 'jax-js-jit',
          backend: 'wasm',
          selfTimed: true,
          run: async () => ({ ms: 10, out: 5 }),
        },
        {
          impl: 'pytorch',
          backend: 'x',
          run: () => {
            throw new Error('boom\nsecond line');
          },
        },
      ],
      { warmup: 1, runs: 3, check: (v) => (v === 3 ? 'three' : undefined) },
    );
    // Warm-up: one call each, in turn; then each round runs each candidate once, a run
    // being MAX_CALLS consecutive calls here (a call takes about no time).
    const run = (x) => new Array(MAX_CALLS).fill(x);
    expect(order).toEqual(['a', 'b', ...[1, 2, 3].flatMap(() => [...run('a'), ...run('b')])]);
    // A run of 10 ms calls is the 3 that first reach MIN_RUN_MS (25 ms); one of 42 ms runs once.
    expect(MIN_RUN_MS).toBe(25);
    expect(m.rows.map((r) => [r.impl, r.runs, r.calls_per_run])).toEqual([
      ['mxts', 3, MAX_CALLS],
      ['tfjs', 3, MAX_CALLS],
      ['pytorch', 3, 1],
      ['jax-js-jit', 3, 3],
    ]);
    expect(m.rows[3]).toMatchObject({ median_ms: 10, min_ms: 10, max_ms: 10 });
    // A self-timed candidate (another process) reports its own milliseconds.
    expect(m.rows[2]).toMatchObject({ median_ms: 42, min_ms: 42, max_ms: 42 });
    expect(m.firsts).toEqual([1, 2, 4, 5]);
    expect(m.failed).toEqual([
      { workload: 'w', impl: 'jax-js', backend: 'wasm', unavailable: 'wrong result: three' },
      { workload: 'w', impl: 'pytorch', backend: 'x', unavailable: 'boom' },
    ]);
  });
});

describe('bench data', () => {
  test('uniform values are deterministic, in range, and float32', () => {
    const a = uniformValues(1000, 7, -2, 3);
    expect(a).toEqual(uniformValues(1000, 7, -2, 3));
    expect(Math.min(...a)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...a)).toBeLessThan(3);
    expect(uniformValues(4, 8)).not.toEqual(uniformValues(4, 7));
  });

  test('transposed swaps (rows, cols) to (cols, rows)', () => {
    expect(Array.from(transposed(new Float32Array([1, 2, 3, 4, 5, 6]), 2, 3))).toEqual([
      1, 4, 2, 5, 3, 6,
    ]);
  });

  test("the MLP's first loss is near ln(10) for small initial logits", () => {
    const d = mlpData();
    expect(d.w1).toHaveLength(256 * 784);
    expect(d.labels.every((l) => l >= 0 && l < 10)).toBe(true);
    // Glorot-scaled weights on [0, 1) pixels give logits of order 1: the loss stays within
    // a unit of ln(10) and is finite.
    const loss = mlpFirstLoss();
    expect(Number.isFinite(loss)).toBe(true);
    expect(Math.abs(loss - Math.log(10))).toBeLessThan(1);
  });
});
