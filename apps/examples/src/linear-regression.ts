// Linear regression from scratch, as Dive into Deep Learning's MXNet chapter writes it:
// 1000 samples of y = Xw + b + noise with w = [2, -3.4], b = 4.2, noise N(0, 0.01²),
// minibatches of 10 drawn in a shuffled order, squared loss, plain SGD (lr 0.03), 3 epochs.
//   pnpm example linear-regression [--backend cpu|wasm|webgpu|tfjs-node] [--epochs N]

import * as mx from '@mxts/core';

/** The weights the data is made from (d2l's `true_w`, `true_b`). */
export const TRUE_W = [2, -3.4] as const;
export const TRUE_B = 4.2;

/** Options of `linearRegression`; d2l's values by default. */
export interface LinearRegressionOptions {
  samples?: number;
  batchSize?: number;
  lr?: number;
  epochs?: number;
  /** The seed of MXNet's random stream (data, initial weights, minibatch order). */
  seed?: number;
  /** Called after each epoch with the mean loss over all samples. */
  onEpoch?: (epoch: number, loss: number) => void;
}

/** What training found. */
export interface LinearRegressionResult {
  w: number[];
  b: number;
  /** The mean squared loss (halved, as d2l's `squared_loss`) after each epoch. */
  losses: number[];
}

/**
 * Trains y = Xw + b on synthetic data and returns the weights it found. Reads are
 * asynchronous, so it runs on every backend; it frees every array it makes.
 *
 * @example
 * const { w, b } = await linearRegression(); // w ≈ [2, -3.4], b ≈ 4.2
 */
export async function linearRegression(
  options: LinearRegressionOptions = {},
): Promise<LinearRegressionResult> {
  const { samples = 1000, batchSize = 10, lr = 0.03, epochs = 3, seed = 0 } = options;
  const { nd, autograd } = mx;
  mx.random.seed(seed);
  using _ = mx.scope();
  // features = nd.random.normal(scale=1, shape=(num_examples, num_inputs))
  const features = nd.random.normal({ scale: 1, shape: [samples, 2] });
  // labels = nd.dot(features, true_w) + true_b; labels += nd.random.normal(scale=0.01, ...)
  const labels = mx.scope(() =>
    nd
      .dot(features, nd.array([...TRUE_W], { shape: [2, 1] }))
      .add(TRUE_B)
      .add(nd.random.normal({ scale: 0.01, shape: [samples, 1] })),
  );
  // w = nd.random.normal(scale=0.01, shape=(num_inputs, 1)); b = nd.zeros(shape=(1,))
  const w = nd.random.normal({ scale: 0.01, shape: [2, 1] });
  const b = nd.zeros([1]);
  w.attachGrad();
  b.attachGrad();
  // def linreg(X, w, b): return nd.dot(X, w) + b
  const net = (X: mx.NDArray) => nd.broadcastAdd(nd.dot(X, w), b);
  // def squared_loss(y_hat, y): return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2
  const loss = (yHat: mx.NDArray, y: mx.NDArray) => yHat.sub(y).pow(2).div(2);
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    // data_iter: every sample once per epoch, in a shuffled order.
    const order = mx.scope(() => nd.random.shuffle(nd.arange(samples)));
    for (let i = 0; i < samples; i += batchSize) {
      mx.scope(() => {
        const idx = nd.sliceAxis(order, {
          axis: 0,
          begin: i,
          end: Math.min(i + batchSize, samples),
        });
        const X = nd.take(features, idx);
        const y = nd.take(labels, idx);
        const l = autograd.record(() => loss(net(X), y));
        l.backward();
        // sgd: param[:] = param - lr * param.grad / batch_size, in place
        for (const p of [w, b]) {
          nd.sgdUpdate(p, p.grad as mx.NDArray, { lr, rescaleGrad: 1 / batchSize, out: p });
        }
      });
    }
    order.dispose();
    const mean = mx.scope(() => nd.mean(loss(net(features), labels)));
    const epochLoss = await mean.asscalar();
    mean.dispose();
    losses.push(epochLoss);
    options.onEpoch?.(epoch + 1, epochLoss);
  }
  return { w: Array.from(await w.data()), b: (await b.data())[0], losses };
}

/** `pnpm example linear-regression`: trains, then prints the weights next to the truth. */
export async function run(args: { epochs?: number }): Promise<void> {
  const result = await linearRegression({
    epochs: args.epochs,
    onEpoch: (epoch, loss) => console.log(`epoch ${epoch}, loss ${loss.toFixed(6)}`),
  });
  const f = (v: number) => v.toFixed(4);
  console.log(`w: [${result.w.map(f).join(', ')}]  true: [${TRUE_W.join(', ')}]`);
  console.log(`b: ${f(result.b)}  true: ${TRUE_B}`);
  const errW = result.w.map((v, i) => Math.abs(v - TRUE_W[i]));
  const errB = Math.abs(result.b - TRUE_B);
  console.log(`error in w: [${errW.map(f).join(', ')}]  error in b: ${f(errB)}`);
}
