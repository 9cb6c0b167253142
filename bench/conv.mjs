// LeNet-sized layers, forward and forward+backward: MXTS's Convolution and Pooling (NCHW)
// beside TF.js's tf.conv2d / tf.maxPool / tf.avgPool and tf.grads (NHWC, TF.js's own
// layout) on the same TF.js backend in one process, interleaved round by round.
// `node bench/conv.mjs [cpu|wasm|webgpu ...]` runs it alone; WebGPU needs an adapter
// (EGL_PLATFORM=surfaceless MXTS_WEBGPU_BACKEND=opengles uses Mesa's software one).

import { pathToFileURL } from 'node:url';
import { createCpuBackend } from '@mxts/backend-cpu';
import { createWasmBackend } from '@mxts/backend-wasm';
import * as mx from '@mxts/core';
import * as tf from '@tensorflow/tfjs';
import { openWebGpu, tfWebGpu } from './backends.mjs';
import { median } from './timing.mjs';

const N = 64;

/** Deterministic values in [-1, 1). */
function values(size, seed) {
  const out = new Float32Array(size);
  let s = seed;
  for (let i = 0; i < size; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = (s / 2147483648) * 2 - 1;
  }
  return out;
}

// Each workload: MXTS inputs (NCHW) and op; TF.js inputs (NHWC) and op; which inputs
// want gradients (a first layer needs none for its data).
const WORKLOADS = [
  {
    name: 'conv 1->6 5x5 on 28x28',
    x: [N, 1, 28, 28],
    w: [6, 1, 5, 5],
    dataGrad: false,
    mx: (x, w, b) => mx.nd.Convolution(x, w, b, { kernel: [5, 5], numFilter: 6 }),
    tf: (t, x, w, b) => t.add(t.conv2d(x, w, 1, 'valid'), b),
  },
  {
    name: 'conv 6->16 3x3 on 12x12',
    x: [N, 6, 12, 12],
    w: [16, 6, 3, 3],
    dataGrad: true,
    mx: (x, w, b) => mx.nd.Convolution(x, w, b, { kernel: [3, 3], numFilter: 16 }),
    tf: (t, x, w, b) => t.add(t.conv2d(x, w, 1, 'valid'), b),
  },
  {
    name: 'max pool 2x2 on 6x24x24',
    x: [N, 6, 24, 24],
    dataGrad: true,
    mx: (x) => mx.nd.Pooling(x, { kernel: [2, 2], stride: [2, 2] }),
    tf: (t, x) => t.maxPool(x, 2, 2, 'valid'),
  },
  {
    name: 'avg pool 2x2 on 6x24x24',
    x: [N, 6, 24, 24],
    dataGrad: true,
    mx: (x) => mx.nd.Pooling(x, { kernel: [2, 2], stride: [2, 2], poolType: 'avg' }),
    tf: (t, x) => t.avgPool(x, 2, 2, 'valid'),
  },
];

/** MXTS: forward (read back), and forward+backward (gradients read back). */
function mxtsRuns(wl, backend, read) {
  mx.useBackend(backend);
  const size = (s) => s.reduce((a, b) => a * b, 1);
  const x = mx.nd.array(values(size(wl.x), 1)).reshape(wl.x);
  const params = wl.w
    ? [mx.nd.array(values(size(wl.w), 2)).reshape(wl.w), mx.nd.array(values(wl.w[0], 3))]
    : [];
  const wanted = wl.dataGrad ? [x, ...params] : params;
  for (const p of wanted) p.attachGrad();
  return {
    /** The forward output's values, NCHW. */
    values: async () => {
      const y = wl.mx(x, ...params);
      const v = await y.data();
      y.dispose();
      return v;
    },
    fwd: async () => {
      const y = wl.mx(x, ...params);
      await read(y);
      y.dispose();
    },
    both: async () => {
      const y = mx.autograd.record(() => wl.mx(x, ...params));
      y.backward();
      y.dispose();
      for (const p of wanted) await read(p.grad);
    },
  };
}

/** TF.js (`t`, the library the engine registered with): the same, with tf.grads. */
function tfjsRuns(t, wl, read) {
  const size = (s) => s.reduce((a, b) => a * b, 1);
  // MXTS's values, in TF.js's layouts.
  const x = t.tidy(() => t.transpose(t.tensor(values(size(wl.x), 1), wl.x), [0, 2, 3, 1]));
  const params = wl.w
    ? [
        t.tidy(() => t.transpose(t.tensor(values(size(wl.w), 2), wl.w), [2, 3, 1, 0])),
        t.tensor(values(wl.w[0], 3)),
      ]
    : [];
  const g = wl.dataGrad
    ? t.grads((xi, ...ps) => wl.tf(t, xi, ...ps))
    : t.grads((...ps) => wl.tf(t, x, ...ps));
  const args = wl.dataGrad ? [x, ...params] : params;
  return {
    values: async () => {
      const y = t.tidy(() => t.transpose(wl.tf(t, x, ...params), [0, 3, 1, 2]));
      const v = await y.data();
      y.dispose();
      return v;
    },
    fwd: async () => {
      const y = t.tidy(() => wl.tf(t, x, ...params));
      await read(y);
      y.dispose();
    },
    both: async () => {
      const grads = g(args);
      for (const d of grads) await read(d);
      t.dispose(grads);
    },
  };
}

/** Medians of `rounds` rounds after `warmup`, each round running every impl once in turn. */
async function interleave(impls, warmup, rounds) {
  const samples = impls.map(() => []);
  for (let r = -warmup; r < rounds; r++) {
    for (let i = 0; i < impls.length; i++) {
      await impls[i].enter();
      const t0 = performance.now();
      await impls[i].run();
      if (r >= 0) samples[i].push(performance.now() - t0);
    }
  }
  return samples.map(median);
}

/** Rows: one per workload, phase and implementation (printed when run alone). */
export async function conv(backends = ['cpu', 'wasm', 'webgpu']) {
  tf.env().set('IS_TEST', true);
  const rows = [];
  const readSync = async (t) => t.dataSync();
  const readAsync = async (t) => t.data();
  const engines = [];
  if (backends.includes('cpu')) {
    engines.push({
      label: 'cpu',
      mxts: await createCpuBackend(),
      t: tf,
      tfName: 'cpu',
      read: readSync,
    });
  }
  if (backends.includes('wasm')) {
    const mxts = await createWasmBackend();
    engines.push({ label: 'wasm', mxts, t: tf, tfName: 'wasm', read: readSync });
  }
  if (backends.includes('webgpu')) {
    const gpu = await openWebGpu();
    if (gpu.backend) {
      const { t, why } = await tfWebGpu();
      engines.push({
        label: 'webgpu',
        mxts: gpu.backend,
        t,
        tfName: t ? 'webgpu' : null,
        why,
        read: readAsync,
      });
    } else {
      rows.push({ name: 'conv/pool layers', impl: 'MXTS (webgpu)', unavailable: gpu.why });
    }
  }
  for (const e of engines) {
    for (const wl of WORKLOADS) {
      const m = mxtsRuns(wl, e.mxts, e.read);
      const impls = [{ impl: `MXTS (${e.label})`, enter: () => mx.useBackend(e.mxts), runs: m }];
      if (e.tfName) {
        const t = e.t;
        await t.setBackend(e.tfName);
        impls.push({
          impl: `TF.js (${e.tfName})`,
          enter: () => (t.getBackend() === e.tfName ? undefined : t.setBackend(e.tfName)),
          runs: tfjsRuns(t, wl, e.read),
        });
      }
      for (const phase of ['fwd', 'both']) {
        // An implementation that cannot run this (TF.js on wasm has no
        // Conv2DBackpropFilter) says why, in place of its figures.
        // The same forward values (to float32 rounding) or no figures: a backend that
        // fails its shaders (TF.js's WebGPU in compatibility mode) times nothing.
        const ok = [];
        const failed = [];
        let expected = null;
        for (const i of impls) {
          try {
            await i.enter();
            await i.runs[phase]();
            const v = await i.runs.values();
            expected ??= v;
            const off = v.findIndex(
              (y, j) => !(Math.abs(y - expected[j]) <= 1e-4 * (1 + Math.abs(expected[j]))),
            );
            if (v.length !== expected.length || off >= 0) {
              throw new Error(`forward values differ from MXTS's (at element ${off})`);
            }
            ok.push(i);
          } catch (err) {
            failed.push({ impl: i.impl, why: (err?.message ?? String(err)).split('\n')[0] });
          }
        }
        const ms = await interleave(
          ok.map((i) => ({ enter: i.enter, run: i.runs[phase] })),
          2,
          e.label === 'webgpu' ? 5 : 7,
        );
        const name = `${wl.name}, ${phase === 'fwd' ? 'forward' : 'fwd+bwd'}`;
        ok.forEach((i, k) => {
          const extra = k === 0 && ms.length > 1 ? `${(ms[0] / ms[1]).toFixed(2)}x TF.js` : '';
          rows.push({ name, impl: i.impl, ms: ms[k], extra });
        });
        for (const f of failed) rows.push({ name, impl: f.impl, unavailable: f.why });
        if (!e.tfName) rows.push({ name, impl: 'TF.js (webgpu)', unavailable: e.why });
      }
    }
  }
  for (const e of engines) e.mxts.close?.();
  return rows;
}

// Run alone: print the table.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await conv(process.argv.length > 2 ? process.argv.slice(2) : undefined);
  for (const r of rows) {
    const figure = 'unavailable' in r ? `unavailable: ${r.unavailable}` : r.ms.toFixed(2);
    console.log(
      `${r.name.padEnd(42)} ${r.impl.padEnd(16)} ${figure.padStart(9)}  ${r.extra ?? ''}`,
    );
  }
}
