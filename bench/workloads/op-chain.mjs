// op-chain: 2,000 recorded tiny ops (a multiply and an add per step on a 1-element array),
// forward and backward; the per-op cost of each library's autograd.

import * as mx from '@mxts/core';
import * as tf from '@tensorflow/tfjs';
import {
  cpuSide,
  jaxCandidates,
  mxtsCandidates,
  readMx,
  readTf,
  tfjsCandidates,
} from './common.mjs';

const STEPS = 1000;
export const OPS = 2 * STEPS;
const A = 1.0001;
const B = 0.0001;

/** The gradient every implementation must find: d/dx of the chain is A^STEPS, A in float32. */
export const expectedGrad = Math.fround(A) ** STEPS;

export const opChain = {
  name: 'op-chain',
  rate: (ms) => `${((ms * 1000) / OPS).toFixed(2)} us/op`,
  async candidates(env) {
    const mxts = mxtsCandidates(
      env,
      (_, b) => {
        const a = mx.nd.array([A]);
        const c = mx.nd.array([B]);
        return () =>
          mx.scope(() => {
            const x = mx.nd.array([1]);
            x.attachGrad();
            const y = mx.autograd.record(() => {
              let v = x;
              for (let i = 0; i < STEPS; i++) v = v.mul(a).add(c);
              return v;
            });
            y.backward();
            return readMx(x.grad, b);
          });
      },
      cpuSide,
    );
    const tfjs = await tfjsCandidates(
      env,
      () => {
        const ta = tf.tensor1d([A]);
        const tb = tf.tensor1d([B]);
        const f = tf.grad((x) => {
          let v = x;
          for (let i = 0; i < STEPS; i++) v = tf.add(tf.mul(v, ta), tb);
          return v;
        });
        return () => tf.tidy(() => readTf(f(tf.tensor1d([1]))));
      },
      cpuSide,
    );
    const chain = (x, a, c) => {
      let v = x;
      for (let i = 0; i < STEPS; i++) v = v.mul(a.ref).add(c.ref);
      a.dispose();
      c.dispose();
      return v.sum();
    };
    const jaxRun = (jax, g) => {
      const np = jax.numpy;
      const a = np.array([A]);
      const c = np.array([B]);
      return () => {
        const gx = g(np.array([1]), a.ref, c.ref);
        const v = gx.dataSync();
        return v;
      };
    };
    const jax = jaxCandidates(env, {
      'jax-js': (jax) => jaxRun(jax, jax.grad(chain)),
      'jax-js-jit': (jax) => jaxRun(jax, jax.jit(jax.grad(chain))),
    });
    return [...mxts, ...tfjs, ...jax];
  },
};
