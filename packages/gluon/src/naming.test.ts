import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from './index.js';

const { nn } = gluon;
const live = () => mx.memory().arrays;
const fresh = <T>(fn: () => T): T => new mx.name.NameManager().run(fn);

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

// MXNet's naming tutorial (docs/python_docs/.../gluon/blocks/naming.md) gives these names.
class Model extends gluon.Block {
  dense0: gluon.nn.Dense;
  dense1: gluon.nn.Dense;
  mydense: gluon.nn.Dense;
  constructor(options: gluon.BlockOptions = {}) {
    super(options);
    [this.dense0, this.dense1, this.mydense] = this.nameScope(() => [
      new nn.Dense(20),
      new nn.Dense(20),
      new nn.Dense(20, { prefix: 'mydense_' }),
    ]);
  }
  override forward(x: mx.NDArray): mx.NDArray {
    return this.mydense.forward(this.dense1.forward(this.dense0.forward(x)));
  }
}

describe('names follow MXNet _BlockScope', () => {
  test('the naming tutorial: model0_, model0_dense0_, model0_mydense_', () => {
    fresh(() => {
      const before = live();
      const model = new Model();
      expect(model.prefix).toBe('model0_');
      expect(model.name).toBe('model0');
      expect(model.dense0.prefix).toBe('model0_dense0_');
      expect(model.mydense.prefix).toBe('model0_mydense_');
      expect([...model.collectParams().keys()]).toEqual([
        'model0_dense0_weight',
        'model0_dense0_bias',
        'model0_dense1_weight',
        'model0_dense1_bias',
        'model0_mydense_weight',
        'model0_mydense_bias',
      ]);
      expect(model.params.size).toBe(0);
      model.initialize();
      const x = mx.nd.zeros([10, 10]);
      const y = model.forward(x);
      x.dispose();
      const shapes = [...model.collectParams().values()].map((p) => p.shape);
      expect(shapes).toEqual([[20, 10], [20], [20, 20], [20], [20, 20], [20]]);
      y.dispose();
      for (const p of model.collectParams().values()) p.dispose();
      expect(live()).toBe(before);
    });
  });

  test('counters per scope: two Models in a Sequential, top-level counters are global', () => {
    fresh(() => {
      const net = new nn.Sequential();
      net.nameScope(() => net.add(new Model(), new Model()));
      const names = [...net.collectParams().keys()];
      expect(names[0]).toBe('sequential0_model0_dense0_weight');
      expect(names[6]).toBe('sequential0_model1_dense0_weight');
      expect(new nn.Dense(2).prefix).toBe('dense0_');
      expect(new nn.Dense(2).prefix).toBe('dense1_');
      expect(new nn.HybridSequential().prefix).toBe('hybridsequential0_');
      // Outside a nameScope, children take the global counters, as in MXNet.
      const seq = new nn.Sequential();
      seq.add(new nn.Dense(3), new nn.Dense(4));
      expect([...seq.collectParams().keys()]).toEqual([
        'dense2_weight',
        'dense2_bias',
        'dense3_weight',
        'dense3_bias',
      ]);
    });
  });

  test('Activation is named after its type; Dense registers its act child; collectParams select', () => {
    fresh(() => {
      expect(new nn.Activation('relu').prefix).toBe('relu0_');
      const net = new nn.HybridSequential();
      net.nameScope(() =>
        net.add(new nn.Dense(32, { activation: 'relu' }), new nn.Dense(2, { useBias: false })),
      );
      const d0 = net.at(0) as gluon.nn.Dense;
      expect(d0.act!.prefix).toBe('hybridsequential0_dense0_relu_');
      expect([...net.collectParams().keys()]).toEqual([
        'hybridsequential0_dense0_weight',
        'hybridsequential0_dense0_bias',
        'hybridsequential0_dense1_weight',
      ]);
      expect([...net.collectParams('.*weight').keys()]).toEqual([
        'hybridsequential0_dense0_weight',
        'hybridsequential0_dense1_weight',
      ]);
      // re.match anchors at the start only.
      expect([...net.collectParams('dense').keys()]).toEqual([]);
      expect(net.length).toBe(2);
      expect(net.at(-1)).toBe(net.at(1));
      expect(String(net)).toBe(
        'HybridSequential(\n  (0): Dense(None -> 32, Activation(relu))\n  (1): Dense(None -> 2, linear)\n)',
      );
      expect([...net._collectParamsWithPrefix().keys()]).toEqual([
        '0.weight',
        '0.bias',
        '1.weight',
      ]);
    });
  });

  test('a prefix given explicitly and shared params', () => {
    fresh(() => {
      const a = new nn.Dense(4, { prefix: 'shared_', inUnits: 3 });
      const b = new nn.Dense(4, { prefix: 'other_', params: a.collectParams() });
      expect(b.weight).toBe(a.weight);
      expect(b.prefix).toBe('other_');
    });
  });

  test('assigning a different type to a registered attribute raises', () => {
    const m = fresh(() => new Model());
    expect(() => {
      (m as unknown as Record<string, unknown>).dense0 = 3;
    }).toThrow(mx.InvalidArgumentError);
  });

  test("summary prints MXNet's table", () => {
    const before = live();
    const net = fresh(() => {
      const n = new nn.HybridSequential();
      n.nameScope(() => n.add(new nn.Dense(32, { activation: 'relu' }), new nn.Dense(2)));
      return n;
    });
    net.initialize();
    const x = mx.nd.ones([1, 2]);
    const text = net.summary(x);
    const row = (a: string, b: string, c: string) =>
      `${' '.repeat(20 - a.length)}${a}  ${' '.repeat(42 - b.length)}${b} ${' '.repeat(15 - c.length)}${c}`;
    expect(text.split('\n')).toEqual([
      '-'.repeat(80),
      row('Layer (type)', 'Output Shape', 'Param #'),
      '='.repeat(80),
      row('Input', '(1, 2)', '0'),
      row('Activation-1', '(1, 32)', '0'),
      row('Dense-2', '(1, 32)', '96'),
      row('Dense-3', '(1, 2)', '66'),
      '='.repeat(80),
      'Parameters in forward computation graph, duplicate included',
      '   Total params: 162',
      '   Trainable params: 162',
      '   Non-trainable params: 0',
      'Shared params in forward computation graph: 0',
      'Unique parameters in model: 162',
      '-'.repeat(80),
    ]);
    net.hybridize();
    expect(() => net.summary(x)).toThrow(/must not be hybridized/);
    x.dispose();
    for (const p of net.collectParams().values()) p.dispose();
    expect(live()).toBe(before);
  });
});
