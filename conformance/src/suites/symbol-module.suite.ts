import * as mx from '@mxts/core';
import {
  check,
  expectBits,
  expectClose,
  expectExact,
  expectText,
  expectThrows,
} from '../assertions.js';
import { defineSuite } from '../conformance-case.js';
import { MLP_1_4, SAVE_000800 } from '../fixtures/mxnet-symbols/mxnet-symbol-files.js';
import { disposingAfter, withLogs } from '../suite-support.js';
import { getSymbolNameCases } from './get-symbol-names.cases.js';
import { moduleTrainCases } from './module-train.cases.js';

const { nd, init, sym } = mx;

/** Runs `fn` in a fresh naming scope (counters from 0), as a fresh MXNet process. */
function fresh<T>(fn: () => T): T {
  return new mx.name.NameManager().run(fn);
}

const list = (xs: readonly string[]) => xs.join(',');

/** MXNet's `mx.sym` / `mx.mod` slice: naming, lists, shape inference, JSON, Module. */
export const symbolModuleCases = defineSuite('symbol', [
  {
    name: 'auto-naming-and-name-manager',
    run() {
      fresh(() => {
        const data = sym.Variable('data');
        check(sym.FullyConnected(data, { numHidden: 2 }).name === 'fullyconnected0', 'first FC');
        check(sym.FullyConnected(data, { numHidden: 2 }).name === 'fullyconnected1', 'second FC');
        check(
          sym.Activation(data, { actType: 'relu' }).name === 'activation0',
          'own counter per hint',
        );
        check(
          sym.FullyConnected(data, { numHidden: 2, name: 'fc' }).name === 'fc',
          'a given name uses no counter',
        );
        check(sym.FullyConnected(data, { numHidden: 2 }).name === 'fullyconnected2', 'third FC');
        const inner = new mx.name.NameManager().run(
          () => sym.FullyConnected(data, { numHidden: 2 }).name,
        );
        check(inner === 'fullyconnected0', 'a nested manager starts over');
        check(
          sym.FullyConnected(data, { numHidden: 2 }).name === 'fullyconnected3',
          'the outer counter is restored',
        );
        {
          using _m = new mx.name.NameManager().enter();
          check(sym.BatchNorm(data).name === 'batchnorm0', 'using NameManager().enter()');
        }
        check(sym.BatchNorm(data).name === 'batchnorm0', 'outer batchnorm counter untouched');
        const p = new mx.name.Prefix('net_').run(() => [
          sym.FullyConnected(data, { numHidden: 2 }),
          sym.FullyConnected(data, { numHidden: 2, name: 'out' }),
        ]);
        check(
          list(p.map((s) => s.name)) === 'net_fullyconnected0,net_out',
          `Prefix: ${p.map((s) => s.name)}`,
        );
        check(
          list(p[0].listArguments()) === 'data,net_fullyconnected0_weight,net_fullyconnected0_bias',
          'implicit variables take the prefixed name',
        );
      });
    },
  },
  {
    name: 'list-arguments-outputs-aux',
    run() {
      fresh(() => {
        const data = sym.Variable('data');
        const fc = sym.FullyConnected(data, { numHidden: 1 });
        check(
          list(fc.listArguments()) === 'data,fullyconnected0_weight,fullyconnected0_bias',
          `fc args ${fc.listArguments()}`,
        );
        check(
          list(fc.listOutputs()) === 'fullyconnected0_output',
          `fc outputs ${fc.listOutputs()}`,
        );
        const nb = sym.FullyConnected(data, { numHidden: 1, noBias: true, name: 'nb' });
        check(list(nb.listArguments()) === 'data,nb_weight', 'no_bias drops the bias');
        const net = sym.SoftmaxOutput(
          sym.Activation(sym.FullyConnected(data, { numHidden: 4, name: 'fc1' }), {
            actType: 'relu',
          }),
          { name: 'softmax' },
        );
        check(
          list(net.listArguments()) === 'data,fc1_weight,fc1_bias,softmax_label',
          `net args ${net.listArguments()}`,
        );
        check(list(net.listOutputs()) === 'softmax_output', 'softmax output name');
        const bn = sym.BatchNorm(data, { name: 'bn' });
        check(list(bn.listArguments()) === 'data,bn_gamma,bn_beta', 'bn args');
        check(list(bn.listAuxiliaryStates()) === 'bn_moving_mean,bn_moving_var', 'bn aux');
        check(list(bn.listOutputs()) === 'bn_output', 'bn shows one output');
        check(
          list(bn.listInputs()) === 'data,bn_gamma,bn_beta,bn_moving_mean,bn_moving_var',
          'list_inputs has all variables',
        );
        const bn3 = sym.BatchNorm(data, { name: 'bn3', outputMeanVar: true });
        check(list(bn3.listOutputs()) === 'bn3_output,bn3_mean,bn3_var', 'output_mean_var');
        check(data.listOutputs()[0] === 'data', 'a variable lists its name');
        check(String(fc) === '<Symbol fullyconnected0>', `repr ${String(fc)}`);
        const attrs = bn.attrDict();
        check(attrs['bn_moving_mean']['__init__'] === '["zero", {}]', 'moving_mean __init__');
        check(attrs['bn_moving_var']['__init__'] === '["one", {}]', 'moving_var __init__');
        check(attrs['bn_gamma'] === undefined, 'gamma has no attrs');
        check(fc.attr('num_hidden') === '1', 'op attr num_hidden is "1"');
        const mine = sym.Variable('mm', { init: new init.Constant(3) });
        sym.BatchNorm(data, { movingMean: mine });
        check(mine.attr('__init__') === '["constant", {"value": 3}]', 'a user __init__ is kept');
        const plain = sym.Variable('mv');
        sym.BatchNorm(data, { movingVar: plain });
        check(plain.attr('__init__') === '["one", {}]', "the hook marks a user's variable too");
      });
    },
  },
  {
    name: 'infer-shape',
    async run() {
      await withLogs(async (logs) => {
        const data = sym.Variable('data');
        const fc = fresh(() => sym.FullyConnected(data, { numHidden: 1 }));
        const r = fc.inferShape({ data: [1, 3] });
        check(
          JSON.stringify(r) === JSON.stringify([[[1, 3], [1, 3], [1]], [[1, 1]], []]),
          `FC (1,3): ${JSON.stringify(r)}`,
        );
        const nf = sym.FullyConnected(data, { numHidden: 4, flatten: false, name: 'nf' });
        check(
          JSON.stringify(nf.inferShape({ data: [2, 5, 3] })) ===
            JSON.stringify([[[2, 5, 3], [4, 3], [4]], [[2, 5, 4]], []]),
          'flatten=false',
        );
        const bn = sym.BatchNorm(data, { name: 'bn' });
        check(
          JSON.stringify(bn.inferShape({ data: [10, 10, 3, 3] })) ===
            JSON.stringify([[[10, 10, 3, 3], [10], [10]], [[10, 10, 3, 3]], [[10], [10]]]),
          'BatchNorm',
        );
        const net = sym.SoftmaxOutput(
          sym.LeakyReLU(sym.FullyConnected(data, { numHidden: 4, name: 'f' }), {
            actType: 'prelu',
            name: 'p',
          }),
          { name: 'softmax' },
        );
        check(
          JSON.stringify(net.inferShape({ data: [8, 2, 3] })) ===
            JSON.stringify([[[8, 2, 3], [4, 6], [4], [4], [8]], [[8, 4]], []]),
          `a chain: ${JSON.stringify(net.inferShape({ data: [8, 2, 3] }))}`,
        );
        const w = sym.Variable('w', { shape: [2, 3] });
        const sum = w.add(sym.Variable('x'));
        check(
          JSON.stringify(sum.inferShape({})) ===
            JSON.stringify([
              [
                [2, 3],
                [2, 3],
              ],
              [[2, 3]],
              [],
            ]),
          '__shape__ and elementwise inference',
        );
        check(logs.length === 0, 'no warnings so far');
        const none = fc.inferShape({});
        check(
          none[0] === null && none[1] === null && none[2] === null,
          'unknown: (None, None, None)',
        );
        check(
          logs.some(
            (l) =>
              l.category === 'UserWarning' &&
              l.message.includes('Cannot decide shape for the following arguments') &&
              l.message.includes('data: ()'),
          ),
          'unknown shapes warn',
        );
        check(
          JSON.stringify(fc.inferShapePartial({})) === JSON.stringify([[[], [], []], [[]], []]),
          'partial: FullyConnected needs the data shape first, as in MXNet',
        );
        await expectThrows(
          'an inconsistent weight',
          () =>
            sym
              .FullyConnected(data, { numHidden: 2, weight: w, name: 'bad' })
              .inferShape({ data: [1, 5] }),
          mx.ShapeError,
          'Shape inconsistent',
        );
        await expectThrows(
          'an unknown name',
          () => fc.inferShape({ nope: [1] }),
          mx.InvalidArgumentError,
          "Cannot find argument 'nope'",
        );
      });
    },
  },
  {
    name: 'tojson',
    run() {
      const fc = fresh(() => sym.FullyConnected(sym.Variable('data'), { numHidden: 1 }));
      expectText(
        'FullyConnected JSON',
        fc.toJSON(),
        [
          '{',
          '  "nodes": [',
          '    {',
          '      "op": "null", ',
          '      "name": "data", ',
          '      "inputs": []',
          '    }, ',
          '    {',
          '      "op": "null", ',
          '      "name": "fullyconnected0_weight", ',
          '      "inputs": []',
          '    }, ',
          '    {',
          '      "op": "null", ',
          '      "name": "fullyconnected0_bias", ',
          '      "inputs": []',
          '    }, ',
          '    {',
          '      "op": "FullyConnected", ',
          '      "name": "fullyconnected0", ',
          '      "attrs": {"num_hidden": "1"}, ',
          '      "inputs": [[0, 0, 0], [1, 0, 0], [2, 0, 0]]',
          '    }',
          '  ], ',
          '  "arg_nodes": [0, 1, 2], ',
          // dmlc's JSONWriter keeps a list of up to 10 numbers on one line.
          '  "node_row_ptr": [0, 1, 2, 3, 4], ',
          '  "heads": [[3, 0, 0]], ',
          '  "attrs": {"mxnet_version": ["int", 10901]}',
          '}',
        ].join('\n'),
      );
      const bn = fresh(() =>
        sym.BatchNorm(sym.Variable('data', { shape: [2, 3] }), { name: 'bn', eps: 0.001 }),
      );
      const j = JSON.parse(bn.toJSON());
      check(
        JSON.stringify(j.node_row_ptr) === '[0,1,2,3,4,5,8]',
        `BatchNorm has 3 outputs: ${JSON.stringify(j.node_row_ptr)}`,
      );
      check(JSON.stringify(j.arg_nodes) === '[0,1,2,3,4]', 'aux states are arg_nodes too');
      check(j.nodes[0].attrs.__shape__ === '(2, 3)', 'variable attrs');
      check(j.nodes[3].attrs.__init__ === '["zero", {}]', 'moving_mean __init__ in JSON');
      check(j.nodes[5].op === 'BatchNorm' && j.nodes[5].attrs.eps === '0.001', 'op attrs');
    },
  },
  {
    name: 'arithmetic',
    async run() {
      const [s1, s2, s3, s4, s5, s6] = fresh(() => {
        const a = sym.Variable('a');
        const b = sym.Variable('b');
        return [a.add(b), a.add(1), a.mul(2.5), sym.sub(1, a), a.neg(), sym.div(1, a).div(b)];
      });
      const node = (s: mx.sym.Symbol) => JSON.parse(s.toJSON()).nodes.at(-1);
      check(
        s1.name === '_plus0' && node(s1).op === 'elemwise_add',
        `a+b: ${s1.name} ${node(s1).op}`,
      );
      check(
        s2.name === '_plusscalar0' &&
          node(s2).op === '_plus_scalar' &&
          node(s2).attrs.scalar === '1',
        'a+1',
      );
      check(node(s3).op === '_mul_scalar' && node(s3).attrs.scalar === '2.5', 'a*2.5');
      check(s4.name === '_rminusscalar0' && node(s4).op === '_rminus_scalar', '1-a');
      check(
        node(s5).op === '_mul_scalar' && node(s5).attrs.scalar === '-1.0',
        '-a is _MulScalar -1.0',
      );
      check(s6.name === '_div0' && node(s6).op === 'elemwise_div', '(1/a)/b');
      check(list(s1.listArguments()) === 'a,b', 'arguments of a+b');
      const a = nd.array([1, 2, 4]);
      const b = nd.array([2, 2, 2]);
      await disposingAfter([a, b], async () => {
        const expr = s1.mul(2).sub(1); // (a+b)*2-1
        const [y] = sym.evaluate(expr, { a, b });
        const [z] = sym.evaluate(s6, { a, b });
        const [n] = s5.eval(new Map([['a', a]]));
        await disposingAfter([y, z, n], async () => {
          await expectExact('(a+b)*2-1', y, [5, 7, 11]);
          await expectClose('(1/a)/b', z, [0.5, 0.25, 0.125]);
          await expectExact('-a', n, [-1, -2, -4]);
        });
        await expectThrows(
          'a missing argument',
          () => sym.evaluate(s1, { a }),
          mx.InvalidArgumentError,
          "no array for argument 'b'",
        );
      });
    },
  },
  {
    name: 'variable-attrs',
    async run() {
      const v = sym.Variable('w', {
        shape: [3],
        lrMult: 2,
        wdMult: 0.5,
        dtype: 'float32',
        init: new init.Normal(0.8),
        __foo__: 'bar',
      });
      const a = v.listAttr();
      check(a['__shape__'] === '(3,)', `__shape__ ${a['__shape__']}`);
      check(a['__lr_mult__'] === '2' && a['__wd_mult__'] === '0.5', 'multipliers');
      check(a['__dtype__'] === '0', 'float32 is type flag 0');
      check(a['__init__'] === '["normal", {"sigma": 0.8}]', 'init is dumps()');
      check(a['__foo__'] === 'bar', 'dunder attributes');
      check(sym.Variable('s', { init: 'zeros' }).attr('__init__') === 'zeros', 'a string init');
      await expectThrows(
        'a non-dunder attribute',
        () => sym.Variable('x', { foo: 1 } as never),
        mx.InvalidArgumentError,
        'Attribute name=foo is not supported',
      );
      await expectThrows(
        'Mixed as a variable init',
        () => sym.Variable('x', { init: new init.Mixed([], []) as never }),
        mx.InvalidArgumentError,
        'init must be',
      );
      await expectThrows(
        'FullyConnected without numHidden',
        () => sym.FullyConnected(v, {} as never),
        mx.InvalidArgumentError,
        'Required parameter num_hidden of int is not presented',
      );
      await expectThrows(
        'an input the op does not take',
        () => sym.FullyConnected(v, { numHidden: 1, noBias: true, bias: v }),
        mx.InvalidArgumentError,
        'Keyword argument name bias not found',
      );
    },
  },
  {
    name: 'module-forward',
    async run() {
      const net = fresh(() =>
        sym.SoftmaxOutput(
          sym.Activation(sym.FullyConnected(sym.Variable('data'), { numHidden: 2, name: 'fc' }), {
            actType: 'relu',
          }),
          { name: 'softmax' },
        ),
      );
      const mod = new mx.mod.Module(net);
      const w = nd.array([
        [1, -1],
        [0.5, 2],
      ]);
      const b = nd.array([0, -1]);
      const x = nd.array([
        [1, 2],
        [3, -1],
      ]);
      await disposingAfter([w, b, x], async () => {
        try {
          mod.bind({ dataShapes: [['data', [2, 2]]], forTraining: false });
          check(list(mod.outputNames) === 'softmax_output', 'output names');
          check(list(mod.paramNames) === 'fc_weight,fc_bias', 'param names');
          mod.setParams({ fc_weight: w, fc_bias: b }, {});
          mod.forward({ data: [x] });
          const [y] = mod.getOutputs();
          // relu(x·wᵀ + b): [[0, 3.5], [4, 0]] -> softmax per row.
          const e = (p: number, q: number) => [
            1 / (1 + Math.exp(q - p)),
            1 / (1 + Math.exp(p - q)),
          ];
          await expectClose('softmax(relu(fc))', y, [e(0, 3.5), e(4, 0)]);
          check(
            JSON.stringify(mod.outputShapes) === '[["softmax_output",[2,2]]]',
            `output shapes ${JSON.stringify(mod.outputShapes)}`,
          );
          const x0 = x.mul(0);
          mod.forward({ data: [x0] });
          x0.dispose();
          check(mod.getOutputs()[0] === y, 'get_outputs returns the same arrays, overwritten');
          await expectClose('second forward', y, [e(0, 0), e(0, 0)]);
          const [args] = mod.getParams();
          await expectExact('params were copied', args['fc_weight'], [
            [1, -1],
            [0.5, 2],
          ]);
          check(args['fc_weight'] !== w, 'set_params copies');
        } finally {
          mod.dispose();
        }
      });
    },
  },
  {
    name: 'get-symbol-records-mxnet-operators',
    async run() {
      const x = nd.ones([2, 4]);
      const w = nd.ones([3, 4]);
      const b = nd.zeros([3]);
      const c = nd.ones([2, 4, 4]);
      x.attachGrad();
      c.attachGrad();
      await disposingAfter([x, w, b, c], async () => {
        const node = (s: mx.Symbol, i: number) => JSON.parse(s.tojson()).nodes[i];
        const ys = mx.autograd.record(() => {
          const drop = nd.Dropout(x, { p: 0.5 });
          const fc = nd.FullyConnected(x, w, b, { numHidden: 3 });
          const act = nd.Activation(fc, { actType: 'relu' });
          const s1 = nd.sum(x, { axis: 1 });
          const sm = nd.softmax(x);
          const parts = nd.split(x, { numOutputs: 2 });
          const bd = nd.batchDot(c, c, { transposeB: true });
          return { drop, fc, act, s1, sm, parts, bd };
        });
        const { drop, fc, act, s1, sm, parts, bd } = ys;
        await disposingAfter([drop, fc, act, s1, sm, ...parts, bd], async () => {
          // MXNet: one Dropout node (2 outputs: output and mask) with the keyword given.
          const ds = mx.autograd.getSymbol(drop);
          const v = node(ds, 0).name as string;
          const n = node(ds, 1).name as string;
          expectText(
            'get_symbol(Dropout(x, p=0.5)).tojson()',
            ds.tojson(),
            [
              '{',
              '  "nodes": [',
              '    {',
              '      "op": "null", ',
              `      "name": "${v}", `,
              '      "inputs": []',
              '    }, ',
              '    {',
              '      "op": "Dropout", ',
              `      "name": "${n}", `,
              '      "attrs": {"p": "0.5"}, ',
              '      "inputs": [[0, 0, 0]]',
              '    }',
              '  ], ',
              '  "arg_nodes": [0], ',
              '  "node_row_ptr": [0, 1, 3], ',
              '  "heads": [[1, 0, 0]], ',
              '  "attrs": {"mxnet_version": ["int", 10901]}',
              '}',
            ].join('\n'),
          );
          check(/^var\d+$/.test(v) && /^node_\d+$/.test(n), `names ${v}, ${n}`);
          const as = mx.autograd.getSymbol(act);
          const ops = JSON.parse(as.tojson()).nodes.map((m: { op: string }) => m.op);
          check(
            list(ops) === 'null,null,null,FullyConnected,Activation',
            `FullyConnected + Activation: ${ops}`,
          );
          check(
            JSON.stringify(node(as, 3).attrs) === '{"num_hidden":"3"}',
            `FullyConnected attrs ${JSON.stringify(node(as, 3).attrs)}`,
          );
          check(list(as.listArguments()).split(',').length === 3, 'x, and constants w, b');
          check(
            JSON.stringify(node(mx.autograd.getSymbol(s1), 1)) ===
              JSON.stringify({
                op: 'sum',
                name: node(mx.autograd.getSymbol(s1), 1).name,
                attrs: { axis: '1' },
                inputs: [[0, 0, 0]],
              }),
            `sum(axis=1): ${JSON.stringify(node(mx.autograd.getSymbol(s1), 1))}`,
          );
          check(node(mx.autograd.getSymbol(sm), 1).op === 'softmax', 'softmax is one node');
          check(node(mx.autograd.getSymbol(sm), 1).attrs === undefined, 'no keyword, no attrs');
          const p1 = JSON.parse(mx.autograd.getSymbol(parts[1]).tojson());
          check(
            p1.nodes[1].op === 'SliceChannel' &&
              p1.nodes[1].attrs.num_outputs === '2' &&
              JSON.stringify(p1.heads) === '[[1,1,0]]' &&
              JSON.stringify(p1.node_row_ptr) === '[0,1,3]',
            `split: ${JSON.stringify(p1)}`,
          );
          const bj = node(mx.autograd.getSymbol(bd), 1);
          check(
            bj.op === 'batch_dot' && JSON.stringify(bj.attrs) === '{"transpose_b":"True"}',
            `batch_dot: ${JSON.stringify(bj)}`,
          );
          // The method form records the same node as nd.sum.
          const sm2 = mx.autograd.record(() => x.sum({ axis: 1 }));
          const mj = node(mx.autograd.getSymbol(sm2), 1);
          sm2.dispose();
          check(
            mj.op === 'sum' && JSON.stringify(mj.attrs) === '{"axis":"1"}',
            `x.sum({ axis: 1 }): ${JSON.stringify(mj)}`,
          );
          // The gradient still flows through the primitives.
          mx.autograd.backward([s1]);
          await expectClose('d sum / dx', x.grad!, [
            [1, 1, 1, 1],
            [1, 1, 1, 1],
          ]);
        });
      });
    },
  },
  {
    name: 'get-symbol-seed-example',
    async run() {
      // The seed's autograd example: z = elemwise_add(exp(x), x). In a fresh MXNet process
      // get_symbol(z).tojson() is exactly this text with var0, node_0 and node_1.
      const x = nd.ones([2]);
      x.attachGrad();
      const z = mx.autograd.record(() => nd.elemwiseAdd(nd.exp(x), x));
      await disposingAfter([x, z], async () => {
        const text = mx.autograd.getSymbol(z).tojson();
        const j = JSON.parse(text);
        const [v, e, a] = j.nodes.map((m: { name: string }) => m.name);
        const n = Number(/^node_(\d+)$/.exec(e)?.[1]);
        check(/^var\d+$/.test(v) && a === `node_${n + 1}`, `consecutive names ${v}, ${e}, ${a}`);
        expectText(
          'get_symbol(elemwise_add(exp(x), x))',
          text,
          [
            '{',
            '  "nodes": [',
            '    {',
            '      "op": "null", ',
            `      "name": "${v}", `,
            '      "inputs": []',
            '    }, ',
            '    {',
            '      "op": "exp", ',
            `      "name": "${e}", `,
            '      "inputs": [[0, 0, 0]]',
            '    }, ',
            '    {',
            '      "op": "elemwise_add", ',
            `      "name": "${a}", `,
            '      "inputs": [[1, 0, 0], [0, 0, 0]]',
            '    }',
            '  ], ',
            '  "arg_nodes": [0], ',
            '  "node_row_ptr": [0, 1, 2, 3], ',
            '  "heads": [[2, 0, 0]], ',
            '  "attrs": {"mxnet_version": ["int", 10901]}',
            '}',
          ].join('\n'),
        );
      });
    },
  },
  {
    name: 'mxnet-symbol-files',
    async run() {
      // Parameters from a formula, so the float64 reference below is written independently.
      const param = (shape: readonly number[], k: number): number[][] | number[] => {
        const v = (i: number, j: number) => Math.sin(0.7 * i + 1.3 * j + k) * 0.3;
        return shape.length === 1
          ? Array.from({ length: shape[0] }, (_, i) => v(i, 0))
          : Array.from({ length: shape[0] }, (_, i) =>
              Array.from({ length: shape[1] }, (_, j) => v(i, j)),
            );
      };
      const xs = [
        [0.5, -1, 2, 0.25, -0.75, 1.5],
        [-2, 0.1, 0.3, 1, 0.6, -0.4],
      ];
      const fc = (x: number[][], w: number[][], b: number[]) =>
        x.map((row) => w.map((wr, o) => wr.reduce((a, wv, j) => a + wv * row[j], b[o])));
      const relu = (x: number[][]) => x.map((r) => r.map((v) => Math.max(v, 0)));
      const softmax = (x: number[][]) =>
        x.map((r) => {
          const m = Math.max(...r);
          const e = r.map((v) => Math.exp(v - m));
          const z = e.reduce((a, v) => a + v, 0);
          return e.map((v) => v / z);
        });

      const run = async (
        what: string,
        net: mx.Symbol,
        aux: Record<string, number[]>,
        reference: (p: Record<string, number[][] | number[]>) => number[][],
      ) => {
        const mod = new mx.mod.Module(net);
        try {
          mod.bind({ dataShapes: [['data', [2, 6]]], forTraining: false });
          const [argShapes, , auxShapes] = net.inferShape({ data: [2, 6] }) as number[][][];
          const names = net.listArguments();
          const values: Record<string, number[][] | number[]> = {};
          names.forEach((n, i) => {
            if (n !== 'data' && n !== 'softmax_label') values[n] = param(argShapes[i], i);
          });
          const auxNames = net.listAuxiliaryStates();
          check(
            auxNames.every(
              (n, i) => auxShapes[i].length === 1 && aux[n]?.length === auxShapes[i][0],
            ),
            `${what}: aux shapes ${JSON.stringify(auxShapes)}`,
          );
          const argArrays = Object.fromEntries(
            Object.entries(values).map(([n, v]) => [n, nd.array(v)]),
          );
          const auxArrays = Object.fromEntries(
            Object.entries(aux).map(([n, v]) => [n, nd.array(v)]),
          );
          const x = nd.array(xs);
          await disposingAfter(
            [x, ...Object.values(argArrays), ...Object.values(auxArrays)],
            async () => {
              mod.setParams(argArrays, auxArrays);
              mod.forward({ data: [x] });
              await expectClose(`${what}: forward`, mod.getOutputs()[0], reference(values));
            },
          );
        } finally {
          mod.dispose();
        }
      };

      const mlp = sym.loadJson(MLP_1_4.text);
      const mlpRef = (p: Record<string, any>) => {
        const h1 = relu(fc(xs, p.fc1_weight, p.fc1_bias));
        const h2 = relu(fc(h1, p.fc2_weight, p.fc2_bias));
        return softmax(fc(h2, p.fc3_weight, p.fc3_bias));
      };
      await run('MXNet 1.4 MLP', mlp, {}, mlpRef);

      const legacy = sym.loadJson(SAVE_000800.text);
      const mean = Array.from({ length: 10 }, (_, i) => 0.1 * i - 0.4);
      const variance = Array.from({ length: 10 }, (_, i) => 0.5 + 0.1 * i);
      await run(
        'MXNet 0.8 MLP with BatchNorm',
        legacy,
        { batchnorm0_moving_mean: mean, batchnorm0_moving_var: variance },
        (p) => {
          const h1 = relu(fc(xs, p.fc1_weight as number[][], p.fc1_bias as number[]));
          const h2 = relu(fc(h1, p.fc2_weight as number[][], p.fc2_bias as number[]));
          const f3 = fc(h2, p.fc3_weight as number[][], p.fc3_bias as number[]);
          // fix_gamma=True: gamma is 1; inference uses the moving statistics, eps 0.001.
          const beta = p.batchnorm0_beta as number[];
          return softmax(
            f3.map((r) =>
              r.map((v, c) => (v - mean[c]) / Math.sqrt(variance[c] + 0.001) + beta[c]),
            ),
          );
        },
      );

      const unknown = sym.loadJson(
        JSON.stringify({
          nodes: [
            { op: 'null', name: 'data', inputs: [] },
            { op: 'ROIPooling', name: 'roi0', attrs: {}, inputs: [[0, 0, 0]] },
          ],
          arg_nodes: [0],
          node_row_ptr: [0, 1, 2],
          heads: [[1, 0, 0]],
        }),
      );
      check(list(unknown.listArguments()) === 'data', 'an unknown operator still lists');
      const mod = new mx.mod.Module(unknown, { labelNames: [] });
      await expectThrows(
        'binding a graph with an operator MXTS lacks',
        () => mod.bind({ dataShapes: [['data', [1, 3]]] }),
        mx.UnsupportedOperatorError,
        'operator ROIPooling (node roi0)',
      );
      mod.dispose();
    },
  },
  {
    name: 'module-init-order-and-rng',
    async run() {
      // init_params walks sorted names: a_bias, a_weight, b_bias, b_weight.
      const net = fresh(() =>
        sym.FullyConnected(sym.FullyConnected(sym.Variable('data'), { numHidden: 1, name: 'b' }), {
          numHidden: 1,
          name: 'a',
        }),
      );
      const mod = new mx.mod.Module(net, { labelNames: [] });
      try {
        mod.bind({ dataShapes: { data: [1, 2] } });
        mx.random.seed(0);
        mod.initParams();
        const [args] = mod.getParams();
        check(list(Object.keys(args)) === 'b_weight,b_bias,a_weight,a_bias', 'dict order');
        await expectBits('a_weight draws first', args['a_weight'], ['3a7fec60']);
        await expectBits('b_weight next', args['b_weight'], ['3af362f8', '3b8d06c8']);
        await expectExact('biases 0', args['a_bias'], [0]);
      } finally {
        mod.dispose();
      }
    },
  },
  {
    name: 'module-states-and-errors',
    async run() {
      await withLogs(async (logs) => {
        const net = fresh(() => sym.FullyConnected(sym.Variable('data'), { numHidden: 2 }));
        const mod = new mx.mod.Module(net, { labelNames: null });
        const w = nd.ones([2, 3]);
        const w3 = w.mul(3);
        const wrong = nd.ones([3, 2]);
        try {
          await expectThrows('getParams before bind', () => mod.getParams(), mx.ModuleStateError);
          await expectThrows(
            'initParams before bind',
            () => mod.initParams(),
            mx.ModuleStateError,
            'call bind before initializing the parameters',
          );
          await expectThrows(
            'wrong data names',
            () => mod.bind({ dataShapes: [['x', [1, 3]]] }),
            mx.InvalidArgumentError,
            "Data provided by data_shapes don't match names specified by data_names",
          );
          mod.bind({ dataShapes: [['data', [1, 3]]] });
          await expectThrows(
            'getParams before initParams',
            () => mod.getParams(),
            mx.ModuleStateError,
          );
          await expectThrows(
            'forward before initParams',
            () => mod.forward({ data: [w] }),
            mx.ModuleStateError,
          );
          mod.bind({ dataShapes: [['data', [1, 3]]] });
          check(
            logs.some(
              (l) => l.level === 'WARNING' && l.message === 'Already bound, ignoring bind()',
            ),
            'binding twice warns',
          );
          await expectThrows(
            'a missing param',
            () => mod.setParams({ fullyconnected0_weight: w }, {}),
            mx.MissingParamError,
            'fullyconnected0_bias is not presented',
          );
          mod.initParams(init.create('one'), {
            argParams: { fullyconnected0_weight: w3 },
            allowMissing: true,
            forceInit: true,
          });
          const [args] = mod.getParams();
          await expectExact('copied weight', args['fullyconnected0_weight'], [
            [3, 3, 3],
            [3, 3, 3],
          ]);
          await expectExact(
            'missing bias initialized by name',
            args['fullyconnected0_bias'],
            [0, 0],
          );
          mod.initParams(new init.One());
          check(
            logs.some(
              (l) =>
                l.category === 'UserWarning' &&
                l.message ===
                  'Parameters already initialized and force_init=False. init_params call ignored.',
            ),
            'a second initParams is ignored with a warning',
          );
          mod.setParams({ fullyconnected0_weight: w }, {}, { allowMissing: true });
          await expectExact(
            'set_params(allow_missing) syncs on get_params',
            mod.getParams()[0]['fullyconnected0_weight'],
            [
              [1, 1, 1],
              [1, 1, 1],
            ],
          );
          await expectThrows(
            'an extra name',
            () => mod.setParams({ nope: w }, {}, { allowMissing: true }),
            mx.InvalidArgumentError,
            'Find name "nope" that is not in the arguments',
          );
          await expectThrows(
            'a wrong shape',
            () => mod.setParams({ fullyconnected0_weight: wrong }, {}, { allowMissing: true }),
            mx.ShapeError,
          );
          await expectThrows(
            'a data name not in the symbol',
            () => new mx.mod.Module(net, { dataNames: ['x'] }),
            mx.InvalidArgumentError,
            "input with name 'x' is not found in symbol.list_arguments()",
          );
        } finally {
          mod.dispose();
          for (const a of [w, w3, wrong]) a.dispose();
        }
      });
    },
  },
  {
    name: 'module-batchnorm-and-prelu',
    async run() {
      const net = fresh(() =>
        sym.LeakyReLU(sym.BatchNorm(sym.Variable('data'), { name: 'bn', fixGamma: false }), {
          actType: 'prelu',
          name: 'act',
        }),
      );
      const mod = new mx.mod.Module(net, { labelNames: null });
      const x = nd.array([
        [1, -2],
        [3, 2],
      ]);
      await disposingAfter([x], async () => {
        try {
          mod.bind({ dataShapes: [['data', [2, 2]]] });
          mod.initParams();
          const [args, aux] = mod.getParams();
          await expectExact('act_gamma 0.25', args['act_gamma'], [0.25, 0.25]);
          mod.forward({ data: [x] }, { isTrain: false });
          const s = 1 / Math.sqrt(1 + 0.001);
          await expectClose('inference uses moving stats (0, 1)', mod.getOutputs()[0], [
            [s, -2 * s * 0.25],
            [3 * s, 2 * s],
          ]);
          mod.forward({ data: [x] }, { isTrain: true });
          // Batch stats per channel: mean [2, 0], var [1, 4].
          const n0 = 1 / Math.sqrt(1 + 0.001);
          const n1 = 2 / Math.sqrt(4 + 0.001);
          await expectClose('training uses batch stats', mod.getOutputs()[0], [
            [-n0 * 0.25, -n1 * 0.25],
            [n0, n1],
          ]);
          await expectExact(
            'get_params does not sync aux after forward (MXNet syncs after update)',
            aux['bn_moving_mean'],
            [0, 0],
          );
          mod.setParams(args, {}, { allowMissing: true });
          const [, aux2] = mod.getParams();
          await expectClose(
            'after a sync: moving_mean = 0.9*0 + 0.1*mean',
            aux2['bn_moving_mean'],
            [0.2, 0],
          );
          await expectClose('moving_var = 0.9*1 + 0.1*var', aux2['bn_moving_var'], [1, 1.3]);
        } finally {
          mod.dispose();
        }
      });
    },
  },
  ...getSymbolNameCases,
  ...moduleTrainCases,
]);
