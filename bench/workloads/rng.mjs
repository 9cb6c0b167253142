// rng-uniform-1e7, rng-normal-1e7: one call drawing 1e7 float32 values; M values/s. MXTS
// draws MXNet's exact CPU stream on the host, whatever the backend.

import * as mx from '@mxts/core';
import * as tf from '@tensorflow/tfjs';
import { jaxCandidates, mxtsCandidates, tfjsCandidates } from './common.mjs';

const N = 1e7;

function rngWorkload(kind) {
  return {
    name: `rng-${kind}-1e7`,
    rate: (ms) => `${(N / ms / 1e3).toFixed(0)} M values/s`,
    async candidates(env) {
      const mxts = mxtsCandidates(
        env,
        () => () => mx.nd.random[kind]({ shape: [N] }).dispose(),
        (b) => b === 'cpu' || b === 'wasm',
      );
      const tfjs = await tfjsCandidates(
        env,
        () => () => {
          const t = kind === 'uniform' ? tf.randomUniform([N]) : tf.randomNormal([N]);
          // Drawn on the host for cpu and wasm; the read is what forces a lazy backend.
          t.dataSync();
          t.dispose();
        },
        (b) => b === 'cpu' || b === 'wasm',
      );
      const jax = jaxCandidates(env, {
        'jax-js': ({ random }) => {
          let i = 0;
          return () => {
            const x = random[kind](random.key(i++), [N]);
            x.dataSync();
          };
        },
      });
      return [...mxts, ...tfjs, ...jax];
    },
  };
}

export const rngUniform = rngWorkload('uniform');
export const rngNormal = rngWorkload('normal');
