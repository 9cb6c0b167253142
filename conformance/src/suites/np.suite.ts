import * as mx from '@mxts/core';
import { check, closeValues, expectShape, fail } from '../assertions.js';
import { type CaseSpec, defineSuite } from '../conformance-case.js';
import { type NumpyOracleEntry, numpyOracle } from '../fixtures/numpy-oracle.js';

const { np, npx, autograd: ag } = mx;

type In = Readonly<Record<string, mx.np.NpArray>>;
// The fixture's options are MXTS's option objects, written by the generator.
type Run = (a: In, o: any) => mx.np.NpArray | Promise<mx.np.NpArray>;

/** How each fixture function is called, in MXNet's argument order. */
const RUN: Readonly<Record<string, Run>> = {
  add: (a) => np.add(a.a, a.b),
  subtract: (a) => np.subtract(a.a, a.b),
  multiply: (a) => np.multiply(a.a, a.b),
  divide: (a) => np.divide(a.a, a.b),
  power: (a) => np.power(a.a, a.b),
  maximum: (a) => np.maximum(a.a, a.b),
  exp: (a) => np.exp(a.a),
  log: (a) => np.log(a.a),
  sqrt: (a) => np.sqrt(a.a),
  tanh: (a) => np.tanh(a.a),
  sin: (a) => np.sin(a.a),
  dot: (a) => np.dot(a.a, a.b),
  matmul: (a) => np.matmul(a.a, a.b),
  tensordot: (a) => np.tensordot(a.a, a.b, 2),
  einsum: (a, o) => np.einsum(o.subscripts, a.a, a.b),
  norm: (a, o) => np.linalg.norm(a.a, o),
  sum: (a, o) => np.sum(a.a, o),
  mean: (a, o) => np.mean(a.a, o),
  max: (a, o) => np.max(a.a, o),
  min: (a, o) => np.min(a.a, o),
  prod: (a, o) => np.prod(a.a, o),
  std: (a, o) => np.std(a.a, o),
  var: (a, o) => np.var(a.a, o),
  cumsum: (a, o) => np.cumsum(a.a, o),
  argmax: (a, o) => np.argmax(a.a, o),
  argmin: (a, o) => np.argmin(a.a, o),
  reshape: (a, o) => np.reshape(a.a, o.newshape),
  transpose: (a) => np.transpose(a.a),
  swapaxes: (a, o) => np.swapaxes(a.a, o.axis1, o.axis2),
  expandDims: (a, o) => np.expandDims(a.a, o.axis),
  squeeze: (a) => np.squeeze(a.a),
  concatenate: (a, o) => np.concatenate([a.a, a.b], o),
  stack: (a, o) => np.stack([a.a, a.b], o),
  flip: (a, o) => np.flip(a.a, o),
  tile: (a, o) => np.tile(a.a, o.reps),
  repeat: (a, o) => np.repeat(a.a, o.repeats, { axis: o.axis }),
  broadcastTo: (a, o) => np.broadcastTo(a.a, o.shape),
  where: (a) => np.where(np.greater(a.c, 0), a.a, a.b),
  clip: (a, o) => np.clip(a.a, o.aMin, o.aMax),
  pad: (a, o) => np.pad(a.a, o.padWidth, { constantValues: o.constantValues }),
  sort: (a) => np.sort(a.a),
  argsort: (a) => np.argsort(a.a),
  get: (a, o) => a.a.get(o.key),
  linspace: (_, o) => np.linspace(o.start, o.stop, o.num, { endpoint: o.endpoint }),
  arange: (_, o) => np.arange(o.start, o.stop, o.step),
  eye: (_, o) => np.eye(o.n, o.m, { k: o.k }),
  full: (_, o) => np.full(o.shape, o.fillValue),
  zeros: (_, o) => np.zeros(o.shape),
  onesLike: (a) => np.onesLike(a.a),
  meshgrid: (a, o) => {
    const [x, y] = np.meshgrid([a.a, a.b], o);
    return x.add(y.mul(10));
  },
  split: (a, o) => np.split(a.a, o.sections, { axis: o.axis })[o.part],
  unique: (a) => np.uniqueAsync(np.round(a.a.mul(2))),
  less: (a) => np.less(a.a, a.b),
  greaterEqual: (a) => np.greaterEqual(a.a, 0.25),
  ravel: (a) => np.ravel(a.a),
  moveaxis: (a) => np.moveaxis(a.a, 0, -1),
  log2: (a) => np.log2(a.a),
  log10: (a) => np.log10(a.a),
  cbrt: (a) => np.cbrt(a.a),
  degrees: (a) => np.degrees(a.a),
  trunc: (a) => np.trunc(a.a.mul(3)),
  hypot: (a) => np.hypot(a.a, a.b),
  mod: (a) => np.mod(a.a.mul(5), 1.5),
  copysign: (a) => np.copysign(a.a, a.b),
  vstack: (a) => np.vstack([a.a, a.b]),
  hstack: (a) => np.hstack([a.a, a.b]),
  dstack: (a) => np.dstack([a.a, a.b]),
  columnStack: (a) => np.columnStack([a.a, a.b]),
  flipud: (a) => np.flipud(a.a),
  fliplr: (a) => np.fliplr(a.a),
  arraySplit: (a, o) => np.arraySplit(a.a, o.sections)[o.part],
  hsplit: (a, o) => np.hsplit(a.a, o.sections)[o.part],
  vsplit: (a, o) => np.vsplit(a.a, o.sections)[o.part],
  take: (a, o) => np.take(a.a, np.array(o.indices), { axis: o.axis }),
  tril: (a, o) => np.tril(a.a, o.k),
  diff: (a, o) => np.diff(a.a, o.n),
  vdot: (a) => np.vdot(a.a, a.b),
  inner: (a) => np.inner(a.a, a.b),
  outer: (a) => np.outer(a.a, a.b),
  logspace: (_, o) => np.logspace(o.start, o.stop, o.num, { base: o.base }),
  average: (a, o) => np.average(a.a, { axis: o.axis, weights: a.w }),
  logicalNot: (a) => np.logicalNot(np.round(a.a)),
  polyval: (a) => np.polyval(a.p, a.x),
  ediff1d: (a) => np.ediff1d(a.a),
  rot90: (a, o) => np.rot90(a.a, o.k, { axes: o.axes }),
  'npx.relu': (a) => npx.relu(a.a),
  'npx.sigmoid': (a) => npx.sigmoid(a.a),
  'npx.softmax': (a, o) => npx.softmax(a.a, o),
  'npx.logSoftmax': (a) => npx.logSoftmax(a.a),
  'npx.pick': (a, o) => npx.pick(a.a, np.array(o.index)),
  'npx.oneHot': (_, o) => npx.oneHot(np.array(o.index), o.depth),
  'npx.reshape': (a, o) => npx.reshape(a.a, o.newshape),
  'npx.batchDot': (a) => npx.batchDot(a.a, a.b),
  'npx.batchFlatten': (a) => npx.batchFlatten(a.a),
  'npx.sequenceMask': (a, o) =>
    npx.sequenceMask(a.a, np.array(o.lengths), { useSequenceLength: true, value: o.value }),
  'npx.topk': (a, o) => npx.topk(a.a, o as mx.nd.TopkOptions),
  'npx.fullyConnected': (a, o) => npx.fullyConnected(a.x, a.w, a.b, o),
  'npx.embedding': (a, o) => npx.embedding(np.array(o.index), a.w, o),
  'npx.convolution': (a, o) => npx.convolution(a.x, a.w, a.b, o),
  'npx.pooling': (a, o) => npx.pooling(a.a, o),
  'npx.batchNorm': (a, o) =>
    npx.batchNorm(a.x, a.g, a.b, np.full([3], o.movingMean), np.full([3], o.movingVar), {
      eps: o.eps,
      fixGamma: o.fixGamma,
      useGlobalStats: true,
    }),
};

/** MXNet's np repr of `text` for an array on `ctx`: `, ctx=gpu(0)` off the CPU. */
function reprOn(text: string, ctx: mx.Context): string {
  return ctx.deviceType === 'cpu' ? text : `${text.slice(0, -1)}, ctx=${ctx})`;
}

// float32 against float64; central differences add ~1e-7 of their own.
const TOL = { rtol: 1e-4, atol: 1e-5 };

async function expectNumpy(
  what: string,
  y: mx.NDArray,
  e: { shape: readonly number[]; values: readonly number[] },
) {
  check(y instanceof np.NpArray, `${what}: expected an np array, got ${y?.constructor?.name}`);
  expectShape(what, y, e.shape);
  closeValues(what, await y.data(), e.values, TOL);
}

function forwardCase(e: NumpyOracleEntry): CaseSpec {
  return {
    name: `${e.name}/forward`,
    run: () =>
      mx.scope(async () => {
        const run = RUN[e.fn] ?? fail(`${e.name}: no runner for ${e.fn}`);
        const a: Record<string, mx.np.NpArray> = {};
        for (const [k, x] of Object.entries(e.inputs))
          a[k] = np.array(x.values).reshape([...x.shape]);
        await expectNumpy(`${e.name}: output`, await run(a, e.options), e.forward);
      }),
  };
}

function gradCase(e: NumpyOracleEntry, input: string): CaseSpec {
  return {
    name: `${e.name}/grad-${input}`,
    run: () =>
      mx.scope(async () => {
        const run = RUN[e.fn] ?? fail(`${e.name}: no runner for ${e.fn}`);
        const a: Record<string, mx.np.NpArray> = {};
        for (const [k, x] of Object.entries(e.inputs))
          a[k] = np.array(x.values).reshape([...x.shape]);
        a[input].attachGrad();
        const y = ag.record(() => run(a, e.options));
        if (!(y instanceof np.NpArray)) fail(`${e.name}: an async runner cannot be differentiated`);
        y.backward(np.array(e.head.values).reshape([...e.head.shape]));
        const g = a[input].grad ?? fail(`${e.name}: ${input} has no gradient`);
        await expectNumpy(`${e.name}: d<y, head>/d${input}`, g, e.grads[input]);
      }),
  };
}

/** d/dx <d<f(x), head>/dx, head2> against NumPy's central differences. */
function secondCase(e: NumpyOracleEntry): CaseSpec[] {
  const s2 = e.second;
  if (s2 === undefined) return [];
  return [
    {
      name: `${e.name}/grad2-${s2.input}`,
      run: () =>
        mx.scope(async () => {
          const run = RUN[e.fn] ?? fail(`${e.name}: no runner for ${e.fn}`);
          const a: Record<string, mx.np.NpArray> = {};
          for (const [k, x] of Object.entries(e.inputs))
            a[k] = np.array(x.values).reshape([...x.shape]);
          const x = a[s2.input];
          x.attachGrad();
          const head = np.array(e.head.values).reshape([...e.head.shape]);
          const head2 = np.array(s2.head2.values).reshape([...s2.head2.shape]);
          const phi = ag.record(() => {
            const y = run(a, e.options);
            if (!(y instanceof np.NpArray))
              fail(`${e.name}: an async runner cannot be differentiated`);
            const [g] = ag.grad(y, [x], { headGrads: [head], createGraph: true });
            return np.sum(np.multiply(g, head2));
          });
          let got: ArrayLike<number>;
          try {
            phi.backward();
            const g2 = x.grad ?? fail(`${e.name}: ${s2.input} has no gradient`);
            expectShape(`${e.name}: second order`, g2, s2.value.shape);
            got = await g2.data();
          } catch (err) {
            // f linear in x: its gradient does not depend on x, so the second derivative is 0
            // and phi is not in x's graph (MXNet raises the same error).
            if (!(err instanceof mx.NoGradInputsError)) throw err;
            got = new Float32Array(x.size);
          }
          // Central differences of a numerical gradient carry ~1e-7 of their own.
          closeValues(`${e.name}: second order`, got, s2.value.values, {
            rtol: 1e-3,
            atol: 1e-4,
          });
        }),
    },
  ];
}

/** Second order through np functions: d/dx of sum(d<f(x), head>/dx) against float64 formulas. */
const secondOrder: CaseSpec[] = [
  {
    name: 'second-order/exp-sum',
    run: () =>
      mx.scope(async () => {
        const v = [0.5, -1, 2];
        const x = np.array(v);
        x.attachGrad();
        const dx = ag.record(() => {
          const y = np.sum(np.exp(x).mul(x));
          return ag.grad(y, [x], { createGraph: true })[0];
        });
        dx.backward();
        // d/dx (e^x (1 + x)) = e^x (2 + x)
        closeValues(
          'd2',
          await x.grad!.data(),
          v.map((t) => Math.exp(t) * (2 + t)),
          TOL,
        );
      }),
  },
  {
    name: 'second-order/dot-cube',
    run: () =>
      mx.scope(async () => {
        const v = [1, 2, -0.5];
        const x = np.array(v);
        x.attachGrad();
        const dx = ag.record(() => {
          const y = np.dot(np.power(x, 3), np.onesLike(x));
          return ag.grad(y, [x], { createGraph: true })[0];
        });
        dx.backward();
        closeValues(
          'd2',
          await x.grad!.data(),
          v.map((t) => 6 * t),
          TOL,
        );
      }),
  },
];

/** NumPy semantics that have no numeric fixture: shapes, dtypes, printing, asNp sharing. */
const semantics: CaseSpec[] = [
  {
    name: 'semantics/d2l-autograd',
    run: () =>
      mx.scope(async () => {
        // D2L 2.5: x = np.arange(4.0); y = 2 * np.dot(x, x); x.grad == 4 * x
        const x = np.arange(4);
        x.attachGrad();
        const y = ag.record(() => np.dot(x, x).mul(2));
        expectShape('y', y, []);
        y.backward();
        closeValues('x.grad', await x.grad!.data(), [0, 4, 8, 12]);
        const printed = await x.grad!.repr();
        check(printed === reprOn('array([ 0.,  4.,  8., 12.])', x.context), `repr ${printed}`);
      }),
  },
  {
    name: 'semantics/reductions-0d-and-dtypes',
    run: () =>
      mx.scope(async () => {
        const s = np.sum(np.ones([2, 3]));
        expectShape('sum', s, []);
        check((await s.item()) === 6, 'sum item');
        check((await s.repr()) === reprOn('array(6.)', s.context), `sum repr ${await s.repr()}`);
        const i = np.arange(3, null, 1, { dtype: 'int32' });
        const ir = await i.repr();
        check(ir === reprOn('array([0, 1, 2], dtype=int32)', i.context), `int repr ${ir}`);
        check(i.mul(2.5).dtype === 'float32', 'int * 2.5 is float32');
        check(i.div(2).dtype === 'float32', 'int / int is float32');
        check(i.add(np.ones([3])).dtype === 'float32', 'int + float32 is float32');
        check(
          JSON.stringify(await np.arange(6).reshape([2, 3]).tolist()) === '[[0,1,2],[3,4,5]]',
          'tolist',
        );
      }),
  },
  {
    name: 'semantics/asnp-shares-memory-and-graph',
    run: () =>
      mx.scope(async () => {
        const n = mx.nd.array([1, 2, 3]);
        n.attachGrad();
        const y = ag.record(() => np.sum(n.asNp().mul(n.asNp())));
        y.backward();
        closeValues('n.grad', await n.grad!.data(), [2, 4, 6]);
        const a = n.asNp();
        a.set('0', 7);
        closeValues('shared', await n.data(), [7, 2, 3]);
        check(!(a.asNd() instanceof np.NpArray), 'asNd gives an NDArray');
        const target = mx.nd.zeros([3]);
        check(!(a.copyTo(target) instanceof np.NpArray), 'a copy into an nd array keeps it nd');
        closeValues('copied', await target.data(), [7, 2, 3]);
        check(a.copyTo(a.context) instanceof np.NpArray, 'a copy to a context is an np array');
        check(a.asInContext(a.context) === a, 'asInContext on the same context is the array');
      }),
  },
  {
    name: 'semantics/round-half-to-even',
    run: () =>
      mx.scope(async () => {
        // numpy: np.round([0.5, 1.5, 2.5, -0.5, -2.5, 0.49]) == [0, 2, 2, -0, -2, 0]
        const r = np.round(np.array([0.5, 1.5, 2.5, -0.5, -2.5, 0.49]));
        closeValues('round', await r.data(), [0, 2, 2, -0, -2, 0], { rtol: 0, atol: 0 });
      }),
  },
  {
    name: 'semantics/set-under-record',
    run: () =>
      mx.scope(async () => {
        // MXNet: writing into an array that is in the recorded graph raises.
        const x = np.arange(4);
        x.attachGrad();
        let raised = false;
        ag.record(() => {
          const y = x.mul(2);
          try {
            y.set('0', 5);
          } catch (e) {
            raised = e instanceof mx.MXNetError;
          }
          return y;
        });
        check(raised, 'set on an array in the graph raises an MXNetError');
        // Outside record the write is plain and gradients of later reads are unaffected.
        const z = np.zeros([3]);
        z.set('1:', 2);
        closeValues('z', await z.data(), [0, 2, 2]);
      }),
  },
  {
    name: 'semantics/get-second-order',
    run: () =>
      mx.scope(async () => {
        // y = sum(x[1:]^3): d2y/dx2 summed = 6 x on x[1:], 0 on x[0]
        const x = np.array([1, 2, 3]);
        x.attachGrad();
        const dx = ag.record(() => {
          const y = np.sum(np.power(x.get('1:'), 3));
          return ag.grad(y, [x], { createGraph: true })[0];
        });
        dx.backward();
        closeValues('d2', await x.grad!.data(), [0, 12, 18], TOL);
      }),
  },
  {
    name: 'semantics/nan-inf-tests',
    run: () =>
      mx.scope(async () => {
        // numpy: isnan/isinf/isfinite/isposinf/isneginf of [nan, inf, -inf, 1, -0]
        const x = np.array([Number.NaN, Infinity, -Infinity, 1, -0]);
        const exact = { rtol: 0, atol: 0 };
        closeValues('isnan', await np.isnan(x).data(), [1, 0, 0, 0, 0], exact);
        closeValues('isinf', await np.isinf(x).data(), [0, 1, 1, 0, 0], exact);
        closeValues('isfinite', await np.isfinite(x).data(), [0, 0, 0, 1, 1], exact);
        closeValues('isposinf', await np.isposinf(x).data(), [0, 1, 0, 0, 0], exact);
        closeValues('isneginf', await np.isneginf(x).data(), [0, 0, 1, 0, 0], exact);
        // numpy: np.nan_to_num(np.array([nan, inf, -inf, 1, -0], dtype=np.float32))
        const big = 3.4028234663852886e38;
        closeValues('nanToNum', await np.nanToNum(x).data(), [0, big, -big, 1, -0], exact);
      }),
  },
  {
    name: 'semantics/get-symbol',
    run: () =>
      mx.scope(async () => {
        // MXNet: autograd.get_symbol works on np arrays as on nd arrays.
        const x = np.arange(4);
        x.attachGrad();
        const y = ag.record(() => np.dot(x, x).mul(2));
        const json = ag.getSymbol(y).toJSON();
        const ops = [...json.matchAll(/"op": "(\w+)"/g)].map((m) => m[1]);
        check(ops[0] === 'null' && ops.at(-1) === '_mul_scalar', `recorded ops: ${ops.join(', ')}`);
        check(
          ops.some((o) => /dot/.test(o)),
          `a dot among the recorded ops: ${ops.join(', ')}`,
        );
      }),
  },
  {
    name: 'semantics/topk-both',
    run: () =>
      mx.scope(async () => {
        // numpy: -np.sort(-x)[:2] and np.argsort(-x)[:2] of [1, 5, 3, 4]
        const [v, i] = npx.topk(np.array([1, 5, 3, 4]), { k: 2, retTyp: 'both' });
        check(v instanceof np.NpArray && i instanceof np.NpArray, 'both outputs are np arrays');
        closeValues('values', await v.data(), [5, 4]);
        closeValues('indices', await i.data(), [1, 3]);
      }),
  },
  {
    name: 'semantics/set-index',
    run: () =>
      mx.scope(async () => {
        const x = np.arange(12).reshape([3, 4]);
        x.set('1, 2', 9);
        x.set('0:2, :', 12);
        x.set('-1, ::2', np.array([-1, -2]));
        closeValues('x', await x.data(), [12, 12, 12, 12, 12, 12, 12, 12, -1, 9, -2, 11]);
      }),
  },
];

/** mx.np against NumPy 2.x (conformance/scripts/numpy_oracle.py), and np's own semantics. */
export const npCases = defineSuite('np', [
  ...numpyOracle.flatMap((e) => [
    forwardCase(e),
    ...Object.keys(e.grads).map((k) => gradCase(e, k)),
    ...secondCase(e),
  ]),
  ...secondOrder,
  ...semantics,
]);
