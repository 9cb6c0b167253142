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

  test('an op without a symbolic form raises a typed error', () => {
    const block = new nn.HybridLambda((F, a: mx.NDArray) => F.exp(a));
    expect(() => block.toSymbol()).toThrow(/F.exp has no symbolic form/);
  });
});
