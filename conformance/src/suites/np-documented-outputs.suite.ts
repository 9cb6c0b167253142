import * as mx from '@mxts/core';
import { check, closeValues, expectText } from '../assertions.js';
import { defineSuite } from '../conformance-case.js';
import { withinUlps } from '../ulp.js';

const { np, npx, autograd: ag } = mx;

/** The seed document's sigmoid Function written with mx.np, as D2L-style code would. */
class NpSigmoid extends mx.autograd.Function {
  override forward(x: mx.np.NpArray) {
    const y = np.divide(1, np.add(np.exp(np.negative(x)), 1));
    this.saveForBackward(y);
    return y;
  }
  override backward(dy: mx.np.NpArray) {
    const [y] = this.savedTensors as mx.np.NpArray[];
    return dy.mul(y).mul(np.subtract(1, y));
  }
}

function expectValuesWithin(
  what: string,
  actual: ArrayLike<number>,
  expected: number[],
  ulps: number,
) {
  check(
    actual.length === expected.length,
    `${what}: ${actual.length} values, expected ${expected.length}`,
  );
  expected.forEach((e, i) => {
    check(withinUlps(actual[i], e, ulps), `${what}: element ${i} is ${actual[i]}, documented ${e}`);
  });
}

/**
 * The five documented outputs of the seed document (../shared/seed/documented-outputs.md)
 * through mx.np: the same values and gradients with np arrays, printed as MXNet's np prints.
 */
export const npDocumentedOutputCases = defineSuite('np-doc', [
  {
    name: 'D1',
    async run() {
      // The document's input (nd's stream, as in the document), as an np array.
      mx.random.seed(0);
      mx.nd.random.uniform({ shape: [20] }).dispose();
      const x = mx.nd.random.uniform({ shape: [10] }).asNp();
      x.attachGrad();
      const m = ag.record(() => new NpSigmoid().apply(x) as mx.np.NpArray);
      m.backward();
      const g = x.grad;
      check(g instanceof np.NpArray, 'x.grad is an np array');
      expectValuesWithin(
        'dx_grad',
        await g!.data(),
        [
          0.21458015, 0.21291625, 0.23330082, 0.2361367, 0.23086983, 0.24060014, 0.20326573,
          0.21093895, 0.24968489, 0.24301809,
        ],
        2,
      );
      x.dispose();
      m.dispose();
    },
  },
  {
    name: 'D2',
    async run() {
      const x = np.ones([2]);
      x.attachGrad();
      const z = ag.record(() => np.add(np.exp(x), x));
      const [dx] = ag.grad(z, [x], { createGraph: true });
      const repr = await dx.asNp().repr();
      const ctx =
        x.context.deviceType === 'cpu' ? '' : `, ctx=${x.context}`.replace(/[()]/g, '\\$&');
      check(
        new RegExp(`^array\\(\\[3\\.\\d+, 3\\.\\d+\\]${ctx}\\)$`).test(repr),
        `repr(dx) is ${repr}`,
      );
      expectValuesWithin('dx', await dx.data(), [3.7182817, 3.7182817], 2);
      x.dispose();
      z.dispose();
      dx.dispose();
    },
  },
  {
    name: 'D3',
    async run() {
      const x = np.array([1, 2]);
      x.attachGrad();
      const w = np.array([3, 4]);
      ag.record(() => {
        let y = x.mul(w);
        ag.predictMode(() => {
          y = npx.dropout(y, { p: 0.5 });
        });
        ag.backward([y]);
      });
      closeValues('x.grad', await x.grad!.data(), [3, 4], { rtol: 0, atol: 0 });
      x.dispose();
      w.dispose();
    },
  },
  {
    name: 'D4',
    async run() {
      // Initializers are the same objects for np arrays; they fill np arrays in place.
      expectText(
        'Normal(0.8).dumps()',
        new mx.init.Normal(0.8).dumps(),
        '["normal", {"sigma": 0.8}]',
      );
      const w = np.zeros([2, 3]);
      new mx.init.Constant(0.5).apply(new mx.init.InitDesc('w_weight'), w);
      check(w instanceof np.NpArray, 'the array stays an np array');
      closeValues('constant-filled', await w.data(), [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
      w.dispose();
    },
  },
  {
    name: 'D5',
    async run() {
      // D5's weight: Uniform(0.1), the first draw of a fresh seed-0 stream.
      mx.random.seed(0);
      const w = np.zeros([1, 3]);
      new mx.init.Uniform(0.1).apply(new mx.init.InitDesc('fullyconnected1_weight'), w);
      expectText(
        'print(weight)',
        String(await w.asnumpy()),
        '[[0.0097627  0.01856892 0.04303787]]',
      );
      const ctx = w.context.deviceType === 'cpu' ? '' : `, ctx=${w.context}`;
      expectText(
        'repr(weight)',
        await w.repr(),
        `array([[0.0097627 , 0.01856892, 0.04303787]]${ctx})`,
      );
      w.dispose();
    },
  },
  {
    name: 'np-random-uniform',
    async run() {
      // MXNet 1.9.1's own output, in the docstring of mx.np.ndarray.__repr__ (a fresh
      // process, which seed 0 reproduces): a = np.random.uniform(size=(2, 3)); a
      mx.random.seed(0);
      const a = np.random.uniform(0, 1, [2, 3]);
      const ctx = a.context.deviceType === 'cpu' ? '' : `, ctx=${a.context}`;
      expectText(
        'repr(a)',
        await a.repr(),
        `array([[0.5488135 , 0.5928446 , 0.71518934],\n       [0.84426576, 0.60276335, 0.8579456 ]]${ctx})`,
      );
      a.dispose();
    },
  },
]);
