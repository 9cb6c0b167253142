import * as mx from '@mxts/core';
import { check, expectExact, expectNumpyStr, expectText, fail } from '../assertions.js';
import { defineSuite } from '../conformance-case.js';
import { Sigmoid } from '../sigmoid-function.js';
import { withinUlps } from '../ulp.js';

const { nd, autograd: ag } = mx;

/**
 * Compares printed text where the numbers come from elementwise transcendental ops: the
 * layout must match exactly and each number within `ulps` float32 ulps.
 */
function expectPrintedWithin(what: string, actual: string, expected: string, ulps: number): void {
  const num = /-?\d+\.\d*(?:e[-+]\d+)?/g;
  const skeleton = (s: string) => s.replace(num, '#');
  if (actual === expected) return;
  expectText(`${what} (layout)`, skeleton(actual), skeleton(expected));
  const a = actual.match(num) ?? [];
  const e = expected.match(num) ?? [];
  a.forEach((tok, i) => {
    if (!withinUlps(Number(tok), Number(e[i]), ulps)) {
      fail(`${what}: ${tok} is more than ${ulps} ulp from the documented ${e[i]}`);
    }
  });
}

/** The five outputs the seed document prints (../shared/seed/documented-outputs.md). */
export const documentedOutputCases = defineSuite('doc', [
  {
    name: 'D1',
    async run() {
      // The document's session had drawn 20 uniforms from engine 0 before this example.
      mx.random.seed(0);
      nd.random.uniform({ shape: [20] });
      const x = nd.random.uniform({ shape: [10] });
      await expectNumpyStr(
        'x (the random input)',
        x,
        '[0.79172504 0.8121687  0.5288949  0.47997716 0.56804454 0.3927848\n 0.92559665 0.83607876 0.07103606 0.33739617]',
      );
      x.attachGrad();
      const m = ag.record(() => new Sigmoid().apply(x) as mx.NDArray);
      m.backward();
      const dxGrad = await x.grad!.asnumpy();
      expectPrintedWithin(
        'dx_grad',
        dxGrad.repr(),
        'array([0.21458015, 0.21291625, 0.23330082, 0.2361367 , 0.23086983,\n       0.24060014, 0.20326573, 0.21093895, 0.24968489, 0.24301809],\n      dtype=float32)',
        2,
      );
    },
  },
  {
    name: 'D2',
    async run() {
      const x = nd.ones([2]);
      x.attachGrad();
      const z = ag.record(() => nd.elemwiseAdd(nd.exp(x), x));
      const dxGrad = ag.grad(z, [x], { createGraph: true });
      check(Array.isArray(dxGrad) && dxGrad.length === 1, 'grad returns a list of one NDArray');
      expectPrintedWithin(
        'dx_grad',
        await mx.repr(dxGrad),
        `[\n[3.7182817 3.7182817]\n<NDArray 2 @${x.context}>]`,
        2,
      );
    },
  },
  {
    name: 'D3',
    async run() {
      const x = nd.array([1, 2]);
      x.attachGrad();
      const w = nd.array([3, 4]);
      const printed: unknown[] = [];
      const log = console.log;
      console.log = (...args: unknown[]) => printed.push(args);
      try {
        ag.record(() => {
          let y = x.mul(w); // y = model(x)
          check(ag.isRecording() && ag.isTraining(), 'record() records in training mode');
          ag.predictMode(() => {
            check(
              ag.isRecording() && !ag.isTraining(),
              'predict_mode keeps recording, stops training',
            );
            y = nd.Dropout(y, { p: 0.5 }); // y = sampling(y): the identity in predict mode
          });
          check(ag.isTraining(), 'training is back after predict_mode');
          ag.backward([y]);
        });
      } finally {
        console.log = log;
      }
      check(printed.length === 0, 'D3 prints nothing');
      await expectExact('x.grad', x.grad, [3, 4]);
    },
  },
  {
    name: 'D4',
    run() {
      expectText(
        'Normal(0.8).dumps()',
        new mx.init.Normal(0.8).dumps(),
        '["normal", {"sigma": 0.8}]',
      );
      expectText(
        'Xavier(factor_type="in", magnitude=2.45).dumps()',
        new mx.init.Xavier({ factorType: 'in', magnitude: 2.45 }).dumps(),
        '["xavier", {"rnd_type": "uniform", "factor_type": "in", "magnitude": 2.45}]',
      );
    },
  },
  {
    name: 'D5',
    async run() {
      // A fresh process (seed 0) whose session had already created fullyconnected0.
      mx.random.seed(0);
      const net = new mx.name.NameManager().run(() => {
        mx.sym.FullyConnected(mx.sym.Variable('data'), { numHidden: 1 });
        return mx.sym.FullyConnected(mx.sym.Variable('data'), { numHidden: 1 });
      });
      const prev = mx.init.setLogHandler(() => {}); // Module(sym) warns: no softmax_label
      const module = new mx.mod.Module(net);
      mx.init.setLogHandler(prev);
      try {
        module.bind({ dataShapes: [['data', [1, 3]]] });
        const init = new mx.init.Mixed(
          ['bias', '.*'],
          [new mx.init.Zero(), new mx.init.Uniform(0.1)],
        );
        module.initParams(init);
        const lines: string[] = [];
        for (const dictionary of module.getParams()) {
          for (const key in dictionary) {
            lines.push(key);
            lines.push(String(await dictionary[key].asnumpy()));
          }
        }
        expectText(
          'printed params',
          lines.join('\n'),
          'fullyconnected1_weight\n[[0.0097627  0.01856892 0.04303787]]\nfullyconnected1_bias\n[0.]',
        );
      } finally {
        module.dispose();
      }
    },
  },
]);
