import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from './index.js';
import { closeWithin, live, values } from './test-support.fixture.js';

const { autograd } = mx;

const close = closeWithin(1e-5, 1e-7);

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

const W0 = [0.5, -1.0, 2.0];
const C = [1.5, -0.25, 3.0];

/** A parameter w with value W0; its loss sum(w * C) has gradient C. */
function param(name = 'w'): gluon.Parameter {
  const p = new gluon.Parameter(name, { shape: [3] });
  p.initialize(null, { defaultInit: new mx.init.Zero() });
  const v = mx.nd.array(W0);
  p.setData(v);
  v.dispose();
  return p;
}

function backwardOn(p: gluon.Parameter): void {
  const c = mx.nd.array(C);
  const l = autograd.record(() => mx.nd.sum(mx.nd.multiply(p.data(), c)));
  l.backward();
  l.dispose();
  c.dispose();
}

describe('Trainer with SGD', () => {
  test('step(batchSize): w = (1 - lr*wd)*w - lr*(g/batchSize)', () => {
    const before = live();
    const p = param();
    const trainer = new gluon.Trainer([p], 'sgd', { learningRate: 0.1, wd: 0.01 });
    backwardOn(p);
    trainer.step(4);
    close(
      values(p.data()),
      W0.map((w, i) => (1 - 0.1 * 0.01) * w - 0.1 * (C[i] / 4)),
    );
    expect(trainer.learningRate).toBe(0.1);
    trainer.setLearningRate(0.5);
    expect(trainer.learningRate).toBe(0.5);
    expect(() => trainer.step(0)).toThrow(mx.InvalidArgumentError);
    p.dispose();
    trainer.dispose();
    expect(live()).toBe(before);
  });

  test('momentum over three steps follows sgd_mom_update; steps leave no array behind', () => {
    const before = live();
    const p = param();
    const trainer = new gluon.Trainer([p], 'sgd', { learningRate: 0.2, momentum: 0.9, wd: 0.1 });
    const w = [...W0];
    const mom = [0, 0, 0];
    let afterFirst = 0;
    for (let step = 0; step < 3; step++) {
      backwardOn(p);
      trainer.step(2);
      if (step === 0) afterFirst = live();
      for (let i = 0; i < 3; i++) {
        mom[i] = 0.9 * mom[i] - 0.2 * 0.1 * w[i] - 0.2 * (C[i] / 2);
        w[i] += mom[i];
      }
    }
    close(values(p.data()), w);
    expect(live()).toBe(afterFirst);
    p.dispose();
    trainer.dispose();
    expect(live()).toBe(before);
  });

  test('a stale gradient raises unless ignoreStaleGrad, which skips the parameter', () => {
    const p = param('a');
    const q = param('b');
    const trainer = new gluon.Trainer([p, q], 'sgd', { learningRate: 1 });
    backwardOn(p);
    backwardOn(q);
    trainer.step(1);
    backwardOn(p);
    expect(() => trainer.step(1)).toThrow(/Gradient of Parameter `b`.*ignoreStaleGrad/);
    // As MXNet's loop, the raise came after `a` was marked stale: a new backward refreshes it.
    backwardOn(p);
    const qBefore = values(q.data());
    const pBefore = values(p.data());
    trainer.step(1, { ignoreStaleGrad: true });
    expect(values(q.data())).toEqual(qBefore);
    close(
      values(p.data()),
      pBefore.map((v, i) => v - C[i]),
    );
    q.gradReq = 'null';
    backwardOn(p);
    trainer.step(1);
    p.dispose();
    q.dispose();
  });

  test('params from a ParameterDict are indexed in sorted name order, as MXNet', () => {
    const dict = new gluon.ParameterDict('net_');
    dict.get('z', { shape: [1] });
    dict.get('a', { shape: [1] });
    const trainer = new gluon.Trainer(dict, 'sgd');
    expect(trainer.optimizer.paramDict[0].name).toBe('net_a');
    expect(trainer.optimizer.paramDict[1].name).toBe('net_z');
    expect(() => new gluon.Trainer([3 as unknown as gluon.Parameter], 'sgd')).toThrow(
      mx.InvalidArgumentError,
    );
    expect(() => new gluon.Trainer([], 'nosuch')).toThrow(/Cannot find optimizer/);
  });

  test('an Optimizer instance gets the paramDict; lrMult is read from the parameter', () => {
    const p = param('w');
    const opt = gluon.optimizer.createOptimizer('sgd', { learningRate: 0.5 });
    expect(() => new gluon.Trainer([p], opt, { learningRate: 1 })).toThrow(/optimizer_params/);
    const trainer = new gluon.Trainer([p], opt);
    expect(opt.paramDict[0]).toBe(p);
    p.lrMult = 0.1;
    backwardOn(p);
    trainer.step(1);
    close(
      values(p.data()),
      W0.map((w, i) => w - 0.5 * 0.1 * C[i]),
    );
    p.dispose();
  });

  test('allreduceGrads + update equals step; saveStates/loadStates restore momentum', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trainer-'));
    const p = param();
    const trainer = new gluon.Trainer([p], 'sgd', { learningRate: 0.1, momentum: 0.5 });
    backwardOn(p);
    trainer.allreduceGrads();
    trainer.update(2);
    const file = join(dir, 't.states');
    await trainer.saveStates(file);
    const saved = values(p.data());
    backwardOn(p);
    trainer.step(2);
    const expected = values(p.data());

    const q = param();
    const v = mx.nd.array(saved);
    q.setData(v);
    v.dispose();
    const t2 = new gluon.Trainer([q], 'sgd', { learningRate: 0.1, momentum: 0.5 });
    await t2.loadStates(file);
    backwardOn(q);
    t2.step(2);
    expect(values(q.data())).toEqual(expected);
    for (const x of [p, q]) x.dispose();
    trainer.dispose();
    t2.dispose();
  });
});
