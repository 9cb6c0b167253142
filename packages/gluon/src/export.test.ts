import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from './index.js';

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
    const x = mx.nd
      .array(
        Array.from({ length: 2 * 1 * 4 * 4 }, (_, i) => Math.sin(i)),
        {
          dtype: 'float32',
        },
      )
      .reshape([2, 1, 4, 4]);
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
    expect(ops[5].attrs).toMatchObject({ p: '0.5' });
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
  });

  test('Embedding exports as an Embedding node', () => {
    const block = new mx.name.NameManager().run(() => new nn.Embedding(5, 2));
    block.hybridize();
    const s = block.toSymbol();
    const node = JSON.parse(s.tojson()).nodes.at(-1);
    expect(node.op).toBe('Embedding');
    expect(node.name).toBe('embedding0_fwd');
    expect(node.attrs).toMatchObject({ input_dim: '5', output_dim: '2' });
    expect(s.listArguments()).toEqual(['data', 'embedding0_weight']);
  });

  test('an op without a symbolic form raises a typed error', () => {
    const block = new nn.HybridLambda((F, a: mx.NDArray) => F.exp(a));
    expect(() => block.toSymbol()).toThrow(/F.exp has no symbolic form/);
  });
});
