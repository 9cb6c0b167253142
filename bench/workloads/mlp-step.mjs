// mlp-step: one SGD step of a 784-256-10 MLP (relu, softmax cross-entropy, batch 64, lr 0.1):
// forward, backward, in-place update, and the loss read back. Every library starts from the
// same weights and data (../data.mjs), so the first step's loss must agree.

import * as mx from '@mxts/core';
import * as tf from '@tensorflow/tfjs';
import { MLP, mlpData, transposed } from '../data.mjs';
import { jaxCandidates, mxtsCandidates, readMx, takeTfScalar, tfjsCandidates } from './common.mjs';

const { batch, input, hidden, output, lr } = MLP;

/** MXTS's step as an MXNet user writes it: FullyConnected, relu, log-softmax + pick, sgdUpdate. */
export function mxtsMlpStep(b) {
  const d = mlpData();
  const x = mx.nd.array(d.x, { shape: [batch, input] });
  const y = mx.nd.array(d.labels, { dtype: 'int32' });
  const params = [
    mx.nd.array(d.w1, { shape: [hidden, input] }),
    mx.nd.array(d.b1),
    mx.nd.array(d.w2, { shape: [output, hidden] }),
    mx.nd.array(d.b2),
  ];
  for (const p of params) p.attachGrad();
  const [w1, b1, w2, b2] = params;
  return () =>
    mx.scope(() => {
      const loss = mx.autograd.record(() => {
        const h = mx.nd.relu(mx.nd.FullyConnected(x, w1, b1, { numHidden: hidden }));
        const o = mx.nd.FullyConnected(h, w2, b2, { numHidden: output });
        return mx.nd.mean(mx.nd.negative(mx.nd.pick(mx.nd.logSoftmax(o), y)));
      });
      loss.backward();
      for (const p of params) mx.nd.sgdUpdate(p, p.grad, { lr, out: p });
      const v = readMx(loss, b);
      return v instanceof Promise ? v.then((a) => a[0]) : v[0];
    });
}

export const mlpStep = {
  name: 'mlp-step',
  rate: (ms) => `${((batch * 1000) / ms).toFixed(0)} samples/s`,
  async candidates(env) {
    const mxts = mxtsCandidates(env, (_, b) => mxtsMlpStep(b));
    const tfjs = await tfjsCandidates(env, () => {
      const d = mlpData();
      const x = tf.tensor2d(d.x, [batch, input]);
      const onehot = tf.oneHot(tf.tensor1d(d.labels, 'int32'), output);
      // TF.js's dense layers keep their kernel as (in, out).
      const w1 = tf.variable(tf.tensor2d(transposed(d.w1, hidden, input), [input, hidden]));
      const b1 = tf.variable(tf.tensor1d(d.b1));
      const w2 = tf.variable(tf.tensor2d(transposed(d.w2, output, hidden), [hidden, output]));
      const b2 = tf.variable(tf.tensor1d(d.b2));
      const opt = tf.train.sgd(lr);
      return () => {
        const cost = opt.minimize(() => {
          const h = tf.relu(tf.add(tf.matMul(x, w1), b1));
          return tf.losses.softmaxCrossEntropy(onehot, tf.add(tf.matMul(h, w2), b2));
        }, true);
        return takeTfScalar(cost);
      };
    });
    const jaxStep = (jax, wrap) => {
      const { numpy: np, nn, tree } = jax;
      const d = mlpData();
      const x = np.array(d.x).reshape([batch, input]);
      const y = np.array(d.labels, { dtype: np.int32 });
      let p = {
        w1: np.array(transposed(d.w1, hidden, input)).reshape([input, hidden]),
        b1: np.array(d.b1),
        w2: np.array(transposed(d.w2, output, hidden)).reshape([hidden, output]),
        b2: np.array(d.b2),
      };
      const lossFn = (q, xs, ys) => {
        const h = nn.relu(np.matmul(xs, q.w1).add(q.b1));
        const o = np.matmul(h, q.w2).add(q.b2);
        return nn
          .logSoftmax(o, -1)
          .mul(nn.oneHot(ys, output))
          .sum()
          .mul(-1 / batch);
      };
      const step = wrap((q, xs, ys) => {
        const [loss, g] = jax.valueAndGrad(lossFn)(tree.ref(q), xs, ys);
        return [loss, tree.map((a, ga) => a.sub(ga.mul(lr)), q, g)];
      });
      return () => {
        const [loss, next] = step(p, x.ref, y.ref);
        p = next;
        // Reading consumes the array (jax-js's ownership rules).
        return loss.dataSync()[0];
      };
    };
    const jax = jaxCandidates(env, {
      'jax-js': (jax) => jaxStep(jax, (f) => f),
      'jax-js-jit': (jax) => jaxStep(jax, jax.jit),
    });
    return [...mxts, ...tfjs, ...jax];
  },
};
