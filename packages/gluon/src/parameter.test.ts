import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from './index.js';
import { disposeAll, live, values } from './test-support.fixture.js';

const { nn } = gluon;
const fresh = <T>(fn: () => T): T => new mx.name.NameManager().run(fn);

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

function mlp(): gluon.nn.HybridSequential {
  const net = new nn.HybridSequential();
  net.nameScope(() => net.add(new nn.Dense(32, { activation: 'relu' }), new nn.Dense(2)));
  return net;
}

describe('Parameter', () => {
  test('shape with 0 is deferred; the setter fills unknown dims and rejects conflicts', () => {
    const p = new gluon.Parameter('fc_weight', { shape: [3, 0], allowDeferredInit: true });
    p.initialize();
    expect(p.isInitialized).toBe(false);
    expect(() => p.data()).toThrow(gluon.DeferredInitializationError);
    expect(() => {
      p.shape = [4, 5];
    }).toThrow(mx.ShapeError);
    p.shape = [3, 5];
    p._finishDeferredInit();
    expect(p.data().shape).toEqual([3, 5]);
    expect(p.grad().shape).toEqual([3, 5]);
    p.dispose();
  });

  test('without allowDeferredInit an unknown shape raises; uninitialized data() raises', () => {
    const p = new gluon.Parameter('w', { shape: [2, 0] });
    expect(() => p.initialize()).toThrow(mx.ShapeError);
    const q = new gluon.Parameter('q', { shape: [2] });
    expect(() => q.data()).toThrow(gluon.ParameterNotInitializedError);
    expect(() => new gluon.Parameter('r', { gradReq: 'bad' as 'write' })).toThrow(
      mx.InvalidArgumentError,
    );
  });

  test("own init wins; gradReq 'null' drops the gradient; setData and zeroGrad work in place", () => {
    const before = live();
    const p = new gluon.Parameter('b', { shape: [3], init: 'ones' });
    p.initialize(null, { defaultInit: new mx.init.Zero() });
    expect(values(p.data())).toEqual([1, 1, 1]);
    const d = p.data();
    const v = mx.nd.array([1, 2, 3]);
    p.setData(v);
    v.dispose();
    expect(p.data()).toBe(d);
    expect(values(d)).toEqual([1, 2, 3]);
    p.grad().set(5);
    p.zeroGrad();
    expect(values(p.grad())).toEqual([0, 0, 0]);
    p.gradReq = 'null';
    expect(() => p.grad()).toThrow(mx.InvalidArgumentError);
    p.dispose();
    mx.scope(() => {});
    expect(live()).toBe(before);
  });

  test('Block.cast converts data and gradient, leaving no array behind', () => {
    const before = live();
    const d = fresh(() => new nn.Dense(2, { inUnits: 3 }));
    d.initialize();
    const after = live();
    d.cast('int32');
    expect(d.weight.dtype).toBe('int32');
    expect(d.weight.data().dtype).toBe('int32');
    expect(d.weight.grad().dtype).toBe('int32');
    expect(d.bias!.data().dtype).toBe('int32');
    expect(live()).toBe(after);
    expect(() => d.cast('float16' as 'float32')).toThrow(mx.DTypeError);
    disposeAll(d);
    expect(live()).toBe(before);
  });

  test('ParameterDict.get creates with the prefix, returns the same, fills unknown dims', () => {
    const params = new gluon.ParameterDict('net_');
    const w = params.get('weight', { shape: [2, 0] });
    expect(w.name).toBe('net_weight');
    expect(params.get('weight', { shape: [2, 7] })).toBe(w);
    expect(w.shape).toEqual([2, 7]);
    expect(() => params.get('weight', { shape: [3, 7] })).toThrow(mx.ShapeError);
    params.setattr('lrMult', 0.5);
    expect(w.lrMult).toBe(0.5);
    const c = params.getConstant('c', mx.nd.array([4, 5]));
    params.initialize();
    expect(values(c.data())).toEqual([4, 5]);
    expect(c.gradReq).toBe('null');
    for (const p of params.values()) p.dispose();
    c.value.dispose();
  });
});

describe('ParameterDict and Block utilities', () => {
  test('update rejects a different parameter under one name; loadDict drops arg:/aux:', () => {
    const a = new gluon.ParameterDict('p_');
    const b = new gluon.ParameterDict('p_');
    a.get('w', { shape: [2] });
    b.get('w', { shape: [2] });
    expect(() => a.update(b)).toThrow(/different Parameters with the same name 'p_w'/);
    const v = mx.nd.array([3, 4]);
    a.loadDict({ 'arg:p_w': v });
    expect(values(a.getFull('p_w')!.data())).toEqual([3, 4]);
    a.getFull('p_w')!.grad().set(1);
    a.zeroGrad();
    expect(values(a.getFull('p_w')!.grad())).toEqual([0, 0]);
    expect(() => a.loadDict({ 'arg:p_x': v })).toThrow(/p_w' is missing/);
    expect(() => a.loadDict({ 'arg:p_w': v, 'aux:p_x': v })).toThrow(/ignoreExtra/);
    a.getFull('p_w')!.dispose();
    v.dispose();
  });

  test('apply visits children first; hybridize sets the flag below', () => {
    const net = fresh(mlp);
    const seen: string[] = [];
    net.apply((b) => seen.push(b.name));
    expect(seen).toEqual([
      'hybridsequential0_dense0_relu',
      'hybridsequential0_dense0',
      'hybridsequential0_dense1',
      'hybridsequential0',
    ]);
    net.hybridize();
    expect((net.at(1) as gluon.HybridBlock)._active).toBe(true);
    net.hybridize(false);
    expect(net._active).toBe(false);
  });
});

describe('initialization order and values', () => {
  test('deferred init at the first forward equals core initializers called in MXNet order', () => {
    fresh(() => {
      const before = live();
      const x = mx.nd.array([
        [0.5, -1],
        [2, 0.25],
        [-3, 1],
      ]);
      mx.random.seed(7);
      const net = mlp();
      net.initialize(new mx.init.Xavier());
      expect(net.collectParams().getFull('hybridsequential0_dense0_weight')!.shape).toEqual([
        32, 0,
      ]);
      const y = net.forward(x);
      expect(y.shape).toEqual([3, 2]);

      // MXNet: zeros, then default_init(InitDesc(name, {'__init__': init}), arr) per
      // parameter at its layer's first forward: weight (Xavier) then bias ('zeros').
      mx.random.seed(7);
      const w0 = mx.nd.zeros([32, 2]);
      new mx.init.Xavier().apply(new mx.init.InitDesc('hybridsequential0_dense0_weight'), w0);
      const w1 = mx.nd.zeros([2, 32]);
      new mx.init.Xavier().apply(new mx.init.InitDesc('hybridsequential0_dense1_weight'), w1);
      const p = [...net.collectParams().values()];
      expect(values(p[0].data())).toEqual(values(w0));
      expect(values(p[1].data())).toEqual(new Array(32).fill(0));
      expect(values(p[2].data())).toEqual(values(w1));
      expect(values(p[3].data())).toEqual([0, 0]);
      for (const a of [x, y, w0, w1]) a.dispose();
      disposeAll(net);
      expect(live()).toBe(before);
    });
  });

  test('known shapes initialize at initialize() with the default Uniform(0.07)', () => {
    fresh(() => {
      mx.random.seed(3);
      const d = new nn.Dense(4, { inUnits: 3 });
      d.initialize();
      mx.random.seed(3);
      const w = mx.nd.random.uniform({ low: -0.07, high: 0.07, shape: [4, 3] });
      expect(values(d.weight.data())).toEqual(values(w));
      w.dispose();
      disposeAll(d);
    });
  });

  test('forward before initialize raises typed errors', () => {
    fresh(() => {
      const x = mx.nd.ones([2, 3]);
      expect(() => new nn.Dense(4, { inUnits: 3 }).forward(x)).toThrow(
        gluon.ParameterNotInitializedError,
      );
      expect(() => new nn.Dense(4).forward(x)).toThrow(gluon.ParameterNotInitializedError);
      class Custom extends gluon.HybridBlock {
        w: gluon.Parameter;
        constructor() {
          super();
          this.w = this.params.get('w', { shape: [0], allowDeferredInit: true });
        }
        override hybridForward(F: gluon.F, a: mx.NDArray, p: { w: mx.NDArray }) {
          return F.broadcastMul(a, p.w);
        }
      }
      const c = new Custom();
      c.initialize();
      expect(() => c.forward(x)).toThrow(/inferShape/);
      expect(() => new nn.Dense(2).forward(3 as unknown as mx.NDArray)).toThrow(
        mx.InvalidArgumentError,
      );
      x.dispose();
    });
  });
});

describe('save and load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gluon-'));

  test('saveParameters writes structural names; loadParameters restores into a new net', async () => {
    const before = live();
    const x = mx.nd.array([[1, 2]]);
    const a = fresh(mlp);
    a.initialize();
    a.forward(x).dispose();
    const file = join(dir, 'mlp.params');
    await a.saveParameters(file);
    const raw = (await mx.nd.load(file)) as Record<string, mx.NDArray>;
    expect(Object.keys(raw).sort()).toEqual(['0.bias', '0.weight', '1.bias', '1.weight']);
    for (const v of Object.values(raw)) v.dispose();

    const b = mlp();
    await b.loadParameters(file);
    const pa = [...a.collectParams().values()];
    const pb = [...b.collectParams().values()];
    pa.forEach((p, i) => {
      expect(values(pb[i].data())).toEqual(values(p.data()));
    });
    const ya = a.forward(x);
    const yb = b.forward(x);
    expect(values(yb)).toEqual(values(ya));

    // ParameterDict.save with full names, read back by loadParameters's legacy path.
    const legacy = join(dir, 'legacy.params');
    await a.collectParams().save(legacy, a.prefix);
    const c = fresh(mlp);
    await c.loadParameters(legacy);
    const yc = c.forward(x);
    expect(values(yc)).toEqual(values(ya));
    yc.dispose();

    await expect(new nn.Dense(3).loadParameters(file)).rejects.toThrow(/is missing|not present/);
    const d = fresh(() => {
      const s = new nn.HybridSequential();
      s.nameScope(() => s.add(new nn.Dense(32)));
      return s;
    });
    await expect(d.loadParameters(file)).rejects.toThrow(/not present/);
    await d.loadParameters(file, { ignoreExtra: true });
    expect(d.collectParams().getFull('hybridsequential0_dense0_weight')!.shape).toEqual([32, 2]);
    for (const arr of [x, ya, yb]) arr.dispose();
    for (const n of [a, b, c, d]) disposeAll(n);
    mx.scope(() => {});
    expect(live()).toBe(before);
  });

  test('a file with a wrong shape raises a ShapeError naming the parameter', async () => {
    const file = join(dir, 'bad.params');
    const w = mx.nd.ones([5, 9]);
    await mx.nd.save(file, { weight: w, bias: mx.nd.ones([5]) });
    w.dispose();
    const d = fresh(() => new nn.Dense(5, { inUnits: 3 }));
    await expect(d.loadParameters(file)).rejects.toThrow(/dense0_weight.*shape incompatible/);
  });
});
