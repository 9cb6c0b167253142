// xavier-4096: Xavier-initialize a 4096x4096 float32 weight (uniform, factor 'avg',
// magnitude 3: bound sqrt(6 / (fanIn + fanOut))), as each library's initializer does it.

import * as mx from '@mxts/core';
import * as tf from '@tensorflow/tfjs';
import { jaxCandidates, mxtsCandidates, tfjsCandidates } from './common.mjs';

const N = 4096;
const BOUND = Math.sqrt(6 / (N + N));

export const xavier4096 = {
  name: 'xavier-4096',
  rate: (ms) => `${((N * N) / ms / 1e3).toFixed(0)} M values/s`,
  async candidates(env) {
    const mxts = mxtsCandidates(
      env,
      () => {
        const w = mx.nd.zeros([N, N]);
        const init = new mx.init.Xavier();
        const desc = new mx.init.InitDesc('fc_weight');
        return () => init.apply(desc, w);
      },
      (b) => b === 'cpu' || b === 'wasm',
    );
    const tfjs = await tfjsCandidates(
      env,
      () => {
        const init = tf.initializers.glorotUniform({});
        return () => {
          const t = init.apply([N, N]);
          t.dataSync();
          t.dispose();
        };
      },
      (b) => b === 'cpu' || b === 'wasm',
    );
    const jax = jaxCandidates(env, {
      'jax-js': ({ random }) => {
        let i = 0;
        return () =>
          random.uniform(random.key(i++), [N, N], { minval: -BOUND, maxval: BOUND }).dataSync();
      },
    });
    return [...mxts, ...tfjs, ...jax];
  },
};
