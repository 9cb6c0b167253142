// A chain of tiny recorded ops (multiply then add on a 1-element array), forward and
// backward: MXTS beside TF.js's tf.grad, both on TF.js's CPU kernels, in one run.

import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
// The union package registers TF.js's gradients and its CPU backend.
import * as tf from '@tensorflow/tfjs';
import { median, time } from './timing.mjs';

const STEPS = 1000; // each step is a multiply and an add: 2000 ops

export async function autogradChain() {
  mx.useBackend(await createCpuBackend());
  const a = mx.nd.array([1.0001]);
  const b = mx.nd.array([0.0001]);
  const mxts = () => {
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

  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
  const ta = tf.tensor1d([1.0001]);
  const tb = tf.tensor1d([0.0001]);
  const f = tf.grad((x) => {
    let v = x;
    for (let i = 0; i < STEPS; i++) v = tf.add(tf.mul(v, ta), tb);
    return v;
  });
  const tfjs = () =>
    tf.tidy(() => {
      const x = tf.tensor1d([1]);
      return f(x).dataSync()[0];
    });

  const gm = mxts();
  const gt = tfjs();
  if (Math.abs(gm - gt) > 1e-4 * Math.abs(gt)) throw new Error(`gradients differ: ${gm} vs ${gt}`);
  const tm = median(time(mxts, 5, 30));
  const tt = median(time(tfjs, 5, 30));
  const ops = 2 * STEPS;
  return [
    {
      name: `autograd chain, ${ops} ops, fwd+bwd`,
      impl: 'MXTS (backend-cpu)',
      ms: tm,
      extra: `${((tm * 1000) / ops).toFixed(2)} us/op`,
    },
    {
      name: `autograd chain, ${ops} ops, fwd+bwd`,
      impl: 'TF.js tf.grad (cpu)',
      ms: tt,
      extra: `${((tt * 1000) / ops).toFixed(2)} us/op`,
    },
    { ratio: tm / tt, label: 'MXTS / TF.js time per op, autograd chain (target <= 0.5)' },
  ];
}
