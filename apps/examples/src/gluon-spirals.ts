// A Gluon MLP that separates two interleaved spirals, written as an MXNet 1.9.1 Gluon
// script would be: HybridSequential of Dense layers, Xavier, SoftmaxCrossEntropyLoss,
// Trainer('sgd'), DataLoader with shuffling. Run it with `pnpm example gluon-spirals`.

import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import * as gluon from '@mxts/gluon';

mx.useBackend(await createCpuBackend());
const { nn } = gluon;

/** Two spirals of 1.25 turns: class k at angle 2.5πt + kπ, radius 4t. */
function spirals(perClass: number): { X: Float32Array; y: Float32Array } {
  const X = new Float32Array(4 * perClass);
  const y = new Float32Array(2 * perClass);
  for (let k = 0; k < 2; k++) {
    for (let i = 0; i < perClass; i++) {
      const t = 0.1 + (0.9 * i) / (perClass - 1);
      const a = 2.5 * Math.PI * t + k * Math.PI;
      const n = k * perClass + i;
      X[2 * n] = 4 * t * Math.cos(a);
      X[2 * n + 1] = 4 * t * Math.sin(a);
      y[n] = k;
    }
  }
  return { X, y };
}

mx.random.seed(0);
gluon.data.numpyRandom.seed(0);
const { X, y } = spirals(200);
const data = mx.nd.array(X, { shape: [400, 2] });
const labels = mx.nd.array(y);
const loader = new gluon.data.DataLoader(new gluon.data.ArrayDataset(data, labels), {
  batchSize: 32,
  shuffle: true,
});

const net = new nn.HybridSequential();
net.nameScope(() => {
  net.add(new nn.Dense(32, { activation: 'relu' }));
  net.add(new nn.Dense(32, { activation: 'relu' }));
  net.add(new nn.Dense(2));
});
net.initialize(new mx.init.Xavier());
net.hybridize();
const lossFn = new gluon.loss.SoftmaxCrossEntropyLoss();
const trainer = new gluon.Trainer(net.collectParams(), 'sgd', {
  learningRate: 0.1,
  momentum: 0.9,
});

console.log(String(net));
for (let epoch = 0; epoch < 30; epoch++) {
  const t0 = performance.now();
  let lossSum = 0;
  let correct = 0;
  let seen = 0;
  for (const [x, label] of loader) {
    const [l, c] = mx.scope(() => {
      // Python: with autograd.record(): output = net(data); loss = loss_fn(output, label)
      const [out, loss] = mx.autograd.record(() => {
        const output = net.forward(x) as mx.NDArray;
        return [output, lossFn.forward(output, label)];
      });
      loss.backward();
      trainer.step(x.shape[0]);
      const o = out.dataSync();
      const t = label.dataSync();
      let ok = 0;
      for (let i = 0; i < t.length; i++) if ((o[2 * i + 1] > o[2 * i] ? 1 : 0) === t[i]) ok++;
      return [mx.nd.sum(loss).asscalarSync(), ok];
    });
    lossSum += l;
    correct += c;
    seen += x.shape[0];
    x.dispose();
    label.dispose();
  }
  if (epoch % 5 === 4 || epoch === 0) {
    const rate = seen / ((performance.now() - t0) / 1000);
    console.log(
      `epoch ${String(epoch + 1).padStart(2)}  loss ${(lossSum / seen).toFixed(4)}  accuracy ${(correct / seen).toFixed(3)}  ${rate.toFixed(0)} samples/s  live arrays ${mx.memory().arrays}`,
    );
  }
}
