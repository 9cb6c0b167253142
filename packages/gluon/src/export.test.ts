import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from './index.js';
import { live } from './test-support.fixture.js';

const { nn } = gluon;
const values = (x: mx.NDArray) => Array.from(x.dataSync());

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

describe('HybridBlock.export', () => {
  test('writes prefix-symbol.json and prefix-0000.params with arg: names; the graph gives the same output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    const net = new mx.name.NameManager().run(() => {
      const n = new nn.HybridSequential();
      n.nameScope(() =>
        n.add(
          new nn.Dense(3, { activation: 'relu', inUnits: 2 }),
          new nn.LeakyReLU(0.1),
          new nn.Dense(2, { inUnits: 3 }),
        ),
      );
      return n;
    });
    net.hybridize();
    net.initialize(new mx.init.Xavier());
    const x = mx.nd.array([
      [0.5, -1],
      [2, 3],
    ]);
    const y = net.forward(x);
    const [symFile, paramsFile] = await net.export(join(dir, 'model'), 3);
    expect(symFile).toBe(join(dir, 'model-symbol.json'));
    expect(paramsFile).toBe(join(dir, 'model-0003.params'));

    const json = JSON.parse(readFileSync(symFile, 'utf8')) as {
      nodes: { op: string; name: string }[];
    };
    const names = json.nodes.map((n) => `${n.op}:${n.name}`);
    expect(names).toEqual([
      'null:data',
      'null:hybridsequential0_dense0_weight',
      'null:hybridsequential0_dense0_bias',
      'FullyConnected:hybridsequential0_dense0_fwd',
      'Activation:hybridsequential0_dense0_relu_fwd',
      'LeakyReLU:hybridsequential0_leakyrelu0_fwd',
      'null:hybridsequential0_dense1_weight',
      'null:hybridsequential0_dense1_bias',
      'FullyConnected:hybridsequential0_dense1_fwd',
    ]);
    const params = (await mx.nd.load(paramsFile)) as Record<string, mx.NDArray>;
    expect(Object.keys(params).sort()).toEqual([
      'arg:hybridsequential0_dense0_bias',
      'arg:hybridsequential0_dense0_weight',
      'arg:hybridsequential0_dense1_bias',
      'arg:hybridsequential0_dense1_weight',
    ]);
    const sym = net.toSymbol();
    const inputs: Record<string, mx.NDArray> = { data: x };
    for (const [k, v] of Object.entries(params)) inputs[k.slice(4)] = v;
    const [out] = mx.sym.evaluate(sym, inputs);
    const want = values(y);
    values(out).forEach((v, i) => {
      expect(Math.abs(v - want[i])).toBeLessThan(1e-6);
    });
    for (const a of [x, y, out, ...Object.values(params)]) a.dispose();
    for (const p of net.collectParams().values()) p.dispose();
  });

  test('Convolution, Pooling, BatchNorm, Flatten, Dropout, LayerNorm and Embedding export as MXNet operators', async () => {
    const before = live();
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    const net = new mx.name.NameManager().run(() => {
      const n = new nn.HybridSequential();
      n.nameScope(() =>
        n.add(
          new nn.Conv2D(2, 3, { activation: 'relu', inChannels: 1 }),
          new nn.MaxPool2D(2, { strides: 2 }),
          new nn.BatchNorm({ inChannels: 2 }),
          new nn.Flatten(),
          new nn.Dropout(0.5),
          new nn.Dense(3, { inUnits: 2 }),
          new nn.LayerNorm({ inChannels: 3 }),
        ),
      );
      return n;
    });
    net.hybridize();
    net.initialize(new mx.init.Xavier());
    const flat = mx.nd.array(Array.from({ length: 2 * 1 * 4 * 4 }, (_, i) => Math.sin(i)));
    const x = flat.reshape([2, 1, 4, 4]);
    flat.dispose();
    const y = net.forward(x);
    const [symFile, paramsFile] = await net.export(join(dir, 'cnn'));
    const json = JSON.parse(readFileSync(symFile, 'utf8')) as {
      nodes: { op: string; name: string; attrs?: Record<string, string> }[];
    };
    const ops = json.nodes.filter((n) => n.op !== 'null');
    expect(ops.map((n) => `${n.op}:${n.name}`)).toEqual([
      'Convolution:hybridsequential0_conv0_fwd',
      'Activation:hybridsequential0_conv0_relu_fwd',
      'Pooling:hybridsequential0_pool0_fwd',
      'BatchNorm:hybridsequential0_batchnorm0_fwd',
      'Flatten:hybridsequential0_flatten0_flatten0',
      'Dropout:hybridsequential0_dropout0_fwd',
      'FullyConnected:hybridsequential0_dense0_fwd',
      'LayerNorm:hybridsequential0_layernorm0_layernorm0',
    ]);
    expect(ops[0].attrs).toMatchObject({ kernel: '(3, 3)', num_filter: '2', no_bias: 'False' });
    expect(ops[2].attrs).toMatchObject({ kernel: '(2, 2)', stride: '(2, 2)', pool_type: 'max' });
    expect(ops[5].attrs).toEqual({ axes: '()', cudnn_off: 'False', p: '0.5' });
    expect(ops[3].attrs).toEqual({
      axis: '1',
      eps: '1e-05',
      fix_gamma: 'False',
      momentum: '0.9',
      use_global_stats: 'False',
    });
    const params = (await mx.nd.load(paramsFile)) as Record<string, mx.NDArray>;
    expect(
      Object.keys(params)
        .filter((k) => k.startsWith('aux:'))
        .sort(),
    ).toEqual([
      'aux:hybridsequential0_batchnorm0_running_mean',
      'aux:hybridsequential0_batchnorm0_running_var',
    ]);
    const sym = mx.sym.loadJson(readFileSync(symFile, 'utf8'));
    const inputs: Record<string, mx.NDArray> = { data: x };
    for (const [k, v] of Object.entries(params)) inputs[k.slice(4)] = v;
    const [out] = mx.sym.evaluate(sym, inputs);
    const want = values(y);
    expect(out.shape).toEqual(y.shape);
    values(out).forEach((v, i) => {
      expect(Math.abs(v - want[i])).toBeLessThan(1e-5);
    });
    for (const a of [x, y, out, ...Object.values(params)]) a.dispose();
    for (const p of net.collectParams().values()) p.dispose();
    expect(live()).toBe(before);
  });

  test('Embedding exports as an Embedding node', () => {
    const block = new mx.name.NameManager().run(() => new nn.Embedding(5, 2));
    block.hybridize();
    const s = block.toSymbol();
    const node = JSON.parse(s.tojson()).nodes.at(-1);
    expect(node.op).toBe('Embedding');
    expect(node.name).toBe('embedding0_fwd');
    expect(node.attrs).toEqual({
      dtype: 'float32',
      input_dim: '5',
      output_dim: '2',
      sparse_grad: 'False',
    });
    expect(s.listArguments()).toEqual(['data', 'embedding0_weight']);
  });

  test("a Gluon MLP's symbol JSON is MXNet 1.9.1's text for the same code, byte for byte", () => {
    // MXNet 1.9.1: nn.HybridSequential(); add(nn.Dense(3, activation='relu', in_units=2),
    // nn.Dense(2, in_units=3)); hybridize(); forward; export. Expected from MXNet's rules:
    // Parameter.var() -> symbol.var(name, shape, dtype, lr_mult=1.0, wd_mult=1.0, init,
    // stype='default') sets __shape__ str(shape), __dtype__ "0", __lr_mult__/__wd_mult__
    // "1.0", __init__ "zeros" (bias), __storage_type__ "0"; Dense calls FullyConnected(x, w,
    // b, no_bias, num_hidden, flatten, name='fwd') and Activation(act_type, name='fwd');
    // nnvm's SaveJSON writes attrs sorted, through dmlc's JSONWriter (src/nnvm, dmlc json.h).
    const net = new mx.name.NameManager().run(() => {
      const n = new nn.HybridSequential();
      n.nameScope(() =>
        n.add(new nn.Dense(3, { activation: 'relu', inUnits: 2 }), new nn.Dense(2, { inUnits: 3 })),
      );
      return n;
    });
    net.hybridize();
    const variable = (name: string, shape: string, init: boolean) => [
      '    {',
      '      "op": "null", ',
      `      "name": "${name}", `,
      '      "attrs": {',
      '        "__dtype__": "0", ',
      ...(init ? ['        "__init__": "zeros", '] : []),
      '        "__lr_mult__": "1.0", ',
      `        "__shape__": "${shape}", `,
      '        "__storage_type__": "0", ',
      '        "__wd_mult__": "1.0"',
      '      }, ',
      '      "inputs": []',
      '    }, ',
    ];
    const fc = (name: string, units: number, ins: string, last: boolean) => [
      '    {',
      '      "op": "FullyConnected", ',
      `      "name": "${name}", `,
      '      "attrs": {',
      '        "flatten": "True", ',
      '        "no_bias": "False", ',
      `        "num_hidden": "${units}"`,
      '      }, ',
      `      "inputs": ${ins}`,
      last ? '    }' : '    }, ',
    ];
    const expected = [
      '{',
      '  "nodes": [',
      '    {',
      '      "op": "null", ',
      '      "name": "data", ',
      '      "inputs": []',
      '    }, ',
      ...variable('hybridsequential0_dense0_weight', '(3, 2)', false),
      ...variable('hybridsequential0_dense0_bias', '(3,)', true),
      ...fc('hybridsequential0_dense0_fwd', 3, '[[0, 0, 0], [1, 0, 0], [2, 0, 0]]', false),
      '    {',
      '      "op": "Activation", ',
      '      "name": "hybridsequential0_dense0_relu_fwd", ',
      '      "attrs": {"act_type": "relu"}, ',
      '      "inputs": [[3, 0, 0]]',
      '    }, ',
      ...variable('hybridsequential0_dense1_weight', '(2, 3)', false),
      ...variable('hybridsequential0_dense1_bias', '(2,)', true),
      ...fc('hybridsequential0_dense1_fwd', 2, '[[4, 0, 0], [5, 0, 0], [6, 0, 0]]', true),
      '  ], ',
      '  "arg_nodes": [0, 1, 2, 5, 6], ',
      '  "node_row_ptr": [0, 1, 2, 3, 4, 5, 6, 7, 8], ',
      '  "heads": [[7, 0, 0]], ',
      '  "attrs": {"mxnet_version": ["int", 10901]}',
      '}',
    ].join('\n');
    expect(net.toSymbol().tojson()).toBe(expected);
  });

  test('an op without a symbolic form raises a typed error', () => {
    const block = new nn.HybridLambda((F, a: mx.NDArray) => F.exp(a));
    expect(() => block.toSymbol()).toThrow(/F.exp has no symbolic form/);
  });
});
