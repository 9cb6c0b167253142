// A Gluon MLP that separates two interleaved spirals, written as an MXNet 1.9.1 Gluon
// script would be: HybridSequential of Dense layers, Xavier, SoftmaxCrossEntropyLoss,
// Trainer('sgd'), DataLoader with shuffling; a progress bar shows loss and accuracy.
//   pnpm example mlp-spirals [--backend cpu|wasm|webgpu|tfjs-node] [--epochs N]

import * as mx from '@mxts/core';
import * as gluon from '@mxts/gluon';
import cliProgress from 'cli-progress';

/** Two spirals of 1.25 turns: class k at angle 2.5πt + kπ, radius 4t. */
export function spirals(perClass: number): { X: Float32Array; y: Float32Array } {
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

/** `pnpm example mlp-spirals`: trains, with a progress bar per epoch. */
export async function run(args: { epochs?: number }): Promise<void> {
  const { nn } = gluon;
  const epochs = args.epochs ?? 30;
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
  const accuracy = new gluon.metric.Accuracy();

  console.log(String(net));
  const bar = new cliProgress.SingleBar(
    {
      format:
        'epoch {epoch}/{epochs} |{bar}| {value}/{total} batches | loss {loss} | accuracy {acc} | {speed} samples/s',
      hideCursor: true,
      stream: process.stdout,
    },
    cliProgress.Presets.shades_classic,
  );
  for (let epoch = 0; epoch < epochs; epoch++) {
    const tic = performance.now();
    let lossSum = 0;
    let seen = 0;
    accuracy.reset();
    bar.start(loader.length, 0, { epoch: epoch + 1, epochs, loss: '-', acc: '-', speed: '-' });
    for await (const [x, label] of loader as AsyncIterable<[mx.NDArray, mx.NDArray]>) {
      // Python: with autograd.record(): output = net(data); loss = loss_fn(output, label)
      lossSum += await mx.scope(async () => {
        const [out, loss] = mx.autograd.record(() => {
          const output = net.forward(x) as mx.NDArray;
          return [output, lossFn.forward(output, label)];
        });
        loss.backward();
        trainer.step(x.shape[0]);
        await accuracy.update([label], [out]);
        return mx.nd.sum(loss).asscalar();
      });
      seen += x.shape[0];
      x.dispose();
      label.dispose();
      bar.increment(1, {
        loss: (lossSum / seen).toFixed(4),
        acc: accuracy.get()[1].toFixed(3),
        speed: (seen / ((performance.now() - tic) / 1000)).toFixed(0),
      });
    }
    bar.stop();
    // Piped output gets no bar (cli-progress draws only on a terminal): a line per epoch.
    if (!process.stdout.isTTY) {
      console.log(
        `epoch ${epoch + 1}/${epochs}  loss ${(lossSum / seen).toFixed(4)}  accuracy ${accuracy.get()[1].toFixed(3)}`,
      );
    }
  }
  data.dispose();
  labels.dispose();
  // What stays: 6 parameters, their gradients and the SGD momentum of each.
  console.log(`live arrays at the end: ${mx.memory().arrays}`);
}
