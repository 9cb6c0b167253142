// lenet-step: one training step of the Crash Course's LeNet (batch 64, 28x28: forward,
// backward, trainer.step, the loss read back), through Gluon on each MXTS backend, and the
// same network in TF.js's layers (NHWC, its own layout) on each TF.js backend.

import * as mx from '@mxts/core';
// The bench depends on the examples and Gluon as workspace packages: their builds.
import { lenet, syntheticFashion } from '@mxts/examples/dist/lenet.js';
import * as gluon from '@mxts/gluon';
import * as tf from '@tensorflow/tfjs';
import { mxtsCandidates, takeTfScalar, tfjsCandidates } from './common.mjs';

const BATCH = 64;

function lenetStep() {
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

function tfLenetStep(pixels, classes) {
  const L = tf.layers;
  const model = tf.sequential({
    layers: [
      L.conv2d({ inputShape: [28, 28, 1], filters: 6, kernelSize: 5, activation: 'relu' }),
      L.maxPooling2d({ poolSize: 2, strides: 2 }),
      L.conv2d({ filters: 16, kernelSize: 3, activation: 'relu' }),
      L.maxPooling2d({ poolSize: 2, strides: 2 }),
      L.flatten(),
      L.dense({ units: 120, activation: 'relu' }),
      L.dense({ units: 84, activation: 'relu' }),
      L.dense({ units: 10 }),
    ],
  });
  const x = tf.tensor4d(pixels, [BATCH, 28, 28, 1]);
  const onehot = tf.oneHot(tf.tensor1d(classes, 'int32'), 10);
  const opt = tf.train.sgd(0.1);
  return () => {
    const cost = opt.minimize(
      () => tf.losses.softmaxCrossEntropy(onehot, model.apply(x, { training: true })),
      true,
    );
    return takeTfScalar(cost);
  };
}

export const lenetStepWorkload = {
  name: 'lenet-step',
  rate: (ms) => `${((BATCH * 1000) / ms).toFixed(0)} samples/s`,
  async candidates(env) {
    const mxts = mxtsCandidates(env, () => lenetStep());
    // The same synthetic batch, normalized as Gluon's ToTensor + Normalize do.
    mx.useBackend(env.mxts[0].b);
    const { images, labels } = syntheticFashion(BATCH, 1);
    const pixels = Float32Array.from(images.dataSync(), (v) => (v / 255 - 0.13) / 0.31);
    const classes = Int32Array.from(labels.dataSync());
    images.dispose();
    labels.dispose();
    const tfjs = await tfjsCandidates(env, () => tfLenetStep(pixels, classes));
    return [...mxts, ...tfjs];
  },
};
