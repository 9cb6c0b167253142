// Node names of `autograd.getSymbol` as MXNet 1.9.1 gives them: `Imperative::RecordOp`
// (src/imperative/imperative.cc) takes `node_<n>` once per recorded operator, then
// `null<c>` for each input not yet in a graph, in input order; `MarkVariables` takes
// `var<c>` from the same counter as `null<c>`. The counters are process-wide, so each case
// first reads them with a probe graph and writes MXNet's expected text from those numbers.
import * as mx from '@mxts/core';
import { check, expectText } from '../assertions.js';
import type { CaseSpec } from '../conformance-case.js';
import { disposingAfter } from '../suite-support.js';

const { nd } = mx;

/** The numbers the next `var<c>`/`null<c>` and `node_<n>` take: var k, null k+1, node_m. */
export function counters(): { c: number; n: number } {
  const v = nd.ones([1]);
  const k = nd.ones([1]);
  v.attachGrad();
  const p = mx.autograd.record(() => v.mul(k));
  const names = JSON.parse(mx.autograd.getSymbol(p).tojson()).nodes.map(
    (m: { name: string }) => m.name,
  );
  for (const a of [p, v, k]) a.dispose();
  const [vn, cn, on] = names as string[];
  const c = Number(/^var(\d+)$/.exec(vn)?.[1]);
  const n = Number(/^node_(\d+)$/.exec(on)?.[1]);
  check(cn === `null${c + 1}` && Number.isInteger(n), `probe names ${names}`);
  return { c: c + 2, n: n + 1 };
}

/** A node of MXNet's tojson() text (dmlc's writer: multi-line attrs when more than one). */
function nodeText(
  op: string,
  name: string,
  inputs: readonly (readonly [number, number])[],
  attrs: Readonly<Record<string, string>> = {},
): string {
  const keys = Object.keys(attrs).sort();
  const lines = ['    {', `      "op": "${op}", `, `      "name": "${name}", `];
  if (keys.length === 1) lines.push(`      "attrs": {"${keys[0]}": "${attrs[keys[0]]}"}, `);
  if (keys.length > 1) {
    lines.push('      "attrs": {');
    keys.forEach((k, i) => {
      lines.push(`        "${k}": "${attrs[k]}"${i < keys.length - 1 ? ', ' : ''}`);
    });
    lines.push('      }, ');
  }
  lines.push(`      "inputs": [${inputs.map(([n, i]) => `[${n}, ${i}, 0]`).join(', ')}]`);
  lines.push('    }');
  return lines.join('\n');
}

function graphText(nodes: readonly string[], args: readonly number[], rows: readonly number[]) {
  return [
    '{',
    '  "nodes": [',
    nodes.join(', \n'),
    '  ], ',
    `  "arg_nodes": [${args.join(', ')}], `,
    `  "node_row_ptr": [${rows.join(', ')}], `,
    `  "heads": [[${nodes.length - 1}, 0, 0]], `,
    '  "attrs": {"mxnet_version": ["int", 10901]}',
    '}',
  ].join('\n');
}

/** getSymbol's `var<c>`, `null<c>` and `node_<n>` as MXNet's counters give them. */
export const getSymbolNameCases: CaseSpec[] = [
  {
    name: 'get-symbol-names-seed-example',
    async run() {
      const { c, n } = counters();
      const x = nd.ones([2]);
      x.attachGrad();
      const z = mx.autograd.record(() => nd.elemwiseAdd(nd.exp(x), x));
      await disposingAfter([x, z], () => {
        expectText(
          'get_symbol(elemwise_add(exp(x), x))',
          mx.autograd.getSymbol(z).tojson(),
          graphText(
            [
              nodeText('null', `var${c}`, []),
              nodeText('exp', `node_${n}`, [[0, 0]]),
              nodeText('elemwise_add', `node_${n + 1}`, [
                [1, 0],
                [0, 0],
              ]),
            ],
            [0],
            [0, 1, 2, 3],
          ),
        );
      });
    },
  },
  {
    name: 'get-symbol-names-dropout-fully-connected',
    async run() {
      const { c, n } = counters();
      const x = nd.ones([2, 4]);
      const w = nd.ones([3, 4]);
      const b = nd.zeros([3]);
      x.attachGrad();
      const y = mx.autograd.record(() =>
        nd.FullyConnected(nd.Dropout(x, { p: 0.5 }), w, b, { numHidden: 3 }),
      );
      // The primitives inside Dropout and FullyConnected (mask, transpose, dot, add) take
      // no number: the next recorded op is node_<n+2>, the next constant null<c+3>.
      const k = nd.ones([1]);
      const z = mx.autograd.record(() => y.mul(2).mul(k));
      await disposingAfter([x, w, b, y, z, k], () => {
        expectText(
          'get_symbol(FullyConnected(Dropout(x, p=0.5), w, b, num_hidden=3))',
          mx.autograd.getSymbol(y).tojson(),
          graphText(
            [
              nodeText('null', `var${c}`, []),
              nodeText('Dropout', `node_${n}`, [[0, 0]], { p: '0.5' }),
              nodeText('null', `null${c + 1}`, []),
              nodeText('null', `null${c + 2}`, []),
              nodeText(
                'FullyConnected',
                `node_${n + 1}`,
                [
                  [1, 0],
                  [2, 0],
                  [3, 0],
                ],
                { num_hidden: '3' },
              ),
            ],
            [0, 2, 3],
            [0, 1, 3, 4, 5, 6],
          ),
        );
        const names = JSON.parse(mx.autograd.getSymbol(z).tojson())
          .nodes.slice(5)
          .map((m: { name: string }) => m.name);
        check(
          names.join(',') === `node_${n + 2},null${c + 3},node_${n + 3}`,
          `then _mul_scalar, null, broadcast_mul: ${names}`,
        );
      });
    },
  },
  {
    name: 'get-symbol-names-constant-given-twice',
    async run() {
      const x = nd.ones([2, 3]);
      x.attachGrad();
      const k = nd.ones([2, 3]);
      const { c, n } = counters();
      // MXNet: the first use attaches null<c>, the second finds the entry already there.
      const y = mx.autograd.record(() => nd.elemwiseAdd(nd.elemwiseMul(k, x), k));
      await disposingAfter([x, k, y], () => {
        const names = JSON.parse(mx.autograd.getSymbol(y).tojson()).nodes.map(
          (m: { name: string }) => m.name,
        );
        check(
          names[0] === `null${c}` &&
            /^var\d+$/.test(names[1]) &&
            names.slice(2).join(',') === `node_${n},node_${n + 1}`,
          `one null for k: ${names}`,
        );
      });
    },
  },
  {
    name: 'get-symbol-names-gluon-mlp',
    async run() {
      const { c, n } = counters();
      // Gluon's initialize() marks the parameters in collect_params order: var<c>..var<c+3>.
      const w1 = nd.ones([4, 3]);
      const b1 = nd.zeros([4]);
      const w2 = nd.ones([2, 4]);
      const b2 = nd.zeros([2]);
      for (const p of [w1, b1, w2, b2]) p.attachGrad();
      const x = nd.ones([5, 3]);
      // MXNet 1.9.1 gluon/nn/basic_layers.py, Dense.hybrid_forward: F.FullyConnected(x,
      // weight, bias, no_bias=bias is None, num_hidden=units, flatten=flatten), then
      // self.act(...), whose hybrid_forward is F.Activation(x, act_type=...). MXTS's
      // gluon.nn.Dense calls mx.nd the same way.
      const y = mx.autograd.record(() => {
        const fc1 = nd.FullyConnected(x, w1, b1, { numHidden: 4, noBias: false, flatten: true });
        const h = nd.Activation(fc1, { actType: 'relu' });
        return nd.FullyConnected(h, w2, b2, { numHidden: 2, noBias: false, flatten: true });
      });
      const fc = (k: number) => ({ flatten: 'True', no_bias: 'False', num_hidden: String(k) });
      await disposingAfter([w1, b1, w2, b2, x, y], () => {
        expectText(
          'get_symbol(Gluon MLP Dense(4, relu) -> Dense(2))',
          mx.autograd.getSymbol(y).tojson(),
          graphText(
            [
              nodeText('null', `null${c + 4}`, []),
              nodeText('null', `var${c}`, []),
              nodeText('null', `var${c + 1}`, []),
              nodeText(
                'FullyConnected',
                `node_${n}`,
                [
                  [0, 0],
                  [1, 0],
                  [2, 0],
                ],
                fc(4),
              ),
              nodeText('Activation', `node_${n + 1}`, [[3, 0]], { act_type: 'relu' }),
              nodeText('null', `var${c + 2}`, []),
              nodeText('null', `var${c + 3}`, []),
              nodeText(
                'FullyConnected',
                `node_${n + 2}`,
                [
                  [4, 0],
                  [5, 0],
                  [6, 0],
                ],
                fc(2),
              ),
            ],
            [0, 1, 2, 5, 6],
            [0, 1, 2, 3, 4, 5, 6, 7, 8],
          ),
        );
      });
    },
  },
  {
    name: 'get-symbol-names-nothing-recorded-takes-no-number',
    async run() {
      const a = nd.ones([2, 4]);
      const { c, n } = counters();
      // No input is in a graph: MXNet's RecordOp returns before naming anything.
      const y = mx.autograd.record(() => nd.Dropout(a.mul(2), { p: 0.5 }));
      const after = counters();
      await disposingAfter([a, y], () => {
        check(after.c === c + 2 && after.n === n + 1, `counters moved: ${JSON.stringify(after)}`);
      });
    },
  },
  {
    name: 'get-symbol-composite-ops-one-node-each',
    async run() {
      // Ops MXTS computes with several primitives record MXNet's one operator, keyword
      // arguments as MXNet's str() (stack's wrapper adds num_args), and MXNet's output count
      // (sort, and topk unless it returns indices or a mask, have 2).
      const x = nd.array([
        [0.5, -1, 2],
        [1.5, 0.25, -0.5],
      ]);
      const w = nd.array([[1], [2], [3]]);
      const idx = nd.array([0, 2]);
      const gamma = nd.array([0.25]);
      x.attachGrad();
      w.attachGrad();
      const { n } = counters();
      const ys = mx.autograd.record(() => [
        nd.dot(x, w),
        nd.norm(x, { axis: 1 }),
        nd.pick(x, idx, { axis: 1 }),
        nd.stack([x, x], { axis: 1 }),
        nd.repeat(x, { repeats: 2 }),
        nd.sort(x),
        nd.topk(x, { k: 2, retTyp: 'value' }),
        nd.topk(x, { k: 1 }),
        nd.LeakyReLU(x, { actType: 'leaky', slope: 0.1 }),
        nd.LeakyReLU(x, gamma, { actType: 'prelu' }),
      ]);
      await disposingAfter([x, w, idx, gamma, ...ys], () => {
        const expected: [string, Record<string, string> | undefined, number, number][] = [
          ['dot', undefined, 2, 1],
          ['norm', { axis: '1' }, 1, 1],
          ['pick', { axis: '1' }, 2, 1],
          ['stack', { axis: '1', num_args: '2' }, 2, 1],
          ['repeat', { repeats: '2' }, 1, 1],
          ['sort', undefined, 1, 2],
          ['topk', { k: '2', ret_typ: 'value' }, 1, 2],
          ['topk', { k: '1' }, 1, 1],
          ['LeakyReLU', { act_type: 'leaky', slope: '0.1' }, 1, 1],
          ['LeakyReLU', { act_type: 'prelu' }, 2, 1],
        ];
        ys.forEach((y, i) => {
          const j = JSON.parse(mx.autograd.getSymbol(y).tojson());
          const last = j.nodes[j.nodes.length - 1];
          const rows: number[] = j.node_row_ptr;
          const [op, attrs, nIn, nOut] = expected[i];
          const ok =
            last.op === op &&
            last.name === `node_${n + i}` &&
            JSON.stringify(last.attrs) === JSON.stringify(attrs) &&
            last.inputs.length === nIn &&
            rows[rows.length - 1] - rows[rows.length - 2] === nOut &&
            j.nodes.filter((m: { op: string }) => m.op !== 'null').length === 1;
          check(ok, `${op} #${i}: ${JSON.stringify(j.nodes)} rows ${JSON.stringify(rows)}`);
        });
      });
    },
  },
];
