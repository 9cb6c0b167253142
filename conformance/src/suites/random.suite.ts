import * as mx from '@mxts/core';
import {
  check,
  expectBits,
  expectClose,
  expectExact,
  expectNumpyStr,
  expectText,
  expectThrows,
} from '../assertions.js';
import { type CaseSpec, defineSuite } from '../conformance-case.js';
import { rngVectors } from '../fixtures/mxrng-vectors.js';

const { nd, autograd: ag } = mx;

/** One case per reference vector: a fresh stream, one sampling call, every bit. */
const vectorCases: CaseSpec[] = rngVectors.map((v) => ({
  name: `stream-${v.op}-seed${v.seed}-${v.params.join('_')}-n${v.bits.length}`,
  async run() {
    mx.random.seed(v.seed);
    const [a, b] = v.params;
    const shape = [v.bits.length];
    const x =
      v.op === 'uniform'
        ? nd.random.uniform({ low: a, high: b, shape })
        : nd.random.normal({ loc: a, scale: b, shape });
    await expectBits(`${v.op}(${a}, ${b}) after seed(${v.seed})`, x, v.bits);
  },
}));

/** MXNet's CPU random stream, bit for bit (mxnet-tests.md H, A4-A5, E1, F1). */
export const randomCases = defineSuite('random', [
  ...vectorCases,
  {
    name: 'H1-fresh-uniform',
    async run() {
      mx.random.seed(0);
      await expectExact('uniform()', nd.random.uniform(), [0.5488135]);
    },
  },
  {
    name: 'H2-fresh-normal',
    async run() {
      mx.random.seed(0);
      await expectExact('normal()', nd.random.normal(), [2.2122064]);
    },
  },
  {
    name: 'H3-uniform-2x3',
    async run() {
      mx.random.seed(0);
      await expectExact('uniform((2,3))', nd.random.uniform({ shape: [2, 3] }), [
        [0.5488135, 0.5928446, 0.71518934],
        [0.84426576, 0.60276335, 0.8579456],
      ]);
    },
  },
  {
    name: 'H4-seed-42',
    async run() {
      mx.random.seed(42);
      await expectNumpyStr(
        'uniform',
        nd.random.uniform({ shape: [5] }),
        '[0.82909364 0.7478349  0.55818135 0.5657354  0.63112146]',
      );
      mx.random.seed(42);
      await expectNumpyStr(
        'normal',
        nd.random.normal({ shape: [5] }),
        '[ 0.5294428   1.9753686   0.29129395 -0.25185385 -0.11550321]',
      );
    },
  },
  {
    name: 'H5-engine-chunks',
    async run() {
      mx.random.seed(0);
      const v = await nd.random.uniform({ shape: [100] }).data();
      await expectExact(
        'out[50:53]',
        nd.array(Array.from(v.slice(50, 53))),
        [0.417022, 0.9971848, 0.7203245],
      );
    },
  },
  {
    name: 'H6-seed-128-normal',
    async run() {
      mx.random.seed(128);
      await expectExact('normal((2,2))', nd.random.normal({ shape: [2, 2] }), [
        [0.47400656, 0.20251541],
        [1.3648157, -1.4962182],
      ]);
    },
  },
  {
    name: 'H7-seed-must-be-int',
    async run() {
      await expectThrows(
        'seed(1.5)',
        () => mx.random.seed(1.5),
        mx.InvalidArgumentError,
        'seed_state must be int',
      );
    },
  },
  {
    name: 'bad-parameters-raise-typed-errors',
    async run() {
      await expectThrows(
        'uniform(low > high)',
        () => nd.random.uniform({ low: 2, high: 1 }),
        mx.InvalidArgumentError,
        'low must be less or equal to high',
      );
      await expectThrows(
        'normal(scale < 0)',
        () => nd.random.normal({ scale: -1 }),
        mx.InvalidArgumentError,
        'scale parameter in gaussian has to be positive',
      );
    },
  },
  {
    name: 'uniform-low-high-and-float64',
    requires: { dtypes: ['float64'] },
    async run() {
      mx.random.seed(0);
      const x = nd.random.uniform({ low: -1, high: 1, shape: [1000], dtype: 'float64' });
      check(x.dtype === 'float64', 'dtype float64');
      const v = await x.data();
      check(
        v.every((e) => e >= -1 && e < 1),
        'values in [-1, 1)',
      );
    },
  },
  {
    name: 'uniform-and-normal-statistics',
    async run() {
      mx.random.seed(7);
      const n = 20000;
      const u = await nd.random.uniform({ low: 2, high: 4, shape: [n] }).data();
      const g = await nd.random.normal({ loc: -1, scale: 3, shape: [n] }).data();
      const mean = (a: ArrayLike<number>) => Array.from(a).reduce((s, e) => s + e, 0) / a.length;
      const variance = (a: ArrayLike<number>, m: number) =>
        Array.from(a).reduce((s, e) => s + (e - m) ** 2, 0) / a.length;
      // 5 standard errors: a false alarm has odds below one in a million.
      const mu = mean(u);
      check(Math.abs(mu - 3) < 5 * Math.sqrt(1 / 3 / n), `uniform mean ${mu}`);
      check(Math.abs(variance(u, mu) - 1 / 3) < 0.02, `uniform variance ${variance(u, mu)}`);
      check(Math.min(...u) >= 2 && Math.max(...u) < 4, 'uniform bounds');
      const mg = mean(g);
      check(Math.abs(mg + 1) < 5 * Math.sqrt(9 / n), `normal mean ${mg}`);
      check(
        Math.abs(variance(g, mg) / 9 - 1) < 5 * Math.sqrt(2 / n),
        `normal variance ${variance(g, mg)}`,
      );
    },
  },
  {
    name: 'seed-repeats-the-stream',
    async run() {
      mx.random.seed(3);
      const a = await nd.random.normal({ shape: [300] }).data();
      mx.random.seed(3);
      await expectExact(
        'same seed, same values',
        nd.random.normal({ shape: [300] }),
        Array.from(a),
      );
    },
  },
  {
    name: 'A4-dropout-obeys-training',
    async run() {
      const x = nd.ones([10, 10]);
      const y = ag.record(() => nd.Dropout(x, { p: 0.5 }));
      const v = await y.data();
      check(
        v.every((e) => e === 0 || e === 2),
        'every element 0 or 2',
      );
      check(
        v.some((e) => e === 0),
        'not all ones',
      );
      const z = ag.record(() => ag.pause(() => nd.Dropout(x, { p: 0.5 })));
      await expectExact(
        'under pause, identity',
        z,
        Array.from({ length: 10 }, () => new Array(10).fill(1)),
      );
    },
  },
  {
    name: 'A5-dropout-mask-fresh-process',
    async run() {
      mx.random.seed(0);
      const x = nd.ones([10, 10]);
      x.attachGrad();
      const y = ag.record(() => nd.Dropout(x, { p: 0.5 }));
      const v = await y.data();
      await expectExact(
        'row 0',
        nd.array(Array.from(v.slice(0, 10))),
        [0, 0, 0, 0, 0, 0, 0, 0, 2, 0],
      );
      check(
        v.filter((e) => e === 2).length === 44,
        `44 twos, got ${v.filter((e) => e === 2).length}`,
      );
      y.backward();
      await expectExact(
        'x.grad == y',
        x.grad,
        Array.from({ length: 10 }, (_, r) => Array.from(v.slice(r * 10, r * 10 + 10))),
      );
    },
  },
  {
    name: 'E1-function-inputs-fresh-process',
    async run() {
      mx.random.seed(0);
      await expectNumpyStr(
        'x',
        nd.random.uniform({ shape: [10] }),
        '[0.5488135  0.5928446  0.71518934 0.84426576 0.60276335 0.8579456\n 0.5448832  0.8472517  0.4236548  0.6235637 ]',
      );
      await expectNumpyStr(
        'y',
        nd.random.uniform({ shape: [10] }),
        '[0.6458941  0.3843817  0.4375872  0.2975346  0.891773   0.05671298\n 0.96366274 0.2726563  0.3834415  0.47766513]',
      );
    },
  },
  {
    name: 'F1-crash-course-control-flow',
    async run() {
      mx.random.seed(0);
      const a = nd.random.uniform({ shape: [2] });
      a.attachGrad();
      // Python's control flow reads values; `using` keeps recording on across the awaits.
      let c: mx.NDArray;
      {
        using _ = ag.record();
        let b = a.mul(2);
        while ((await b.norm().asscalar()) < 1000) b = b.mul(2);
        const i = (await b.sum().asscalar()) >= 0 ? 0 : 1;
        c = nd.sliceAxis(b, { axis: 0, begin: i, end: i + 1 });
      }
      c.backward();
      await expectClose('a.grad', a.grad, [2048, 0]);
      expectText(
        'print([a.grad, c/a])',
        await mx.repr([a.grad!, c.div(a)]),
        `[\n[2048.    0.]\n<NDArray 2 @${a.context}>, \n[2048.     1895.8933]\n<NDArray 2 @${a.context}>]`,
      );
    },
  },
]);
