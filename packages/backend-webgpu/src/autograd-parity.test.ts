import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { afterAll, expect, test } from 'vitest';
import { backendOrSkip, closeBackend } from './test-support.js';

// The same computations, first- to third-order gradients included, on gpu(0) and on cpu(0):
// the results must agree within float32 tolerances (GPU kernels sum in another order).

const { nd, autograd: ag } = mx;

afterAll(closeBackend);

/** Deterministic values in [lo, hi). */
function values(n: number, seed: number, lo = -1, hi = 1): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + ((hi - lo) * s) / 2 ** 32;
  });
}

type Inputs = Record<string, { shape: number[]; values: number[] }>;
type Computation = (x: Record<string, mx.NDArray>) => mx.NDArray[];

/** Runs `f` on `ctx` with fresh variables and reads every output. */
async function evaluate(ctx: mx.Context, inputs: Inputs, f: Computation): Promise<Float32Array[]> {
  const vars: Record<string, mx.NDArray> = {};
  for (const [name, { shape, values: v }] of Object.entries(inputs)) {
    vars[name] = nd.reshape(nd.array(v, { ctx }), { shape });
    vars[name].attachGrad();
  }
  const outs = f(vars);
  return Promise.all(outs.map(async (o) => Float32Array.from(await o.data())));
}

/** Registers both backends, runs `f` on each, and compares output by output. */
async function expectParity(
  skip: (note: string) => never,
  inputs: Inputs,
  f: Computation,
  rtol = 2e-5,
): Promise<void> {
  const gpu = await backendOrSkip(skip);
  mx.useBackend(await createCpuBackend());
  mx.useBackend(gpu);
  const onCpu = await evaluate(mx.cpu(0), inputs, f);
  const onGpu = await evaluate(mx.gpu(0), inputs, f);
  expect(onGpu.length).toBe(onCpu.length);
  onCpu.forEach((c, k) => {
    const g = onGpu[k];
    expect(g.length, `output ${k} length`).toBe(c.length);
    const scale = Math.max(1e-3, ...Array.from(c, Math.abs));
    c.forEach((cv, i) => {
      const err = Math.abs(g[i] - cv);
      const tol = rtol * Math.abs(cv) + 2e-6 * scale;
      if (!(err <= tol)) {
        throw new Error(`output ${k}[${i}]: gpu ${g[i]}, cpu ${cv} (|diff| ${err} > ${tol})`);
      }
    });
  });
}

/** d^n y / dx^n, each order recorded so the next can differentiate it. */
function nthGrad(f: (x: mx.NDArray) => mx.NDArray, x: mx.NDArray, n: number): mx.NDArray {
  return ag.record(() => {
    let y = f(x);
    for (let i = 0; i < n; i++) [y] = ag.grad(y, x, { createGraph: true, retainGraph: true });
    return y;
  });
}

test('elementwise chains: first, second and third derivatives', async (ctx) => {
  const f = (x: mx.NDArray) =>
    nd
      .tanh(x)
      .mul(nd.exp(x.mul(x).neg()))
      .add(nd.log1p(x.mul(x)))
      .add(nd.sigmoid(x).mul(nd.sin(x)))
      .add(nd.arctan(x).mul(nd.sqrt(x.mul(x).add(1))));
  await expectParity(ctx.skip, { x: { shape: [4, 5], values: values(20, 1, -2, 2) } }, ({ x }) => [
    ag.record(() => f(x)),
    nthGrad(f, x, 1),
    nthGrad(f, x, 2),
    nthGrad(f, x, 3),
  ]);
});

test('a two-layer network: loss, gradients of every parameter, and a second-order term', async (ctx) => {
  const inputs: Inputs = {
    x: { shape: [6, 8], values: values(48, 2) },
    w1: { shape: [16, 8], values: values(128, 3, -0.5, 0.5) },
    b1: { shape: [16], values: values(16, 4, -0.1, 0.1) },
    w2: { shape: [4, 16], values: values(64, 5, -0.5, 0.5) },
    b2: { shape: [4], values: values(4, 6, -0.1, 0.1) },
  };
  const labels = [0, 3, 1, 2, 3, 0];
  await expectParity(ctx.skip, inputs, ({ x, w1, b1, w2, b2 }) => {
    const ctxOf = x.context;
    const y = nd.array(labels, { ctx: ctxOf });
    const loss = (): mx.NDArray => {
      const h = nd.Activation(nd.FullyConnected(x, w1, b1, { numHidden: 16 }), {
        actType: 'relu',
      });
      const z = nd.FullyConnected(h, w2, b2, { numHidden: 4 });
      return nd.mean(nd.pick(nd.logSoftmax(z), y).neg());
    };
    const l = ag.record(loss);
    const grads = ag.record(() => ag.grad(loss(), [w1, b1, w2, b2, x], { createGraph: true }));
    // d/dw2 of ||dL/dw2||^2: a Hessian-vector product through softmax and the layers.
    const [hv] = ag.record(() => {
      const [g2] = ag.grad(loss(), [w2], { createGraph: true });
      return ag.grad(nd.sum(g2.mul(g2)), [w2]);
    });
    return [l, ...grads, hv];
  });
});

test('broadcasting, reductions over outer axes, powers and batch_dot, to second order', async (ctx) => {
  const inputs: Inputs = {
    a: { shape: [3, 1, 4], values: values(12, 7, 0.2, 2) },
    b: { shape: [1, 5, 4], values: values(20, 8, -1, 1) },
    m: { shape: [2, 3, 4], values: values(24, 9) },
    n: { shape: [2, 4, 3], values: values(24, 10) },
  };
  await expectParity(ctx.skip, inputs, ({ a, b, m, n }) => {
    const f = () =>
      nd
        .max(a.mul(b), { axis: 1 })
        .sum()
        .add(nd.mean(nd.power(a, 3), { axis: [0, 2] }).sum())
        .add(nd.norm(nd.broadcastPower(a, b.add(2))))
        .add(nd.sum(nd.batchDot(m, n, { transposeB: false }).mul(nd.softmax(nd.batchDot(m, n)))))
        .add(nd.sum(a.div(b.mul(b).add(1))));
    const value = ag.record(f);
    const first = ag.record(() => ag.grad(f(), [a, b, m, n], { createGraph: true }));
    const second = ag.record(() => {
      const [ga, , gm] = ag.grad(f(), [a, b, m], { createGraph: true });
      return ag.grad(nd.sum(ga).add(nd.sum(gm.mul(gm))), [a, m]);
    });
    return [value, ...first, ...second];
  });
});
