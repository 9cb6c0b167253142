// A chain of tiny recorded ops (multiply then add on a 1-element array), forward and
// backward: MXTS beside TF.js's tf.grad, on TF.js's CPU kernels and, where tfjs-node is set
// up, on libtensorflow; interleaved round by round in one run.

import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
// The union package registers TF.js's gradients and its CPU backend.
import * as tf from '@tensorflow/tfjs';
import { tfjsNode } from './tfjs-node.mjs';
import { interleave } from './timing.mjs';

const STEPS = 1000; // each step is a multiply and an add: 2000 ops
const OPS = 2 * STEPS;
const NAME = `autograd chain, ${OPS} ops, fwd+bwd`;

function mxtsChain(backend) {
  mx.useBackend(backend);
  const a = mx.nd.array([1.0001]);
  const b = mx.nd.array([0.0001]);
  return () => {
    const x = mx.nd.array([1]);
    x.attachGrad();
    const y = mx.autograd.record(() => {
      let v = x;
      for (let i = 0; i < STEPS; i++) v = v.mul(a).add(b);
      return v;
    });
    y.backward();
    return x.grad.dataSync()[0];
  };
}

async function tfjsChain(tfBackend) {
  await tf.setBackend(tfBackend);
  const ta = tf.tensor1d([1.0001]);
  const tb = tf.tensor1d([0.0001]);
  const f = tf.grad((x) => {
    let v = x;
    for (let i = 0; i < STEPS; i++) v = tf.add(tf.mul(v, ta), tb);
    return v;
  });
  return () => tf.tidy(() => f(tf.tensor1d([1])).dataSync()[0]);
}

export async function autogradChain() {
  tf.env().set('IS_TEST', true);
  const node = await tfjsNode();
  const cpu = await createCpuBackend();
  const impls = [
    { impl: 'MXTS (backend-cpu)', backend: cpu, run: mxtsChain(cpu) },
    { impl: 'TF.js tf.grad (cpu)', tfBackend: 'cpu', run: await tfjsChain('cpu') },
  ];
  const unavailable = [];
  if (node.backend) {
    impls.push({
      impl: 'MXTS (backend-tfjs-node)',
      backend: node.backend,
      run: mxtsChain(node.backend),
    });
    // tfjs-node registered 'tensorflow' with its copy of tfjs-core; the union's must be that one.
    if (tf.findBackendFactory('tensorflow')) {
      impls.push({
        impl: 'TF.js tf.grad (tensorflow)',
        tfBackend: 'tensorflow',
        run: await tfjsChain('tensorflow'),
      });
    } else {
      unavailable.push([
        'TF.js tf.grad (tensorflow)',
        'tfjs-node registered with another copy of tfjs-core',
      ]);
    }
  } else {
    unavailable.push(['MXTS (backend-tfjs-node)', node.why]);
  }
  for (const m of impls) {
    if (m.backend) m.enter = () => mx.useBackend(m.backend);
    else m.enter = () => (tf.getBackend() === m.tfBackend ? undefined : tf.setBackend(m.tfBackend));
  }
  // Both compute the same gradient.
  const grads = [];
  for (const m of impls) {
    await m.enter();
    grads.push(m.run());
  }
  for (const g of grads) {
    if (Math.abs(g - grads[1]) > 1e-4 * Math.abs(grads[1])) {
      throw new Error(`gradients differ: ${grads.join(', ')}`);
    }
  }
  const ms = await interleave(impls, 5, 30);
  const rows = impls.map((m, i) => ({
    name: NAME,
    impl: m.impl,
    ms: ms[i],
    extra: `${((ms[i] * 1000) / OPS).toFixed(2)} us/op`,
  }));
  for (const [impl, why] of unavailable) rows.push({ name: NAME, impl, unavailable: why });
  rows.push({
    ratio: ms[0] / ms[1],
    label: 'MXTS / TF.js time per op, autograd chain (target <= 0.5)',
  });
  const at = (impl) => impls.findIndex((m) => m.impl === impl);
  if (at('TF.js tf.grad (tensorflow)') >= 0) {
    rows.push({
      ratio: ms[at('MXTS (backend-tfjs-node)')] / ms[at('TF.js tf.grad (tensorflow)')],
      label: 'MXTS / TF.js time per op on tfjs-node, autograd chain',
    });
  }
  return rows;
}
