// mx.mod.Module's training path against MXNet 1.9.1's formulas, written here in float64:
// SoftmaxOutput's backward (src/operator/softmax_output-inl.h), Module.backward/update with
// optimizer.SGD (python/mxnet/optimizer/sgd.py, python/mxnet/module/module.py), and fit on
// the MLP that MXNet 1.4 wrote (conformance/src/fixtures/mxnet-symbols/mlp-1.4-symbol.json).
import * as mx from '@mxts/core';
import { check, expectClose, expectThrows } from '../assertions.js';
import type { CaseSpec } from '../conformance-case.js';
import { MLP_1_4 } from '../fixtures/mxnet-symbols/mxnet-symbol-files.js';
import { disposingAfter, withLogs } from '../suite-support.js';
import { counters } from './get-symbol-names.cases.js';

const { nd, sym } = mx;

const LOGITS = [
  [0.5, -1, 2],
  [1.5, 0.25, -0.5],
  [-2, 1, 0.75],
  [0.1, 0.2, 0.3],
];

function softmaxRows(z: readonly (readonly number[])[]): number[][] {
  return z.map((row) => {
    const m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
}

interface SoftmaxOutputCase {
  readonly what: string;
  readonly labels: readonly number[];
  readonly options: Parameters<typeof sym.SoftmaxOutput>[1];
  readonly gradScale: number;
  readonly ignore: number;
  readonly useIgnore: boolean;
  readonly normalization: 'null' | 'batch' | 'valid';
  readonly alpha: number;
  readonly multiOutput?: boolean;
  /** A head gradient passed to backward (used only with `outGrad`). */
  readonly head?: number[][];
}

/** MXNet's SoftmaxOutput data gradient, in float64. */
function softmaxOutputGrad64(c: SoftmaxOutputCase): number[][] {
  const p = softmaxRows(LOGITS);
  const k = LOGITS[0].length;
  const rows = p.map((row, i) =>
    row.map((v, j) => {
      const target =
        c.alpha === 0 || c.multiOutput
          ? Number(j === c.labels[i])
          : j === c.labels[i]
            ? 1 - c.alpha
            : c.alpha / (k - 1);
      return c.useIgnore && c.labels[i] === c.ignore ? 0 : v - target;
    }),
  );
  const n =
    c.normalization === 'null'
      ? 1
      : c.normalization === 'batch'
        ? c.labels.length
        : Math.max(c.labels.filter((l) => l !== c.ignore).length, 1);
  return rows.map((row, i) => row.map((v, j) => ((v * c.gradScale) / n) * (c.head?.[i][j] ?? 1)));
}

const CASES: SoftmaxOutputCase[] = [
  {
    what: "normalization 'null'",
    labels: [0, 2, 1, 1],
    options: {},
    gradScale: 1,
    ignore: -1,
    useIgnore: false,
    normalization: 'null',
    alpha: 0,
  },
  {
    what: "normalization 'batch', gradScale 2",
    labels: [2, 0, 1, 0],
    options: { normalization: 'batch', gradScale: 2 },
    gradScale: 2,
    ignore: -1,
    useIgnore: false,
    normalization: 'batch',
    alpha: 0,
  },
  {
    what: "normalization 'valid' with useIgnore, ignoreLabel 1",
    labels: [0, 1, 2, 1],
    options: { normalization: 'valid', useIgnore: true, ignoreLabel: 1 },
    gradScale: 1,
    ignore: 1,
    useIgnore: true,
    normalization: 'valid',
    alpha: 0,
  },
  {
    // MXNet counts valid labels for 'valid' even without useIgnore (rows are not zeroed).
    what: "normalization 'valid' without useIgnore",
    labels: [0, 1, 2, 1],
    options: { normalization: 'valid', ignoreLabel: 1 },
    gradScale: 1,
    ignore: 1,
    useIgnore: false,
    normalization: 'valid',
    alpha: 0,
  },
  {
    what: 'smoothAlpha 0.1',
    labels: [1, 1, 0, 2],
    options: { smoothAlpha: 0.1 },
    gradScale: 1,
    ignore: -1,
    useIgnore: false,
    normalization: 'null',
    alpha: 0.1,
  },
  {
    // Axis 1 of (n, k) data: spatial size 1; MXNet does not smooth multi-output labels.
    what: "multiOutput, 'batch', smoothAlpha ignored",
    labels: [2, 2, 0, 1],
    options: { multiOutput: true, normalization: 'batch', smoothAlpha: 0.2 },
    gradScale: 1,
    ignore: -1,
    useIgnore: false,
    normalization: 'batch',
    alpha: 0.2,
    multiOutput: true,
  },
  {
    what: 'outGrad multiplies by the head gradient',
    labels: [1, 0, 2, 2],
    options: { outGrad: true, normalization: 'batch' },
    gradScale: 1,
    ignore: -1,
    useIgnore: false,
    normalization: 'batch',
    alpha: 0,
    head: [
      [1, 2, -1],
      [0.5, 0, 3],
      [-2, 1, 1],
      [4, 0.25, 0.5],
    ],
  },
];

/**
 * A Module whose weight is the logits: FullyConnected(I, W, no_bias) = W^T for the identity
 * data, so d/dW = (d/dlogits)^T, and one SGD step with learning rate 1, rescaleGrad 1 and no
 * weight decay leaves W - (d/dlogits)^T.
 */
function logitsModule(options: Parameters<typeof sym.SoftmaxOutput>[1]): mx.mod.Module {
  const fc = sym.FullyConnected(sym.Variable('data'), { numHidden: 3, noBias: true, name: 'fc' });
  const net = sym.SoftmaxOutput(fc, { ...options, name: 'softmax' });
  return new mx.mod.Module(net);
}

const transposed = (m: readonly (readonly number[])[]) => m[0].map((_, j) => m.map((r) => r[j]));

/** Module training: SoftmaxOutput's gradient, backward, SGD update and fit. */
export const moduleTrainCases: CaseSpec[] = [
  {
    name: 'module-softmax-output-backward',
    async run() {
      const eye = nd.array([
        [1, 0, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 1, 0],
        [0, 0, 0, 1],
      ]);
      const w = nd.array(transposed(LOGITS));
      await disposingAfter([eye, w], async () => {
        for (const c of CASES) {
          const mod = logitsModule(c.options);
          const label = nd.array(c.labels);
          try {
            mod.bind({ dataShapes: [['data', [4, 4]]], labelShapes: [['softmax_label', [4]]] });
            mod.setParams({ fc_weight: w }, {});
            mod.initOptimizer({ optimizerParams: { learningRate: 1, rescaleGrad: 1 } });
            // The loss ignores the head gradient: backward needs none.
            mod.forward({ data: [eye], label: [label] }, { isTrain: true });
            await expectClose(`${c.what}: forward`, mod.getOutputs()[0], softmaxRows(LOGITS), {
              rtol: 1e-5,
              atol: 1e-6,
            });
            const head = c.head === undefined ? null : nd.array(c.head);
            try {
              mod.backward(head);
            } finally {
              head?.dispose();
            }
            mod.update();
            const g = transposed(softmaxOutputGrad64(c));
            const stepped = transposed(LOGITS).map((r, i) => r.map((v, j) => v - g[i][j]));
            await expectClose(c.what, mod.getParams()[0]['fc_weight'], stepped, {
              rtol: 1e-5,
              atol: 1e-6,
            });
          } finally {
            label.dispose();
            mod.dispose();
          }
        }
      });
    },
  },
  {
    name: 'module-backward-update-sgd',
    async run() {
      const X = [
        [1, -2, 0.5],
        [0.25, 3, -1],
      ];
      const W = [
        [0.5, -0.25, 1],
        [2, 0.75, -1.5],
      ];
      const B = [0.1, -0.3];
      const G = [
        [1, -0.5],
        [2, 0.25],
      ];
      const x = nd.array(X);
      const w = nd.array(W);
      const b = nd.array(B);
      const g = nd.array(G);
      const net = sym.FullyConnected(sym.Variable('data'), { numHidden: 2, name: 'fc' });
      const mod = new mx.mod.Module(net, { labelNames: null });
      const frozen = new mx.mod.Module(net, { labelNames: null });
      const withInputs = new mx.mod.Module(net, { labelNames: null });
      await disposingAfter([x, w, b, g], async () => {
        try {
          mod.bind({ dataShapes: [['data', [2, 3]]] });
          mod.setParams({ fc_weight: w, fc_bias: b }, {});
          await expectThrows(
            'backward before a training forward',
            () => mod.backward(),
            mx.ModuleStateError,
            'forward(batch, { isTrain: true })',
          );
          await expectThrows(
            'update before initOptimizer',
            () => mod.update(),
            mx.ModuleStateError,
            'initOptimizer',
          );
          mod.forward({ data: [x] }, { isTrain: true });
          await expectThrows(
            'backward of a non-loss output without outGrads',
            () => mod.backward(),
            mx.InvalidArgumentError,
            'head_gradient is required',
          );
          await expectThrows(
            'outGrads of the wrong shape',
            () => mod.backward([w]),
            mx.ShapeError,
            'outGrads[0] has shape (2, 3)',
          );
          // MXNet's SGD: rescale_grad 1/batch (2), wd on fc_weight only, lr 0.5.
          mod.initOptimizer({ optimizerParams: { learningRate: 0.5, wd: 0.1 } });
          const names = counters();
          mod.forward({ data: [x] }, { isTrain: true });
          mod.backward([g]);
          // MXNet's executor takes no var<c>/node_<n> numbers from the imperative counters.
          const after = counters();
          check(
            after.c === names.c + 2 && after.n === names.n + 1,
            `a training step moved the counters: ${JSON.stringify(names)} -> ${JSON.stringify(after)}`,
          );
          mod.update();
          const dW = W.map((_, o) => X[0].map((__, j) => G[0][o] * X[0][j] + G[1][o] * X[1][j]));
          const dB = B.map((_, o) => G[0][o] + G[1][o]);
          const [args] = mod.getParams();
          await expectClose(
            'fc_weight - lr*(grad/batch + wd*weight)',
            args['fc_weight'],
            W.map((r, o) => r.map((v, j) => v - 0.5 * (dW[o][j] / 2 + 0.1 * v))),
            { rtol: 1e-5, atol: 1e-6 },
          );
          await expectClose(
            'fc_bias - lr*grad/batch (no wd)',
            args['fc_bias'],
            B.map((v, o) => v - 0.5 * (dB[o] / 2)),
            { rtol: 1e-5, atol: 1e-6 },
          );
          frozen.bind({ dataShapes: [['data', [2, 3]]], forTraining: false });
          frozen.initParams();
          frozen.forward({ data: [x] });
          await expectThrows(
            'backward of a module bound for inference',
            () => frozen.backward([g]),
            mx.ModuleStateError,
            'forTraining: true',
          );
          // get_input_grads: d/dX = G W, into the module's arrays; x stays out of the graph.
          withInputs.bind({ dataShapes: [['data', [2, 3]]], inputsNeedGrad: true });
          withInputs.setParams({ fc_weight: w, fc_bias: b }, {});
          await expectThrows(
            'getInputGrads before a backward',
            () => withInputs.getInputGrads(),
            mx.ModuleStateError,
            'backward first',
          );
          withInputs.forward({ data: [x] }, { isTrain: true });
          withInputs.backward([g]);
          await expectClose(
            'getInputGrads()[0] = outGrad . W',
            withInputs.getInputGrads()[0],
            X.map((row, r) => row.map((_, j) => G[r][0] * W[0][j] + G[r][1] * W[1][j])),
            { rtol: 1e-5, atol: 1e-6 },
          );
          await expectThrows(
            "the caller's data is not in a graph",
            () => mx.autograd.getSymbol(x),
            mx.NotInSymbolGraphError,
          );
          await expectThrows(
            'getInputGrads without inputsNeedGrad',
            () => mod.getInputGrads(),
            mx.ModuleStateError,
            'inputsNeedGrad: true',
          );
        } finally {
          mod.dispose();
          frozen.dispose();
          withInputs.dispose();
        }
      });
    },
  },
  {
    name: 'module-fit-mxnet-mlp',
    async run() {
      // MXNet 1.4's MLP (fc1 128, relu, fc2 64, relu, fc3 10, SoftmaxOutput) on three
      // separable classes: the cross-entropy must fall well below its start.
      mx.random.seed(7);
      const features = 8;
      const batches: { data: mx.NDArray[]; label: mx.NDArray[] }[] = [];
      const labelsOf: number[][] = [];
      for (let bi = 0; bi < 3; bi++) {
        const rows: number[][] = [];
        const labels: number[] = [];
        for (let r = 0; r < 12; r++) {
          const i = bi * 12 + r;
          const c = i % 3;
          labels.push(c);
          rows.push(
            Array.from(
              { length: features },
              (_, j) => (j % 3 === c ? 1 : 0) + 0.2 * Math.sin(7 * i + 3 * j),
            ),
          );
        }
        batches.push({ data: [nd.array(rows)], label: [nd.array(labels)] });
        labelsOf.push(labels);
      }
      const mod = new mx.mod.Module(sym.loadJson(MLP_1_4.text));
      const crossEntropy = async () => {
        let total = 0;
        for (let bi = 0; bi < batches.length; bi++) {
          mod.forward(batches[bi], { isTrain: false });
          const p = await mod.getOutputs()[0].data();
          labelsOf[bi].forEach((l, r) => {
            total -= Math.log(p[r * 10 + l]);
          });
        }
        return total / (batches.length * 12);
      };
      try {
        mod.bind({
          dataShapes: [['data', [12, features]]],
          labelShapes: [['softmax_label', [12]]],
        });
        mod.initParams(new mx.init.Xavier());
        const before = await crossEntropy();
        // Bound and initialized already: fit warns and keeps them, as MXNet's fit does.
        const logs = await withLogs((records) => {
          mod.fit(batches, {
            numEpoch: 15,
            optimizerParams: { learningRate: 0.1, momentum: 0.9 },
          });
          return records.map((r) => r.message);
        });
        check(
          logs.filter((m) => /^Epoch\[\d+\] Time cost=/.test(m)).length === 15 &&
            logs.includes('Already bound, ignoring bind()'),
          `fit's messages: ${logs.join(' | ')}`,
        );
        const after = await crossEntropy();
        check(
          Number.isFinite(after) && after < 0.25 * before,
          `cross-entropy ${before} -> ${after}: training did not lower it enough`,
        );
      } finally {
        mod.dispose();
        for (const b of batches) for (const a of [...b.data, ...b.label]) a.dispose();
      }
    },
  },
  {
    name: 'module-train-batchnorm-conv-pool',
    async run() {
      // Every registered operator trains: BatchNorm writes its moving statistics in place
      // during the recorded forward (MXNet: moving = 0.9 * moving + 0.1 * batch statistic).
      const X = [
        [1, 2, -1],
        [3, 0, 0.5],
        [-1, 4, 2],
        [5, -2, 1.5],
      ];
      const x = nd.array(X);
      const y = nd.array([0, 1, 2, 1]);
      let h = sym.BatchNorm(sym.Variable('data'), { name: 'bn' });
      h = sym.LeakyReLU(h, { actType: 'prelu', name: 'pr' });
      h = sym.Dropout(sym.FullyConnected(h, { numHidden: 3, name: 'fc' }), { p: 0.25 });
      const mod = new mx.mod.Module(sym.SoftmaxOutput(h, { name: 'softmax' }));
      await disposingAfter([x, y], async () => {
        try {
          mod.bind({ dataShapes: [['data', [4, 3]]], labelShapes: [['softmax_label', [4]]] });
          mod.initParams(new mx.init.Xavier());
          mod.initOptimizer({ optimizerParams: { learningRate: 0.1 } });
          mod.forwardBackward({ data: [x], label: [y] });
          mod.update();
          const [, aux] = mod.getParams();
          const means = X[0].map((_, j) => X.reduce((a, r) => a + r[j], 0) / X.length);
          const vars = means.map((m, j) => X.reduce((a, r) => a + (r[j] - m) ** 2, 0) / X.length);
          await expectClose(
            'bn_moving_mean',
            aux['bn_moving_mean'],
            means.map((m) => 0.1 * m),
            { rtol: 1e-5, atol: 1e-6 },
          );
          await expectClose(
            'bn_moving_var',
            aux['bn_moving_var'],
            vars.map((v) => 0.9 + 0.1 * v),
            { rtol: 1e-5, atol: 1e-6 },
          );
        } finally {
          mod.dispose();
        }
      });
    },
  },
];
