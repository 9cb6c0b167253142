import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  MLP_1_4,
  MXNET_SYMBOL_FILES,
  SAVE_000800,
} from '../../../../conformance/src/fixtures/mxnet-symbols/mxnet-symbol-files.js';
import { SymbolJSONError } from '../errors/symbol-json-error.js';
import * as mx from '../index.js';

const fixtureDir = new URL('../../../../conformance/src/fixtures/mxnet-symbols/', import.meta.url);

describe('mx.sym.loadJson on files MXNet wrote', () => {
  test('the string constants are the files, byte for byte', () => {
    for (const f of MXNET_SYMBOL_FILES) {
      expect(readFileSync(new URL(f.file, fixtureDir), 'utf8')).toBe(f.text);
    }
  });

  test('an MXNet 1.4 MLP: lists, and tojson() gives the file back (with 1.9.1 as version)', () => {
    const net = mx.sym.loadJson(MLP_1_4.text);
    expect(net.listArguments()).toEqual([
      'data',
      'fc1_weight',
      'fc1_bias',
      'fc2_weight',
      'fc2_bias',
      'fc3_weight',
      'fc3_bias',
      'softmax_label',
    ]);
    expect(net.listAuxiliaryStates()).toEqual([]);
    expect(net.listOutputs()).toEqual(['softmax_output']);
    expect(net.tojson()).toBe(
      MLP_1_4.text.replace('"mxnet_version": ["int", 10400]', '"mxnet_version": ["int", 10901]'),
    );
    expect(mx.sym.loadJson(net.tojson()).tojson()).toBe(net.tojson());
  });

  test('MXNet 0.8 legacy format (save_000800.json): upgraded as LoadLegacyJSON does', () => {
    const net = mx.sym.loadJson(SAVE_000800.text);
    // test_symbol.py::test_load_000800 builds the same network and compares these lists.
    expect(net.listArguments()).toEqual([
      'data',
      'fc1_weight',
      'fc1_bias',
      'fc2_weight',
      'fc2_bias',
      'fc3_weight',
      'fc3_bias',
      'batchnorm0_gamma',
      'batchnorm0_beta',
      'softmax_label',
    ]);
    expect(net.listAuxiliaryStates()).toEqual(['batchnorm0_moving_mean', 'batchnorm0_moving_var']);
    expect(net.listOutputs()).toEqual(['softmax_output']);
    const d = net.attrDict();
    expect(d['data']).toEqual({ __ctx_group__: 'stage1', __lr_mult__: '0.2' });
    // fc1's `weight_lr_mult` moves to its weight input; a variable keeps its own as is.
    expect(d['fc1_weight']).toEqual({
      __ctx_group__: 'stage1',
      __wd_mult__: '0.3',
      __lr_mult__: '1.2',
      weight_lr_mult: '1.2',
    });
    expect(d['fc1']).toEqual({
      no_bias: 'False',
      num_hidden: '128',
      __ctx_group__: 'stage1',
      __wd_mult__: '0.3',
    });
    expect(d['fc2_weight']).toEqual({ __ctx_group__: 'stage2', __lr_mult__: '0.01' });
    // 0.8 files have no aux states: MXNet adds them with the op's attributes, then __init__.
    const bnAttrs = {
      eps: '0.001',
      fix_gamma: 'True',
      momentum: '0.9',
      use_global_stats: 'False',
      __ctx_group__: 'stage2',
    };
    expect(d['batchnorm0_moving_mean']).toEqual({ ...bnAttrs, __init__: '["zero", {}]' });
    expect(d['batchnorm0_moving_var']).toEqual({ ...bnAttrs, __init__: '["one", {}]' });
    const [args, outs, aux] = net.inferShape({ data: [4, 200] }) as number[][][];
    expect(args).toEqual([
      [4, 200],
      [128, 200],
      [128],
      [64, 128],
      [64],
      [10, 64],
      [10],
      [10],
      [10],
      [4],
    ]);
    expect(outs).toEqual([[4, 10]]);
    expect(aux).toEqual([[10], [10]]);
    // Saved again, it is a current file that loads to the same graph.
    const again = mx.sym.loadJson(net.tojson());
    expect(again.tojson()).toBe(net.tojson());
    expect(again.attrDict()).toEqual(d);
    expect(JSON.parse(net.tojson()).nodes[3].inputs).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [2, 0, 0],
    ]);
  });

  test('the same network built with mx.sym has the same lists as the loaded one', () => {
    const built = new mx.name.NameManager().run(() => {
      const data = mx.sym.Variable('data');
      const fc1 = mx.sym.FullyConnected(data, { numHidden: 128, name: 'fc1' });
      const a1 = mx.sym.Activation(fc1, { actType: 'relu', name: 'relu1' });
      const fc2 = mx.sym.FullyConnected(a1, { numHidden: 64, name: 'fc2' });
      const a2 = mx.sym.Activation(fc2, { actType: 'relu', name: 'relu2' });
      const fc3 = mx.sym.FullyConnected(a2, { numHidden: 10, name: 'fc3' });
      const bn = mx.sym.BatchNorm(fc3, { name: 'batchnorm0' });
      return mx.sym.SoftmaxOutput(bn, { name: 'softmax' });
    });
    const loaded = mx.sym.loadJson(SAVE_000800.text);
    expect(loaded.listArguments()).toEqual(built.listArguments());
    expect(loaded.listAuxiliaryStates()).toEqual(built.listAuxiliaryStates());
    expect(loaded.listOutputs()).toEqual(built.listOutputs());
  });

  test('sym.save writes tojson(); mx.sym.load reads it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sym-'));
    const net = mx.sym.loadJson(SAVE_000800.text);
    await net.save(join(dir, 'net-symbol.json'));
    expect(readFileSync(join(dir, 'net-symbol.json'), 'utf8')).toBe(net.tojson());
    expect((await mx.sym.load(join(dir, 'net-symbol.json'))).tojson()).toBe(net.tojson());
    rmSync(dir, { recursive: true });
  });

  test('mx.sym.load reads a file; a missing one is a typed error', async () => {
    const net = await mx.sym.load(new URL('mlp-1.4-symbol.json', fixtureDir));
    expect(net.listOutputs()).toEqual(['softmax_output']);
    await expect(mx.sym.load('/nonexistent/x-symbol.json')).rejects.toThrow(
      /sym.load: cannot read '\/nonexistent\/x-symbol.json' \(ENOENT\)/,
    );
  });
});

describe('tojson layout (dmlc JSONWriter)', () => {
  test('lists of more than 10 numbers or entries break lines; short ones stay on one', () => {
    const x = mx.sym.Variable('x');
    let y = x;
    for (let i = 0; i < 11; i++) y = y.add(1);
    const text = mx.sym.loadJson(y.tojson()).tojson();
    expect(text).toContain('"arg_nodes": [0], ');
    expect(text).toContain('"node_row_ptr": [\n    0, \n    1, \n');
    const small = mx.sym.Variable('v').tojson();
    expect(small).toBe(
      [
        '{',
        '  "nodes": [',
        '    {',
        '      "op": "null", ',
        '      "name": "v", ',
        '      "inputs": []',
        '    }',
        '  ], ',
        '  "arg_nodes": [0], ',
        '  "node_row_ptr": [0, 1], ',
        '  "heads": [[0, 0, 0]], ',
        '  "attrs": {"mxnet_version": ["int", 10901]}',
        '}',
      ].join('\n'),
    );
  });

  test('strings are escaped as dmlc does (\\n, \\t, quotes, backslash only)', () => {
    const v = mx.sym.Variable('a"b\\c\nd\te', { attr: { note: 'x\ry' } });
    const text = v.tojson();
    expect(text).toContain('"name": "a\\"b\\\\c\\nd\\te"');
    expect(text).toContain('"attrs": {"note": "x\\ry"}');
    expect(mx.sym.loadJson(text).name).toBe('a"b\\c\nd\te');
  });

  test("a oneDNN build's max Pooling with a workspace output loads and keeps its count", () => {
    const text = JSON.stringify({
      nodes: [
        { op: 'null', name: 'data', inputs: [] },
        {
          op: 'Pooling',
          name: 'pool0',
          attrs: { kernel: '(2, 2)', pool_type: 'max', stride: '(2, 2)' },
          inputs: [[0, 0, 0]],
        },
      ],
      arg_nodes: [0],
      node_row_ptr: [0, 1, 3],
      heads: [[1, 0, 0]],
      attrs: { mxnet_version: ['int', 10901] },
    });
    const s = mx.sym.loadJson(text);
    expect(JSON.parse(s.tojson()).node_row_ptr).toEqual([0, 1, 3]);
    expect(s.listOutputs()).toEqual(['pool0_output']);
    expect(s.inferShape({ data: [1, 1, 4, 4] })![1]).toEqual([[1, 1, 2, 2]]);
    const bad = JSON.parse(text);
    bad.node_row_ptr = [0, 1, 1];
    expect(() => mx.sym.loadJson(JSON.stringify(bad))).toThrow(/at least 1 output/);
  });

  test("MXNet's operator aliases load as the operator (tojson writes its own name)", () => {
    const text = JSON.stringify({
      nodes: [
        { op: 'null', name: 'a', inputs: [] },
        { op: 'null', name: 'b', inputs: [] },
        {
          op: '_Plus',
          name: 'p',
          inputs: [
            [0, 0],
            [1, 0],
          ],
        },
        { op: '_MulScalar', name: 'm', param: { scalar: '2' }, inputs: [[2, 0]] },
        { op: 'null', name: 'softmax_label', inputs: [] },
        {
          op: 'Softmax',
          name: 'softmax',
          inputs: [
            [3, 0],
            [4, 0],
          ],
        },
      ],
      arg_nodes: [0, 1, 4],
      heads: [[5, 0]],
    });
    const s = mx.sym.loadJson(text);
    expect(JSON.parse(s.tojson()).nodes.map((n: { op: string }) => n.op)).toEqual([
      'null',
      'null',
      'elemwise_add',
      '_mul_scalar',
      'null',
      'SoftmaxOutput',
    ]);
    expect(s.inferShape({ a: [2, 3] })![1]).toEqual([[2, 3]]);
  });

  test('an operator MXTS does not have loads, lists and round-trips with its output count', () => {
    const text = JSON.stringify({
      nodes: [
        { op: 'null', name: 'data', inputs: [] },
        { op: 'SliceChannel', name: 'split0', attrs: { num_outputs: '2' }, inputs: [[0, 0, 0]] },
        {
          op: 'elemwise_add',
          name: '_plus0',
          inputs: [
            [1, 0, 0],
            [1, 1, 0],
          ],
        },
      ],
      arg_nodes: [0],
      node_row_ptr: [0, 1, 3, 4],
      heads: [[2, 0, 0]],
      attrs: { mxnet_version: ['int', 10901] },
    });
    const s = mx.sym.loadJson(text);
    expect(s.listArguments()).toEqual(['data']);
    expect(JSON.parse(s.tojson()).node_row_ptr).toEqual([0, 1, 3, 4]);
    expect(() => s.eval({})).toThrow(mx.UnsupportedOperatorError);
    expect(() => s.eval({})).toThrow(/operator SliceChannel \(node split0\)/);
    expect(() => s.inferShape({ data: [2, 4] })).toThrow(mx.UnsupportedOperatorError);
    expect(s.inferShapePartial({ data: [2, 4] })[0]).toEqual([[2, 4]]);
  });
});

describe('mx.sym.loadJson refuses bad input with SymbolJSONError', () => {
  const good = JSON.parse(MLP_1_4.text);
  const cases: [string, unknown, RegExp][] = [
    ['not JSON', '{"nodes": [', /not JSON/],
    ['not an object', '[1, 2]', /expected an object/],
    ['missing heads', { nodes: [], arg_nodes: [] }, /heads: missing field "heads"/],
    ['an unknown field', { ...good, extra: 1 }, /unknown field "extra"/],
    [
      'an input pointing forward',
      {
        ...good,
        nodes: good.nodes.map((n: any, i: number) =>
          i === 3
            ? {
                ...n,
                inputs: [
                  [5, 0, 0],
                  [1, 0, 0],
                  [2, 0, 0],
                ],
              }
            : n,
        ),
      },
      /nodes\[3\]\.inputs\[0\]: input node 5 is not before node 3/,
    ],
    [
      'an output index past the node',
      { ...good, heads: [[13, 1, 0]] },
      /heads\[0\]: node 13 \(softmax\) has 1 output\(s\), no output 1/,
    ],
    [
      'an arg node that is an op',
      { ...good, arg_nodes: [3] },
      /arg_nodes\[0\]: node 3 is not a variable/,
    ],
    [
      'a negative id',
      { ...good, heads: [[-1, 0, 0]] },
      /heads\[0\]\[0\]: expected an unsigned 32-bit integer/,
    ],
    [
      'a number attribute',
      {
        nodes: [{ op: 'null', name: 'x', attrs: { a: 1 }, inputs: [] }],
        arg_nodes: [0],
        heads: [[0, 0]],
      },
      /nodes\[0\]\.attrs\.a: expected a string/,
    ],
    [
      'node_row_ptr of the wrong length',
      { ...good, node_row_ptr: [0, 1] },
      /node_row_ptr: expected an array of 15 offsets/,
    ],
    ['a bad version', { ...good, attrs: { mxnet_version: ['str', '1'] } }, /attrs\.mxnet_version/],
    [
      'FullyConnected with too few inputs',
      {
        ...good,
        nodes: good.nodes.map((n: any, i: number) => (i === 3 ? { ...n, inputs: [[0, 0, 0]] } : n)),
      },
      /FullyConnected node fc1 takes 3 inputs \(data, weight, bias\), the file gives 1/,
    ],
  ];
  test.each(cases)('%s', (_name, input, message) => {
    const text = typeof input === 'string' ? input : JSON.stringify(input);
    expect(() => mx.sym.loadJson(text)).toThrow(SymbolJSONError);
    expect(() => mx.sym.loadJson(text)).toThrow(message);
  });

  test('limits are checked before parsing or building', () => {
    expect(() => mx.sym.loadJson(MLP_1_4.text, { maxChars: 100 })).toThrow(
      /more than the limit of 100/,
    );
    expect(() => mx.sym.loadJson(MLP_1_4.text, { maxNodes: 3 })).toThrow(
      /14 nodes, more than the limit of 3/,
    );
    expect(() => mx.sym.loadJson(42 as unknown as string)).toThrow(SymbolJSONError);
  });

  test('a chain of 30,000 nodes loads and serializes without overflowing the stack', () => {
    const n = 30_000;
    const nodes: unknown[] = [{ op: 'null', name: 'x', inputs: [] }];
    for (let i = 1; i < n; i++)
      nodes.push({ op: 'negative', name: `n${i}`, inputs: [[i - 1, 0, 0]] });
    const s = mx.sym.loadJson(JSON.stringify({ nodes, arg_nodes: [0], heads: [[n - 1, 0, 0]] }));
    expect(s.listArguments()).toEqual(['x']);
    expect(s.topoNodes().length).toBe(n);
  });
});
