// `node bench/profile-mlp.mjs [steps]`: where MXTS's mlp-step time goes on each CPU-side
// backend. Wraps the backend's `run` (one primitive kernel) and its write/read/dispose, so a
// step splits into kernel time, by kernel, and the rest (tape, ops, argument checks, JS).

import { openAll } from './backends.mjs';
import { mxtsMlpStep } from './workloads/mlp-step.mjs';

const steps = Number(process.argv[2] ?? 10);

/** Wraps `b`'s methods to time them; returns the counters and a function that undoes it. */
function instrument(b) {
  const kernels = new Map();
  const other = { ms: 0, calls: 0 };
  const saved = {};
  saved.run = b.run;
  b.run = function run(kernel, inputs, attrs) {
    const t0 = performance.now();
    const out = saved.run.call(this, kernel, inputs, attrs);
    const k = kernels.get(kernel) ?? { ms: 0, calls: 0 };
    k.ms += performance.now() - t0;
    k.calls++;
    kernels.set(kernel, k);
    return out;
  };
  for (const name of ['write', 'readSync', 'dispose']) {
    saved[name] = b[name];
    b[name] = function (...args) {
      const t0 = performance.now();
      const out = saved[name].apply(this, args);
      other.ms += performance.now() - t0;
      other.calls++;
      return out;
    };
  }
  return {
    kernels,
    other,
    reset() {
      kernels.clear();
      other.ms = 0;
      other.calls = 0;
    },
  };
}

const env = await openAll({ webgpu: false });
for (const { backend, b } of env.mxts) {
  const { useBackend } = await import('@mxts/core');
  useBackend(b);
  const prof = instrument(b);
  const step = mxtsMlpStep(b);
  for (let i = 0; i < 3; i++) await step();
  prof.reset();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) await step();
  const stepMs = (performance.now() - t0) / steps;
  const list = [...prof.kernels.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const kernelMs = list.reduce((s, [, k]) => s + k.ms, 0) / steps;
  const calls = list.reduce((s, [, k]) => s + k.calls, 0) / steps;
  const otherMs = prof.other.ms / steps;
  console.log(
    `\n${backend}: step ${stepMs.toFixed(2)} ms = kernels ${kernelMs.toFixed(2)} ms (${calls} calls, ` +
      `${((kernelMs * 1000) / calls).toFixed(0)} us each) + write/read/dispose ${otherMs.toFixed(2)} ms ` +
      `+ MXTS's own JS ${(stepMs - kernelMs - otherMs).toFixed(2)} ms`,
  );
  for (const [name, k] of list.slice(0, 12)) {
    console.log(
      `  ${name.padEnd(22)} ${(k.ms / steps).toFixed(3).padStart(8)} ms  ${String(k.calls / steps).padStart(4)} calls`,
    );
  }
}
process.exit(0);
