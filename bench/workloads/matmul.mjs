// matmul-512, matmul-1024: one float32 matrix product, read back; GFLOP/s.

import * as mx from '@mxts/core';
import * as tf from '@tensorflow/tfjs';
import { uniformValues } from '../data.mjs';
import { jaxCandidates, mxtsCandidates, readMx, readTf, tfjsCandidates } from './common.mjs';

function matmulWorkload(n) {
  const flops = 2 * n ** 3;
  return {
    name: `matmul-${n}`,
    n,
    rate: (ms) => `${(flops / ms / 1e6).toFixed(1)} GFLOP/s`,
    async candidates(env) {
      const av = uniformValues(n * n, 11);
      const bv = uniformValues(n * n, 12);
      // TF.js's pure-JS kernels take tens of seconds per 1024 product: matmul-512 has them.
      const slow = (backend) => n > 512 && backend === 'cpu';
      const skipped = ['mxts', 'tfjs'].map((impl) => ({
        impl,
        backend: 'cpu',
        unavailable: 'left out at this size (pure-JS kernels, ~20 s a product); see matmul-512',
      }));
      const mxts = mxtsCandidates(
        env,
        (_, b) => {
          const a = mx.nd.array(av, { shape: [n, n] });
          const c = mx.nd.array(bv, { shape: [n, n] });
          return () => {
            const out = mx.nd.dot(a, c);
            const v = readMx(out, b);
            if (v instanceof Promise) return v.then(() => out.dispose());
            out.dispose();
          };
        },
        (backend) => !slow(backend),
      );
      const tfjs = await tfjsCandidates(
        env,
        () => {
          const a = tf.tensor2d(av, [n, n]);
          const c = tf.tensor2d(bv, [n, n]);
          return () => {
            const out = tf.matMul(a, c);
            const v = readTf(out);
            if (v instanceof Promise) return v.then(() => out.dispose());
            out.dispose();
          };
        },
        (backend) => !slow(backend),
      );
      const jax = jaxCandidates(env, {
        'jax-js': ({ numpy: np }) => {
          const a = np.array(av).reshape([n, n]);
          const c = np.array(bv).reshape([n, n]);
          return () => {
            np.matmul(a.ref, c.ref).dataSync();
          };
        },
      });
      return [
        ...mxts,
        ...tfjs,
        ...jax,
        ...(n > 512 && env.mxts.some((m) => m.backend === 'cpu') ? skipped : []),
      ];
    },
  };
}

export const matmul512 = matmulWorkload(512);
export const matmul1024 = matmulWorkload(1024);
