// `pnpm bench [--quick] [--json FILE] [--only a,b] [--no-webgpu]`: every workload, MXTS beside
// TF.js (same TF.js backend), jax-js (wasm, eager and jit) and PyTorch (one thread, a child
// process), in one table. Within a workload the JavaScript libraries are interleaved round by
// round. Timings are printed, never asserted. `--json FILE` also writes FILE and, next to it,
// FILE with .svg: a bar chart of MXTS's time over each other implementation's.

import { writeFileSync } from 'node:fs';
import os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { openAll } from './backends.mjs';
import { mlpFirstLoss } from './data.mjs';
import { formatTable, measure, ratios, report, svgChart } from './harness.mjs';
import { openPytorch } from './pytorch.mjs';
import { targets } from './targets.mjs';
import { lenetStepWorkload } from './workloads/lenet-step.mjs';
import { matmul512, matmul1024 } from './workloads/matmul.mjs';
import { mlpStep } from './workloads/mlp-step.mjs';
import { expectedGrad, opChain } from './workloads/op-chain.mjs';
import { rngNormal, rngUniform } from './workloads/rng.mjs';
import { xavier4096 } from './workloads/xavier.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');
const jsonFile = option('--json');
const only = option('--only')?.split(',');
const timing = quick ? { warmup: 1, runs: 3 } : { warmup: 2, runs: Number(option('--runs') ?? 7) };

const firstLoss = mlpFirstLoss();
// A run returns its number, or the array it read back (its first value is the figure).
const close = (want, rtol) => (out) => {
  const got = typeof out === 'number' ? out : out?.[0];
  return Number.isFinite(got) && Math.abs(got - want) <= rtol * Math.abs(want)
    ? undefined
    : `got ${got}, want ${want}`;
};
const checks = {
  'op-chain': close(expectedGrad, 1e-3),
  'mlp-step': close(firstLoss, 1e-4),
};

const workloads = [
  opChain,
  mlpStep,
  matmul512,
  matmul1024,
  rngUniform,
  rngNormal,
  xavier4096,
  lenetStepWorkload,
].filter((w) => !only || only.includes(w.name));

const env = await openAll({ webgpu: !args.includes('--no-webgpu') });
const torch = await openPytorch();
const notes = [];
if (torch.why) notes.push(`PyTorch rows left out: ${torch.why}`);
else
  notes.push(
    `PyTorch ${torch.torch}, ${torch.threads} thread, a child process interleaved round by round`,
  );
const rows = [];
const unavailable = [];
const losses = [];
for (const w of env.unavailable) {
  for (const wl of workloads) unavailable.push({ workload: wl.name, ...w });
}
for (const wl of workloads) {
  process.stderr.write(`${wl.name}...\n`);
  const all = await wl.candidates(env);
  if (torch.why) {
    all.push({ impl: 'pytorch', backend: 'libtorch', unavailable: torch.why });
  } else all.push(await torch.candidate(wl.name));
  for (const c of all.filter((c) => 'unavailable' in c)) {
    unavailable.push({
      workload: wl.name,
      impl: c.impl,
      backend: c.backend,
      unavailable: c.unavailable,
    });
  }
  const live = all.filter((c) => !('unavailable' in c));
  const m = await measure(wl.name, live, { ...timing, check: checks[wl.name] });
  rows.push(...m.rows);
  unavailable.push(...m.failed);
  if (wl.name === 'mlp-step') {
    m.rows.forEach((r, i) => {
      losses.push({ impl: r.impl, backend: r.backend, loss: m.firsts[i] });
    });
  }
}

torch.close?.();

const rates = Object.fromEntries(workloads.map((w) => [w.name, w.rate]));
console.log(formatTable(rows, unavailable, rates));
if (losses.length > 0) {
  console.log(`\nmlp-step, first step's loss (float64 reference ${firstLoss.toFixed(6)}):`);
  for (const l of losses) console.log(`  ${l.impl} ${l.backend}: ${l.loss.toFixed(6)}`);
}
console.log('\ntargets (issue 13 item 3; reported, never asserted):');
for (const t of targets(rows)) console.log(`  ${t}`);
for (const n of notes) console.log(`note: ${n}`);

if (jsonFile) {
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    tfjs: tf.version.tfjs,
    torch: torch.torch ?? null,
    date: new Date().toISOString(),
    warmup: timing.warmup,
    interleaved: true,
  };
  const out = report(machine, rows, unavailable, [
    ...notes,
    ...losses.map((l) => `mlp-step first loss ${l.impl} ${l.backend}: ${l.loss}`),
  ]);
  writeFileSync(jsonFile, `${JSON.stringify(out, null, 2)}\n`);
  const svg = `${jsonFile.replace(/\.json$/, '')}.svg`;
  writeFileSync(svg, svgChart(ratios(rows)));
  console.log(`\nwrote ${jsonFile} and ${svg}`);
}
// Dawn and the wasm module keep handles open; the run is over.
process.exit(0);
