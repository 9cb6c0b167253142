import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from '../index.js';
import { closeWithin, disposeAll, live, values } from '../test-support.fixture.js';

const { nn } = gluon;
const { autograd } = mx;

const close = closeWithin(1e-5, 1e-6);

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

// Inputs with both signs, so activations and masks matter.
const X = [
  [0.5, -1.2, 2.0, 0.3],
  [-0.7, 0.1, -0.4, 1.5],
  [1.1, 0.9, -2.2, -0.05],
];
const W = [
  [0.2, -0.5, 0.1, 0.7],
  [-0.3, 0.8, 0.45, -0.6],
];
const B = [0.05, -0.1];

describe('nn.Dense', () => {
  test('forward and gradients equal the float64 formulas (relu)', () => {
    const before = live();
    const d = new nn.Dense(2, { activation: 'relu', inUnits: 4 });
    d.initialize();
    const wv = mx.nd.array(W);
    const bv = mx.nd.array(B);
    d.weight.setData(wv);
    d.bias!.setData(bv);
    const x = mx.nd.array(X);
    const head = mx.nd.array([
      [1, 2],
      [-1, 0.5],
      [3, -2],
    ]);
    const y = autograd.record(() => d.forward(x));
    y.backward(head);

    const z = X.map((r) => W.map((w, j) => r.reduce((s, v, k) => s + v * w[k], 0) + B[j]));
    close(
      values(y),
      z.flat().map((v) => Math.max(v, 0)),
    );
    const H = [
      [1, 2],
      [-1, 0.5],
      [3, -2],
    ];
    const g = z.map((r, i) => r.map((v, j) => (v > 0 ? H[i][j] : 0)));
    const dW = W.map((_, j) => X[0].map((_, k) => X.reduce((s, r, i) => s + g[i][j] * r[k], 0)));
    const dB = W.map((_, j) => g.reduce((s, r) => s + r[j], 0));
    close(values(d.weight.grad()), dW.flat());
    close(values(d.bias!.grad()), dB);
    expect(String(d)).toBe('Dense(4 -> 2, Activation(relu))');
    for (const a of [wv, bv, x, head, y]) a.dispose();
    disposeAll(d);
    expect(live()).toBe(before);
  });

  test('flatten: (2,3,4) infers inUnits 12; flatten false keeps leading axes', () => {
    const before = live();
    const x = mx.nd.ones([2, 3, 4]);
    const a = new nn.Dense(5);
    a.initialize();
    const ya = a.forward(x);
    expect(a.weight.shape).toEqual([5, 12]);
    expect(ya.shape).toEqual([2, 5]);
    const b = new nn.Dense(5, { flatten: false, useBias: false });
    b.initialize();
    const yb = b.forward(x);
    expect(b.weight.shape).toEqual([5, 4]);
    expect(yb.shape).toEqual([2, 3, 5]);
    expect(b.bias).toBeNull();
    // A second input of another in-dimension is a ShapeError from FullyConnected.
    const bad = mx.nd.ones([2, 7]);
    expect(() => a.forward(bad)).toThrow(mx.ShapeError);
    for (const arr of [x, ya, yb, bad]) arr.dispose();
    disposeAll(a);
    disposeAll(b);
    expect(live()).toBe(before);
  });

  test('bad arguments are typed errors', () => {
    expect(() => new nn.Dense(0)).toThrow(mx.InvalidArgumentError);
    expect(() => new nn.Dense(2, { activation: 'swish' as 'relu' })).toThrow(/unknown activation/);
    expect(() => new nn.Activation('gelu' as 'relu')).toThrow(mx.InvalidArgumentError);
    expect(() => new nn.Dropout(1.5)).toThrow(mx.InvalidArgumentError);
    expect(() => new nn.LeakyReLU(-1)).toThrow(/no less than 0/);
    expect(() => new nn.Lambda('noSuchOp')).toThrow(/not found/);
    const hs = new nn.HybridSequential();
    expect(() => hs.add(new nn.Lambda('relu') as unknown as gluon.HybridBlock)).toThrow(
      /must also be HybridBlock/,
    );
  });
});

describe('activations and simple layers', () => {
  const xs = [-3, -0.5, 0, 0.25, 2];

  test('Activation types, LeakyReLU and ELU: values and gradients', () => {
    const before = live();
    const cases: [gluon.HybridBlock, (v: number) => number, (v: number) => number][] = [
      [
        new nn.Activation('sigmoid'),
        (v) => 1 / (1 + Math.exp(-v)),
        (v) => Math.exp(-v) / (1 + Math.exp(-v)) ** 2,
      ],
      [new nn.Activation('tanh'), Math.tanh, (v) => 1 - Math.tanh(v) ** 2],
      [
        new nn.Activation('softrelu'),
        (v) => Math.log1p(Math.exp(v)),
        (v) => 1 / (1 + Math.exp(-v)),
      ],
      [
        new nn.Activation('softsign'),
        (v) => v / (1 + Math.abs(v)),
        (v) => 1 / (1 + Math.abs(v)) ** 2,
      ],
      [new nn.LeakyReLU(0.1), (v) => (v > 0 ? v : 0.1 * v), (v) => (v > 0 ? 1 : 0.1)],
      [
        new nn.ELU(0.7),
        (v) => (v > 0 ? v : 0.7 * Math.expm1(v)),
        (v) => (v > 0 ? 1 : 0.7 * Math.exp(v)),
      ],
    ];
    for (const [block, f, df] of cases) {
      const x = mx.nd.array(xs);
      x.attachGrad();
      const y = autograd.record(() => block.forward(x));
      y.backward();
      close(values(y), xs.map(f));
      close(values(x.grad!), xs.map(df));
      y.dispose();
      x.grad!.dispose();
      x.dispose();
    }
    expect(live()).toBe(before);
  });

  test('ELU of a large input has a finite gradient', () => {
    const x = mx.nd.array([100, -100]);
    x.attachGrad();
    const y = autograd.record(() => new nn.ELU().forward(x));
    y.backward();
    close(values(x.grad!), [1, Math.exp(-100)]);
    y.dispose();
    x.grad!.dispose();
    x.dispose();
  });

  test('Dropout is the identity outside training, masks and scales inside', () => {
    const before = live();
    const drop = new nn.Dropout(0.5);
    const x = mx.nd.ones([20, 10]);
    const y0 = drop.forward(x);
    expect(values(y0).every((v) => v === 1)).toBe(true);
    mx.random.seed(0);
    const y1 = autograd.record(() => drop.forward(x));
    const v1 = values(y1);
    expect(v1.every((v) => v === 0 || v === 2)).toBe(true);
    expect(v1.filter((v) => v === 0).length).toBeGreaterThan(50);
    expect(v1.filter((v) => v === 2).length).toBeGreaterThan(50);
    const y2 = autograd.record(() => new nn.Dropout(0.5, { axes: [1] }).forward(x));
    const rows = Array.from({ length: 20 }, (_, i) => values(y2).slice(i * 10, i * 10 + 10));
    for (const r of rows) expect(new Set(r).size).toBe(1);
    for (const a of [x, y0, y1, y2]) a.dispose();
    expect(live()).toBe(before);
  });

  test('Flatten, Lambda, HybridLambda and a Sequential with hooks', () => {
    const before = live();
    const x = mx.nd.array([
      [
        [-1, 2],
        [3, -4],
      ],
    ]);
    const seq = new nn.Sequential();
    seq.add(
      new nn.Flatten(),
      new nn.Lambda('relu'),
      new nn.HybridLambda((F, a: mx.NDArray) => F.multiply(a, 3)),
      new nn.Lambda((a: mx.NDArray) => a.add(1)),
    );
    const seen: string[] = [];
    const h = seq.registerForwardPreHook((b) => seen.push(`pre ${b.constructor.name}`));
    seq
      .at(0)
      .registerForwardHook((b, _i, out) =>
        seen.push(`${b.constructor.name} ${(out as mx.NDArray).shape}`),
      );
    const y = seq.forward(x);
    expect(y.shape).toEqual([1, 4]);
    expect(values(y)).toEqual([1, 7, 10, 1]);
    expect(seen).toEqual(['pre Sequential', 'Flatten 1,4']);
    h.detach();
    const y2 = seq.forward(x);
    expect(seen.length).toBe(3);
    expect(seq.slice(1, 3).length).toBe(2);
    for (const a of [x, y, y2]) a.dispose();
    expect(live()).toBe(before);
  });

  test('a custom Block registers children and parameters assigned to properties', () => {
    class Net extends gluon.Block {
      hidden: gluon.nn.Dense;
      scale: gluon.Parameter;
      constructor() {
        super({ prefix: 'net_' });
        this.hidden = this.nameScope(() => new nn.Dense(3, { inUnits: 2 }));
        this.scale = this.params.get('scale', { shape: [1], init: 'ones' });
      }
      override forward(x: mx.NDArray) {
        return mx.nd.broadcastMul(this.hidden.forward(x), this.scale.data());
      }
    }
    const net = new Net();
    expect([...net.collectParams().keys()]).toEqual([
      'net_scale',
      'net_dense0_weight',
      'net_dense0_bias',
    ]);
    expect([...net._collectParamsWithPrefix().keys()]).toEqual([
      'scale',
      'hidden.weight',
      'hidden.bias',
    ]);
    net.initialize();
    const x = mx.nd.ones([4, 2]);
    const y = net.forward(x);
    expect(y.shape).toEqual([4, 3]);
    class Empty extends gluon.Block {}
    expect(() => new Empty().forward(x)).toThrow(gluon.AbstractMethodError);
    x.dispose();
    y.dispose();
    disposeAll(net);
  });
});
