// What every workload shares: candidates per backend, and reads that end a timed run.

import * as mx from '@mxts/core';
import * as tf from '@tensorflow/tfjs';
import { enterTf } from '../backends.mjs';
import { errorText } from '../harness.mjs';

/** Reads an MXTS array back (synchronously where the backend can), so the run covers it. */
export function readMx(x, b) {
  return b.capabilities.syncRead ? x.dataSync() : x.data();
}

/** Reads a TF.js tensor back; WebGPU reads only asynchronously. */
export function readTf(t) {
  return tf.getBackend() === 'webgpu' ? t.data() : t.dataSync();
}

/** Reads a TF.js loss's first value (awaiting on WebGPU), then disposes the tensor. */
export function takeTfScalar(t) {
  const v = readTf(t);
  if (v instanceof Promise) {
    return v.then((a) => {
      t.dispose();
      return a[0];
    });
  }
  t.dispose();
  return v[0];
}

/**
 * One MXTS candidate per backend in `env.mxts` (filtered by `only`): `setup()` runs with the
 * backend current and returns the run function. A setup that throws becomes unavailable.
 */
export function mxtsCandidates(env, setup, only = () => true) {
  return env.mxts
    .filter((m) => only(m.backend))
    .map(({ backend, b }) => {
      try {
        mx.useBackend(b);
        return { impl: 'mxts', backend, enter: () => mx.useBackend(b), run: setup(backend, b) };
      } catch (e) {
        return { impl: 'mxts', backend, unavailable: errorText(e) };
      }
    });
}

/** The same for TF.js's backends in `env.tfjs`; `setup` may be async. */
export async function tfjsCandidates(env, setup, only = () => true) {
  const out = [];
  for (const backend of env.tfjs.filter(only)) {
    try {
      await enterTf(backend);
      out.push({ impl: 'tfjs', backend, enter: () => enterTf(backend), run: await setup(backend) });
    } catch (e) {
      out.push({ impl: 'tfjs', backend, unavailable: errorText(e) });
    }
  }
  return out;
}

/** jax-js candidates (wasm), `impls` a map from impl name to a setup; none without jax-js. */
export function jaxCandidates(env, impls) {
  if (env.jax === null) return [];
  return Object.entries(impls).map(([impl, setup]) => {
    try {
      return { impl, backend: 'wasm', run: setup(env.jax) };
    } catch (e) {
      return { impl, backend: 'wasm', unavailable: errorText(e) };
    }
  });
}

/** CPU-side backends only: thousands of tiny dispatches on a software GPU take minutes. */
export const cpuSide = (backend) => backend !== 'webgpu';
