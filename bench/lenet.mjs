// One training step of the Crash Course's LeNet (batch 64, 28x28: forward, backward,
// trainer.step) on each backend that starts here, interleaved round by round. The step ends
// with an asynchronous read of the loss, which every backend has (WebGPU reads only so),
// so each timing covers the whole step.

import { createCpuBackend } from '@mxts/backend-cpu';
import { createWasmBackend } from '@mxts/backend-wasm';
import { createWebGpuBackend } from '@mxts/backend-webgpu';
import * as mx from '@mxts/core';
// The root package does not depend on @mxts/gluon or the examples: load their builds.
import { lenet, syntheticFashion } from '../apps/examples/dist/lenet.js';
import * as gluon from '../packages/gluon/dist/index.js';
import { tfjsNode } from './tfjs-node.mjs';
import { median } from './timing.mjs';

const BATCH = 64;
const NAME = `LeNet train step, batch ${BATCH}, 28x28`;

function lenetStep(backend) {
  mx.useBackend(backend);
  mx.random.seed(0);
  const net = lenet();
  net.initialize(new mx.init.Xavier());
  const lossFn = new gluon.loss.SoftmaxCrossEntropyLoss();
  const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
  const { images, labels } = syntheticFashion(BATCH, 1);
  const x = mx.scope(() =>
    new gluon.data.vision.transforms.Normalize(0.13, 0.31).forward(
      new gluon.data.vision.transforms.ToTensor().forward(images),
    ),
  );
  images.dispose();
  return () =>
    mx.scope(async () => {
      const loss = mx.autograd.record(() => lossFn.forward(net.forward(x), labels));
      loss.backward();
      trainer.step(BATCH);
      return mx.nd.mean(loss).asscalar();
    });
}

export async function lenetTrain() {
  const impls = [];
  const unavailable = [];
  const tryOpen = async (impl, open) => {
    try {
      const backend = await open();
      impls.push({ impl, backend, run: lenetStep(backend) });
    } catch (e) {
      unavailable.push({ name: NAME, impl, unavailable: e?.reason ?? e?.message ?? String(e) });
    }
  };
  await tryOpen('MXTS backend-wasm', createWasmBackend);
  await tryOpen('MXTS backend-cpu', createCpuBackend);
  await tryOpen('MXTS backend-webgpu', createWebGpuBackend);
  const node = await tfjsNode();
  if (node.backend) await tryOpen('MXTS backend-tfjs-node', async () => node.backend);
  else unavailable.push({ name: NAME, impl: 'MXTS backend-tfjs-node', unavailable: node.why });

  // Interleaved as timing.mjs's `interleave`, awaiting each step's read.
  const warmup = 2;
  const rounds = 5;
  const samples = impls.map(() => []);
  for (let r = -warmup; r < rounds; r++) {
    for (let i = 0; i < impls.length; i++) {
      mx.useBackend(impls[i].backend);
      const t0 = performance.now();
      const loss = await impls[i].run();
      const dt = performance.now() - t0;
      if (!Number.isFinite(loss)) throw new Error(`${impls[i].impl}: loss ${loss}`);
      if (r >= 0) samples[i].push(dt);
    }
  }
  const rows = impls.map((m, i) => {
    const ms = median(samples[i]);
    return { name: NAME, impl: m.impl, ms, extra: `${((BATCH * 1000) / ms).toFixed(0)} samples/s` };
  });
  rows.push(...unavailable);
  const at = (impl) => impls.findIndex((m) => m.impl === impl);
  if (at('MXTS backend-wasm') >= 0 && at('MXTS backend-cpu') >= 0) {
    rows.push({
      ratio: rows[at('MXTS backend-cpu')].ms / rows[at('MXTS backend-wasm')].ms,
      label: 'cpu / wasm time, LeNet train step',
    });
  }
  return rows;
}
