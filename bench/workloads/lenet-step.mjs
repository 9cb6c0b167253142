// lenet-step: one training step of the Crash Course's LeNet (batch 64, 28x28: forward,
// backward, trainer.step, the loss read back), through Gluon on each MXTS backend.

import * as mx from '@mxts/core';
// The bench depends on the examples and Gluon as workspace packages: their builds.
import { lenet, syntheticFashion } from '@mxts/examples/dist/lenet.js';
import * as gluon from '@mxts/gluon';
import { mxtsCandidates } from './common.mjs';

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

export const lenetStepWorkload = {
  name: 'lenet-step',
  rate: (ms) => `${((BATCH * 1000) / ms).toFixed(0)} samples/s`,
  async candidates(env) {
    return mxtsCandidates(env, () => lenetStep());
  },
};
