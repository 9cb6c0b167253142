// The MXNet Crash Course's LeNet training loop ("Train the neural network"), ported line by
// line to MXTS: Fashion-MNIST from `--data DIR` (the idx files you have; nothing is
// downloaded), else a synthetic set of 28x28 gratings. Run it with
//   pnpm example gluon-lenet [--backend cpu|wasm|webgpu|tfjs-node] [--data DIR] [--epochs N]
// Each Python line is quoted above its TypeScript.

import { parseArgs } from 'node:util';
import * as mx from '@mxts/core';
import * as gluon from '@mxts/gluon';
import cliProgress from 'cli-progress';
import { BACKEND_NAMES, createBackendNamed, isBackendName } from './backend-option.js';
import { lenet, syntheticFashion } from './lenet.js';

const argv = process.argv.slice(2);
if (argv[0] === 'gluon-lenet') argv.shift();
const { values: args } = parseArgs({
  args: argv,
  options: {
    backend: { type: 'string', default: 'wasm' },
    data: { type: 'string' },
    epochs: { type: 'string' },
    samples: { type: 'string', default: '6400' },
  },
});
const backendName = args.backend as string;
if (!isBackendName(backendName)) {
  console.error(`--backend must be one of ${BACKEND_NAMES.join(', ')}, got '${backendName}'`);
  process.exit(1);
}
// The Crash Course's 10 epochs on Fashion-MNIST; 3 suffice for the synthetic set.
const epochs = Number(args.epochs ?? (args.data === undefined ? 3 : 10));
const samples = Number(args.samples);
if (!(Number.isInteger(epochs) && epochs > 0 && Number.isInteger(samples) && samples >= 64)) {
  console.error('--epochs must be a positive integer and --samples an integer >= 64');
  process.exit(1);
}
try {
  mx.useBackend(await createBackendNamed(backendName));
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

const { data } = gluon;
const { transforms } = data.vision;
mx.random.seed(42);
data.numpyRandom.seed(42);

// mnist_train = datasets.FashionMNIST(train=True)
// mnist_valid = gluon.data.vision.FashionMNIST(train=False)
let mnistTrain: gluon.data.Dataset<unknown>;
let mnistValid: gluon.data.Dataset<unknown>;
let source: string;
if (args.data !== undefined) {
  try {
    mnistTrain = await data.vision.FashionMNIST.create(args.data, { train: true });
    mnistValid = await data.vision.FashionMNIST.create(args.data, { train: false });
  } catch (e) {
    // DatasetFilesMissingError names the files it looked for.
    console.error((e as Error).message);
    process.exit(1);
  }
  source = `Fashion-MNIST from ${args.data}`;
} else {
  const train = syntheticFashion(samples, 1);
  const valid = syntheticFashion(Math.max(64, Math.floor(samples / 5)), 2);
  mnistTrain = new data.ArrayDataset(train.images, train.labels);
  mnistValid = new data.ArrayDataset(valid.images, valid.labels);
  source = `synthetic gratings (${samples} training images; --data DIR reads Fashion-MNIST)`;
}

// transformer = transforms.Compose([transforms.ToTensor(), transforms.Normalize(0.13, 0.31)])
// MXTS applies it to whole batches (ToTensor takes (N, H, W, C)), the same numbers as
// transform_first's per-image calls without an array per image.
const transformer = new transforms.Compose([
  new transforms.ToTensor(),
  new transforms.Normalize(0.13, 0.31),
]);

// batch_size = 64
// train_data = gluon.data.DataLoader(mnist_train, batch_size=batch_size, shuffle=True)
// valid_data = gluon.data.DataLoader(mnist_valid, batch_size=batch_size)
const batchSize = 64;
const trainData = new data.DataLoader(mnistTrain, { batchSize, shuffle: true });
const validData = new data.DataLoader(mnistValid, { batchSize });

// net = nn.Sequential(); net.add(nn.Conv2D(...), ..., nn.Dense(10))  (see lenet.ts)
// net.initialize(init=init.Xavier())
const net = lenet();
net.initialize(new mx.init.Xavier());

// softmax_cross_entropy = gluon.loss.SoftmaxCrossEntropyLoss()
// trainer = gluon.Trainer(net.collect_params(), 'sgd', {'learning_rate': 0.1})
const softmaxCrossEntropy = new gluon.loss.SoftmaxCrossEntropyLoss();
const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
const trainAcc = new gluon.metric.Accuracy();
const validAcc = new gluon.metric.Accuracy();

console.log(`LeNet on ${source}, backend ${args.backend}, batch ${batchSize}, ${epochs} epochs`);
const bar = new cliProgress.SingleBar(
  {
    format:
      'epoch {epoch} |{bar}| {value}/{total} batches | loss {loss} | acc {acc} | {speed} samples/s',
    hideCursor: true,
    noTTYOutput: !process.stdout.isTTY,
    notTTYSchedule: 5000,
  },
  cliProgress.Presets.shades_classic,
);
const liveAfterStep: number[] = [];

// for epoch in range(10):
for (let epoch = 0; epoch < epochs; epoch++) {
  // train_loss, train_acc, valid_acc = 0., 0., 0.; tic = time.time()
  let trainLoss = 0;
  let seen = 0;
  trainAcc.reset();
  validAcc.reset();
  const tic = performance.now();
  bar.start(trainData.length, 0, { epoch: epoch + 1, loss: '-', acc: '-', speed: '-' });
  // for data, label in train_data:
  for await (const [raw, label] of trainData as AsyncIterable<[mx.NDArray, mx.NDArray]>) {
    // One scope per step: everything the step creates is freed when it ends.
    const lossSum = await mx.scope(async () => {
      const batch = transformer.forward(raw) as mx.NDArray;
      // with autograd.record():
      //     output = net(data)
      //     loss = softmax_cross_entropy(output, label)
      const [output, loss] = mx.autograd.record(() => {
        const output = net.forward(batch) as mx.NDArray;
        return [output, softmaxCrossEntropy.forward(output, label)];
      });
      // loss.backward()
      loss.backward();
      // trainer.step(batch_size)
      trainer.step(batchSize);
      // train_acc += acc(output, label)
      await trainAcc.update([label], [output]);
      // train_loss += loss.mean().asscalar()
      return (await mx.nd.sum(loss).asscalar()) as number;
    });
    trainLoss += lossSum;
    seen += raw.shape[0];
    raw.dispose();
    label.dispose();
    liveAfterStep.push(mx.memory().arrays);
    const secs = (performance.now() - tic) / 1000;
    bar.increment(1, {
      loss: (trainLoss / seen).toFixed(3),
      acc: trainAcc.get()[1].toFixed(3),
      speed: (seen / secs).toFixed(0),
    });
  }
  bar.stop();
  // for data, label in valid_data: valid_acc += acc(net(data), label)
  for await (const [raw, label] of validData as AsyncIterable<[mx.NDArray, mx.NDArray]>) {
    await mx.scope(() => validAcc.update([label], [net.forward(transformer.forward(raw))]));
    raw.dispose();
    label.dispose();
  }
  // print("Epoch %d: loss %.3f, train acc %.3f, test acc %.3f, in %.1f sec" % (...))
  const secs = (performance.now() - tic) / 1000;
  console.log(
    `Epoch ${epoch}: loss ${(trainLoss / seen).toFixed(3)}, train acc ${trainAcc.get()[1].toFixed(3)}, test acc ${validAcc.get()[1].toFixed(3)}, in ${secs.toFixed(1)} sec`,
  );
}

const lo = Math.min(...liveAfterStep);
const hi = Math.max(...liveAfterStep);
console.log(`live arrays after each step: ${lo}..${hi} over ${liveAfterStep.length} steps`);
console.log('mx.memory():', mx.memory());
