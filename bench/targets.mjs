// Issue 13 item 3's targets, as ratios from one run's rows: printed, never asserted.

const find = (rows, workload, impl, backend) =>
  rows.find((r) => r.workload === workload && r.impl === impl && r.backend === backend);

/** One line per target: the figure, the limit, and ok or MISS (or why it cannot be told). */
export function targets(rows) {
  const lines = [];
  const ratio = (label, a, b, limit) => {
    if (!a || !b) return lines.push(`${label}: not measured here`);
    const v = a.median_ms / b.median_ms;
    lines.push(`${label}: ${v.toFixed(2)} (target <= ${limit}) ${v <= limit ? 'ok' : 'MISS'}`);
  };
  for (const [backend, limit] of [
    ['wasm', 0.5],
    ['cpu', 0.9],
    ['tfjs-node', 1.0],
  ]) {
    ratio(
      `mlp-step MXTS/TF.js on ${backend}`,
      find(rows, 'mlp-step', 'mxts', backend),
      find(rows, 'mlp-step', 'tfjs', backend),
      limit,
    );
  }
  ratio(
    'op-chain MXTS/TF.js on cpu',
    find(rows, 'op-chain', 'mxts', 'cpu'),
    find(rows, 'op-chain', 'tfjs', 'cpu'),
    0.4,
  );
  ratio(
    'mlp-step MXTS wasm / jax-js jit',
    find(rows, 'mlp-step', 'mxts', 'wasm'),
    find(rows, 'mlp-step', 'jax-js-jit', 'wasm'),
    1.0,
  );
  const rng = rows.filter((r) => r.workload === 'rng-uniform-1e7' && r.impl === 'mxts');
  if (rng.length === 0) lines.push('rng-uniform-1e7 MXTS: not measured here');
  for (const r of rng) {
    const rate = 1e7 / r.median_ms / 1e3;
    lines.push(
      `rng-uniform-1e7 MXTS ${r.backend}: ${rate.toFixed(0)} M values/s (target >= 100) ${rate >= 100 ? 'ok' : 'MISS'}`,
    );
  }
  return lines;
}
