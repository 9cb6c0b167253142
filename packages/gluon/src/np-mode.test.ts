import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { afterEach, beforeAll, expect, test } from 'vitest';
import * as gluon from './index.js';
import { disposeAll } from './test-support.fixture.js';

const { np, npx, autograd } = mx;

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

afterEach(() => npx.resetNp());

test('after npx.setNp() a Dense takes and gives np arrays, and its parameters read as np arrays', () => {
  const before = mx.memory().arrays;
  mx.scope(() => {
    npx.setNp();
    const net = new gluon.nn.Dense(2, { inUnits: 3 });
    net.initialize(new mx.init.Constant(0.5));
    const x = np.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const y = net.forward(x);
    expect(y).toBeInstanceOf(np.NpArray);
    // 0.5 * (1 + 2 + 3) = 3, 0.5 * 15 = 7.5 (Dense's bias keeps its own 'zeros' initializer)
    expect(Array.from(y.dataSync())).toEqual([3, 3, 7.5, 7.5]);
    expect(net.weight.data()).toBeInstanceOf(np.NpArray);
    expect(y.reprSync()).toBe('array([[3. , 3. ],\n       [7.5, 7.5]])');
    npx.resetNp();
    expect(net.forward(x)).not.toBeInstanceOf(np.NpArray);
    expect(net.weight.data()).not.toBeInstanceOf(np.NpArray);
    disposeAll(net);
  });
  expect(mx.memory().arrays).toBe(before);
});

test('a training step in np mode: gradients reach the parameters and the Trainer updates them', () => {
  const before = mx.memory().arrays;
  mx.scope(() => {
    npx.setNp();
    const net = new gluon.nn.Dense(1, { inUnits: 2 });
    net.initialize(new mx.init.Constant(1));
    const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
    const x = np.array([[1, 2]]);
    const l = autograd.record(() => np.sum(np.square(net.forward(x))));
    expect(l.shape).toEqual([]);
    l.backward();
    // y = 1 + 2 + 0 = 3; dl/dw = 2y x = [6, 12]; dl/db = 6
    expect(Array.from(net.weight.grad().dataSync())).toEqual([6, 12]);
    trainer.step(1);
    const w = net.weight.data();
    expect(w).toBeInstanceOf(np.NpArray);
    expect(Array.from(w.dataSync()).map((v) => Number(v.toFixed(5)))).toEqual([0.4, -0.2]);
    expect(Number(net.bias.data().dataSync()[0].toFixed(5))).toBe(-0.6);
    trainer.dispose();
    disposeAll(net);
  });
  expect(mx.memory().arrays).toBe(before);
});
