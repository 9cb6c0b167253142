import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from '../index.js';
import { closeWithin, live, values } from '../test-support.fixture.js';

const { loss } = gluon;
const { autograd } = mx;

const close = closeWithin(1e-5, 1e-6);

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

const P = [
  [1.0, -0.5, 2.0],
  [0.3, 0.2, -1.0],
  [-2.0, 1.5, 0.0],
  [0.0, 0.0, 0.0],
];
const LABELS = [2, 0, 1, 1];

function logSoftmax64(r: number[]): number[] {
  const m = Math.max(...r);
  const lse = m + Math.log(r.reduce((s, v) => s + Math.exp(v - m), 0));
  return r.map((v) => v - lse);
}

/** Runs `fn` on (pred, label) with pred a variable; returns [loss, dpred] as host arrays. */
function run(
  fn: (p: mx.NDArray, l: mx.NDArray) => mx.NDArray,
  pred: number[][],
  label: number[] | number[][],
): [number[], number[]] {
  const before = live();
  const p = mx.nd.array(pred);
  p.attachGrad();
  const l = mx.nd.array(label as number[][]);
  const out = autograd.record(() => fn(p, l));
  out.backward();
  const r: [number[], number[]] = [values(out), values(p.grad!)];
  for (const a of [out, l, p.grad!, p]) a.dispose();
  expect(live()).toBe(before);
  return r;
}

describe('SoftmaxCrossEntropyLoss', () => {
  test('sparse labels: -log softmax[label], gradient softmax - onehot', () => {
    const fn = new loss.SoftmaxCrossEntropyLoss();
    const [l, g] = run((p, y) => fn.forward(p, y), P, LABELS);
    const ls = P.map(logSoftmax64);
    close(
      l,
      ls.map((r, i) => -r[LABELS[i]]),
    );
    close(
      g,
      ls.flatMap((r, i) => r.map((v, j) => Math.exp(v) - (j === LABELS[i] ? 1 : 0))),
    );
  });

  test('dense labels, fromLogits, weight and sampleWeight', () => {
    const Q = [
      [0.2, 0.3, 0.5],
      [1, 0, 0],
      [0, 0.5, 0.5],
      [0.1, 0.1, 0.8],
    ];
    const fn = new loss.SoftmaxCrossEntropyLoss({ sparseLabel: false, weight: 2 });
    const [l] = run((p, y) => fn.forward(p, y), P, Q);
    const ls = P.map(logSoftmax64);
    close(
      l,
      ls.map((r, i) => -2 * r.reduce((s, v, j) => s + v * Q[i][j], 0)),
    );
    const fromLogits = new loss.SoftmaxCrossEntropyLoss({ fromLogits: true });
    const sw = mx.nd.array([[1], [0], [2], [0.5]]);
    const [l2] = run((p, y) => fromLogits.forward(p, y, sw), P, LABELS);
    close(
      l2,
      P.map((r, i) => -r[LABELS[i]] * [1, 0, 2, 0.5][i]),
    );
    sw.dispose();
  });

  test('int32 labels (what MNIST batches hold) and (N, 1) labels give the same loss', () => {
    const fn = new loss.SoftmaxCrossEntropyLoss();
    const p = mx.nd.array(P);
    const a = mx.nd.array(LABELS, { dtype: 'int32' });
    const b = mx.nd.array(LABELS.map((v) => [v]));
    const la = fn.forward(p, a);
    const lb = fn.forward(p, b);
    const ls = P.map(logSoftmax64);
    close(
      values(la),
      ls.map((r, i) => -r[LABELS[i]]),
    );
    expect(values(lb)).toEqual(values(la));
    for (const x of [p, a, b, la, lb]) x.dispose();
  });

  test('a label of the wrong size is a ShapeError', () => {
    const p = mx.nd.ones([4, 3]);
    const y = mx.nd.ones([5]);
    expect(() => new loss.SoftmaxCrossEntropyLoss().forward(p, y)).toThrow(mx.ShapeError);
    expect(() => new loss.L2Loss().forward(p, y)).toThrow(mx.ShapeError);
    expect(() => new loss.L2Loss().forward(p, 3 as unknown as mx.NDArray)).toThrow(
      mx.InvalidArgumentError,
    );
    p.dispose();
    y.dispose();
  });
});

describe('regression and binary losses', () => {
  const pred = [
    [0.5, -1.0],
    [2.0, 0.0],
    [-0.3, 3.5],
  ];
  const label = [
    [1.0, -1.5],
    [0.0, 0.0],
    [0.7, 0.5],
  ];
  const mean = (r: number[]) => r.reduce((a, b) => a + b, 0) / r.length;

  test('L2Loss: mean of (label - pred)²/2 per sample; gradient (pred - label)/k', () => {
    const [l, g] = run((p, y) => new loss.L2Loss().forward(p, y), pred, label);
    close(
      l,
      pred.map((r, i) => mean(r.map((v, j) => (label[i][j] - v) ** 2 / 2))),
    );
    close(
      g,
      pred.flatMap((r, i) => r.map((v, j) => (v - label[i][j]) / 2)),
    );
  });

  test('L1Loss and HuberLoss(rho=1)', () => {
    const [l1] = run((p, y) => new loss.L1Loss().forward(p, y), pred, label);
    close(
      l1,
      pred.map((r, i) => mean(r.map((v, j) => Math.abs(label[i][j] - v)))),
    );
    const huber = (d: number) => (d > 1 ? d - 0.5 : 0.5 * d * d);
    const [lh, gh] = run((p, y) => new loss.HuberLoss().forward(p, y), pred, label);
    close(
      lh,
      pred.map((r, i) => mean(r.map((v, j) => huber(Math.abs(label[i][j] - v))))),
    );
    const dh = (p: number, y: number) => {
      const d = p - y;
      return (Math.abs(d) > 1 ? Math.sign(d) : d) / 2;
    };
    close(
      gh,
      pred.flatMap((r, i) => r.map((v, j) => dh(v, label[i][j]))),
    );
  });

  test('SigmoidBinaryCrossEntropyLoss on logits is stable; on probabilities uses eps', () => {
    const logits = [
      [100, -100],
      [0.5, -2],
    ];
    const z = [
      [0, 1],
      [1, 0],
    ];
    const bce = (x: number, t: number) =>
      Math.max(x, 0) - x * t + Math.log1p(Math.exp(-Math.abs(x)));
    const [l, g] = run((p, y) => new loss.SigmoidBinaryCrossEntropyLoss().forward(p, y), logits, z);
    close(
      l,
      logits.map((r, i) => mean(r.map((v, j) => bce(v, z[i][j])))),
    );
    close(
      g,
      logits.flatMap((r, i) => r.map((v, j) => (1 / (1 + Math.exp(-v)) - z[i][j]) / 2)),
    );
    const probs = [
      [0.9, 0.2],
      [0.5, 0.01],
    ];
    const [lp] = run(
      (p, y) => new loss.SigmoidBinaryCrossEntropyLoss({ fromSigmoid: true }).forward(p, y),
      probs,
      z,
    );
    close(
      lp,
      probs.map((r, i) =>
        mean(
          r.map(
            (v, j) => -(Math.log(v + 1e-12) * z[i][j] + Math.log(1 - v + 1e-12) * (1 - z[i][j])),
          ),
        ),
      ),
    );
  });

  test('KLDivLoss from log-probabilities and from logits', () => {
    const q = [
      [0.2, 0.8],
      [0.5, 0.5],
      [1, 0],
    ];
    // MXNet 1.9.1 sums over the non-batch axes (python/mxnet/gluon/loss.py, KLDivLoss).
    const kl = (lp: number[], t: number[]) =>
      t.reduce((acc, v, j) => acc + v * (Math.log(v + 1e-12) - lp[j]), 0);
    const [l] = run((p, y) => new loss.KLDivLoss().forward(p, y), pred, q);
    close(
      l,
      pred.map((r, i) => kl(r, q[i])),
    );
    const [l2] = run((p, y) => new loss.KLDivLoss({ fromLogits: false }).forward(p, y), pred, q);
    close(
      l2,
      pred.map((r, i) => kl(logSoftmax64(r), q[i])),
    );
  });

  test('batchAxis 1 averages over the other axes', () => {
    const [l] = run((p, y) => new loss.L1Loss({ batchAxis: 1 }).forward(p, y), pred, label);
    close(
      l,
      [0, 1].map((j) => mean(pred.map((r, i) => Math.abs(label[i][j] - r[j])))),
    );
  });
});
