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
import {
  RANDINT_MIXED,
  RANDINT_VECTORS,
  SHUFFLE_INTERLEAVED,
  SHUFFLE_VECTORS,
} from '../fixtures/randint-shuffle-vectors.js';

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

const INT32 = { dtypes: ['int32'] } as const;

/** Rows of a (n, 2) array [[0, 100], [1, 101], ...]: each row is recognisable after a shuffle. */
function rowsOf(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => [i, 100 + i]);
}

/** randint reference vectors from MXNet's C++ formula (fixture script), every value exact. */
const randintVectorCases: CaseSpec[] = RANDINT_VECTORS.map((v) => ({
  name: `randint-seed${v.seed}-${v.low}_${v.high}-n${v.n}`,
  requires: INT32,
  async run() {
    mx.random.seed(v.seed);
    const x = nd.random.randint(v.low, v.high, { shape: [v.n] });
    check(x.dtype === 'int32', `dtype ${x.dtype}, expected int32`);
    await expectExact(`randint(${v.low}, ${v.high}) after seed(${v.seed})`, x, v.values);
  },
}));

/** shuffle reference orders (GCC 4.8 build of MXNet 1.9.1, see the fixture script). */
const shuffleVectorCases: CaseSpec[] = SHUFFLE_VECTORS.map((v) => ({
  name: `shuffle-seed${v.seed}`,
  async run() {
    mx.random.seed(v.seed);
    for (const c of v.calls) {
      if (c.ndim === 1) {
        const data = nd.arange(0, c.n);
        await expectExact(`shuffle 1-D n=${c.n}`, nd.random.shuffle(data), c.perm);
      } else {
        const inner = c.ndim === 2 ? [2] : [1, 2];
        const data = nd.array(rowsOf(c.n)).reshape([c.n, ...inner]);
        const got = nd.random.shuffle(data);
        const want = c.perm.map((r) => (c.ndim === 2 ? [r, 100 + r] : [[r, 100 + r]]));
        await expectExact(`shuffle ${c.ndim}-D n=${c.n}`, got, want);
      }
    }
  },
}));

/** MXNet's CPU random stream, bit for bit (mxnet-tests.md H, A4-A5, E1, F1). */
export const randomCases = defineSuite('random', [
  ...vectorCases,
  ...randintVectorCases,
  ...shuffleVectorCases,
  {
    name: 'randint-shares-engines-with-uniform',
    requires: INT32,
    async run() {
      const m = RANDINT_MIXED;
      mx.random.seed(m.seed);
      await expectBits('uniform((70,))', nd.random.uniform({ shape: [70] }), m.uniform1);
      await expectExact(
        'randint(0, 9, (100,))',
        nd.random.randint(0, 9, { shape: [100] }),
        m.randint,
      );
      await expectBits('uniform((3,))', nd.random.uniform({ shape: [3] }), m.uniform2);
    },
  },
  {
    name: 'randint-out-and-shape',
    requires: INT32,
    async run() {
      mx.random.seed(0);
      await expectExact(
        'randint(-10, 10, (2,))',
        nd.random.randint(-10, 10, { shape: [2] }),
        [1, -6],
      );
      mx.random.seed(0);
      const out = nd.zeros([2, 5], { dtype: 'int32' });
      const y = nd.random.randint(5, 100, { out });
      check(y === out, 'returns out');
      const ref = RANDINT_VECTORS.find((c) => c.n === 10 && c.low === 5);
      check(ref !== undefined, 'fixture has the seed-0 [5, 100) n=10 vector');
      await expectExact('out', out, [ref.values.slice(0, 5), ref.values.slice(5)]);
    },
  },
  {
    name: 'randint-bad-arguments-raise-typed-errors',
    requires: INT32,
    async run() {
      const live = mx.memory().arrays;
      await expectThrows(
        'low == high',
        () => nd.random.randint(3, 3),
        mx.InvalidArgumentError,
        'low must be less than high',
      );
      await expectThrows(
        'low > high',
        () => nd.random.randint(4, 3),
        mx.InvalidArgumentError,
        'low must be less or equal to high in uniform distribution',
      );
      await expectThrows(
        'non-integer low',
        () => nd.random.randint(0.5, 3),
        mx.InvalidArgumentError,
        'must be integers',
      );
      await expectThrows(
        'bad shape',
        () => nd.random.randint(0, 3, { shape: [-1] }),
        mx.InvalidArgumentError,
      );
      await expectThrows(
        'int64',
        () => nd.random.randint(0, 3, { dtype: 'int64' as 'int32' }),
        mx.DTypeError,
        'int32',
      );
      const f = nd.zeros([2]);
      await expectThrows(
        'float out',
        () => nd.random.randint(0, 3, { out: f }),
        mx.DTypeError,
        'int32',
      );
      f.dispose();
      check(mx.memory().arrays === live, 'no array left behind by the failed calls');
    },
  },
  {
    name: 'shuffle-permutes-rows-and-keeps-data',
    async run() {
      mx.random.seed(1);
      const data = nd.array(rowsOf(50));
      const y = nd.random.shuffle(data);
      check(y.shape.length === 2 && y.shape[0] === 50 && y.shape[1] === 2, `shape ${y.shape}`);
      const v = await y.data();
      const firsts = Array.from({ length: 50 }, (_, i) => v[2 * i]);
      for (let i = 0; i < 50; i++) check(v[2 * i + 1] === v[2 * i] + 100, `row ${i} kept whole`);
      check(
        [...firsts].sort((a, b) => a - b).every((e, i) => e === i),
        'every row appears exactly once',
      );
      check(
        firsts.some((e, i) => e !== i),
        'the order changed',
      );
      await expectExact('data unchanged', data, rowsOf(50));
    },
  },
  {
    name: 'shuffle-has-its-own-engine',
    requires: INT32,
    async run() {
      const v = SHUFFLE_INTERLEAVED;
      mx.random.seed(v.seed);
      const data = nd.arange(0, 6).reshape([6, 1]);
      await expectExact(
        'first',
        nd.random.shuffle(data),
        v.perm1.map((r) => [r]),
      );
      await expectExact('randint', nd.random.randint(0, 100, { shape: [4] }), v.randint);
      await expectExact(
        'second',
        nd.random.shuffle(data),
        v.perm2.map((r) => [r]),
      );
    },
  },
  {
    name: 'shuffle-no-gradient-and-edge-shapes',
    async run() {
      const x = nd.array([
        [1, 2],
        [3, 4],
        [5, 6],
      ]);
      x.attachGrad();
      const y = ag.record(() => nd.random.shuffle(x).sum().add(x.sum()));
      y.backward();
      await expectExact('grad from the sum only', x.grad, [
        [1, 1],
        [1, 1],
        [1, 1],
      ]);
      await expectExact('one row', nd.random.shuffle(nd.array([[7, 8]])), [[7, 8]]);
      const empty = nd.random.shuffle(nd.zeros([0, 3]));
      check(empty.shape[0] === 0 && empty.shape[1] === 3, `empty shape ${empty.shape}`);
      await expectThrows(
        'not an NDArray',
        () => nd.random.shuffle([1, 2] as never),
        mx.InvalidArgumentError,
      );
    },
  },
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
