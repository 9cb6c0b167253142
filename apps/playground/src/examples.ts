import * as mx from '@mxts/core';

const { nd, autograd } = mx;

export type Print = (text: string) => void;

/** The tutorial's D2: `autograd.grad` with `create_graph=True` returns a list of arrays. */
export async function gradExample(print: Print): Promise<void> {
  const x = nd.ones([2]);
  x.attachGrad();
  const z = autograd.record(() => nd.elemwiseAdd(nd.exp(x), x));
  const dx = autograd.grad(z, [x], { createGraph: true });
  print('D2: autograd.grad(z, [x], create_graph=True)');
  print(await mx.repr(dx));
}

/**
 * Fits y = 2x + 1 with one FullyConnected unit and plain SGD on `w.grad` and `b.grad`.
 * Returns the losses it printed, first to last.
 */
export async function trainingExample(print: Print): Promise<number[]> {
  const xs = [-1, -0.5, 0, 0.5, 1, 1.5];
  const x = nd.array(xs, { shape: [xs.length, 1] });
  const y = nd.array(
    xs.map((v) => 2 * v + 1),
    { shape: [xs.length, 1] },
  );
  const w = nd.zeros([1, 1]);
  const b = nd.zeros([1]);
  w.attachGrad();
  b.attachGrad();
  const lr = 0.1;
  const epochs = 50;
  const losses: number[] = [];
  print(`\nTraining: fit y = 2x + 1 with FullyConnected(numHidden=1), SGD lr=${lr}`);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const loss = autograd.record(() =>
      nd.FullyConnected(x, w, b, { numHidden: 1 }).sub(y).square().mean(),
    );
    loss.backward();
    w.isub(w.grad!.mul(lr));
    b.isub(b.grad!.mul(lr));
    if (epoch % 10 === 0 || epoch === epochs - 1) {
      // GPU reads are asynchronous, so only read the loss when printing it.
      const value = (await loss.data())[0];
      losses.push(value);
      print(`epoch ${String(epoch).padStart(2)}  loss ${value.toExponential(3)}`);
    }
  }
  const [wv] = await w.data();
  const [bv] = await b.data();
  print(`learned w = ${wv.toFixed(4)}, b = ${bv.toFixed(4)} (target 2, 1)`);
  const first = losses[0];
  const last = losses[losses.length - 1];
  print(
    `loss ${first.toExponential(3)} -> ${last.toExponential(3)}: ${last < first ? 'decreased' : 'did NOT decrease'}`,
  );
  return losses;
}
