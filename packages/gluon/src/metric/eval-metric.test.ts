import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  Accuracy,
  CompositeEvalMetric,
  CrossEntropy,
  CustomMetric,
  create,
  EvalMetric,
  F1,
  Loss,
  MAE,
  MCC,
  MSE,
  NegativeLogLikelihood,
  np,
  PearsonCorrelation,
  Perplexity,
  RMSE,
  registerMetric,
  TopKAccuracy,
} from './index.js';

const { nd } = mx;
const live = () => mx.memory().arrays;
let before = 0;

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});
beforeEach(() => {
  before = live();
});
afterEach(() => {
  expect(live()).toBe(before);
});

/** Runs `fn` with the arrays made from `values`, then frees them. */
async function withArrays(
  values: [mx.nd.NestedArray, mx.nd.NestedArray][],
  fn: (labels: mx.NDArray[], preds: mx.NDArray[]) => Promise<void>,
): Promise<void> {
  const labels = values.map(([l]) => nd.array(l));
  const preds = values.map(([, p]) => nd.array(p));
  try {
    await fn(labels, preds);
  } finally {
    for (const a of [...labels, ...preds]) a.dispose();
  }
}

const probs = [
  [0.3, 0.7],
  [0, 1],
  [0.4, 0.6],
];

// Expected values: MXNet 1.9.1's docstring examples (python/mxnet/metric.py), and sums
// worked out by hand from its definitions.
describe('metric (MXNet 1.9.1 metric.py)', () => {
  test('Accuracy: argmax over axis, counts, global stats', async () => {
    const acc = new Accuracy();
    await withArrays([[[0, 1, 1], probs]], (l, p) => acc.update(l, p));
    expect(acc.get()).toEqual(['accuracy', 2 / 3]);
    // Class indices of the label's shape are compared after truncation to int32.
    await withArrays(
      [
        [
          [1.9, 2, 0],
          [1.2, 2.7, 0.5],
        ],
      ],
      (l, p) => acc.update(l, p),
    );
    expect(acc.get()).toEqual(['accuracy', 5 / 6]);
    acc.resetLocal();
    expect(acc.get()[1]).toBeNaN();
    expect(acc.getGlobal()).toEqual(['accuracy', 5 / 6]);
    expect(acc.getGlobalNameValue()).toEqual([['accuracy', 5 / 6]]);
    acc.reset();
    expect(acc.getGlobal()[1]).toBeNaN();
    // axis 0: classes along the first axis of a (3 classes, 2 samples) prediction.
    const a0 = new Accuracy({ axis: 0 });
    await withArrays(
      [
        [
          [2, 0],
          [
            [0.1, 0.9],
            [0.2, 0.05],
            [0.7, 0.05],
          ],
        ],
      ],
      (l, p) => a0.update(l, p),
    );
    expect(a0.getNameValue()).toEqual([['accuracy', 1]]);
    expect(String(a0)).toBe("EvalMetric: {'accuracy': 1.0}");
    expect(String(new Accuracy())).toBe("EvalMetric: {'accuracy': nan}");
  });

  test('TopKAccuracy: the label among the k highest scores; name gets _k', async () => {
    const m = new TopKAccuracy({ topK: 2 });
    expect(m.name).toBe('top_k_accuracy_2');
    const scores = [
      [0.1, 0.5, 0.4],
      [0.2, 0.3, 0.5],
      [0.6, 0.3, 0.1],
      [0.3, 0.3, 0.4],
    ];
    // Top-2 sets: {1,2}, {2,1}, {0,1}, {2, 0 (tie with 1: lower index)}.
    await withArrays([[[2, 0, 1, 0], scores]], (l, p) => m.update(l, p));
    expect(m.get()).toEqual(['top_k_accuracy_2', 3 / 4]);
    const m5 = new TopKAccuracy({ topK: 5 });
    await withArrays([[[2, 0, 1, 0], scores]], (l, p) => m5.update(l, p));
    expect(m5.get()[1]).toBe(1);
  });

  test('F1: binary, macro averages per update, micro over all counts', async () => {
    const f1 = new F1();
    await withArrays([[[0, 1, 1], probs]], (l, p) => f1.update(l, p));
    expect(f1.get()).toEqual(['f1', 0.8]);
    // Second batch: pred argmax [0, 1, 0, 1], labels [1, 1, 0, 0]: tp 1, fp 1, fn 1 -> 0.5.
    const batch2: [mx.nd.NestedArray, mx.nd.NestedArray] = [
      [1, 1, 0, 0],
      [
        [0.9, 0.1],
        [0.2, 0.8],
        [0.6, 0.4],
        [0.3, 0.7],
      ],
    ];
    await withArrays([batch2], (l, p) => f1.update(l, p));
    expect(f1.get()[1]).toBeCloseTo((0.8 + 0.5) / 2, 15);
    const micro = new F1({ average: 'micro' });
    await withArrays([[[0, 1, 1], probs]], (l, p) => micro.update(l, p));
    await withArrays([batch2], (l, p) => micro.update(l, p));
    // All counts: tp 3, fp 2, fn 1: precision 3/5, recall 3/4.
    const pr = 3 / 5;
    const rc = 3 / 4;
    expect(micro.get()[1]).toBeCloseTo((2 * pr * rc) / (pr + rc), 15);
    expect(micro.numInst).toBe(7);
    await expect(withArrays([[[0, 1, 2], probs]], (l, p) => new F1().update(l, p))).rejects.toThrow(
      /only supports binary classification/,
    );
  });

  test('Perplexity: exp of the mean negative log probability, ignoreLabel left out', async () => {
    const m = new Perplexity(null);
    await withArrays([[[0, 1, 1], probs]], (l, p) => m.update(l, p));
    expect(m.get()[0]).toBe('perplexity');
    expect(m.get()[1]).toBeCloseTo(1.7710976285155853, 6);
    const ig = new Perplexity(1);
    await withArrays([[[0, 1, 1], probs]], (l, p) => ig.update(l, p));
    expect(ig.get()[1]).toBeCloseTo(Math.exp(-Math.log(0.3) / 1), 6);
    // A zero probability is floored at 1e-10.
    const z = new Perplexity(null);
    await withArrays(
      [
        [
          [0, 0],
          [
            [0, 1],
            [1, 0],
          ],
        ],
      ],
      (l, p) => z.update(l, p),
    );
    expect(z.get()[1]).toBeCloseTo(Math.exp(-Math.log(1e-10) / 2), 0);
  });

  test('MAE, MSE, RMSE: per-pair means averaged over pairs (RMSE of batches, not of all)', async () => {
    const pred = [3, -0.5, 2, 7];
    const label = [2.5, 0, 2, 8];
    const mae = new MAE();
    const mse = new MSE();
    const rmse = new RMSE();
    for (const m of [mae, mse, rmse]) {
      await withArrays([[label, pred.map((v) => [v])]], (l, p) => m.update(l, p));
    }
    expect(mae.get()).toEqual(['mae', 0.5]);
    expect(mse.get()).toEqual(['mse', 0.375]);
    // MXNet's docstring value: numpy's float32 mean and sqrt.
    expect(rmse.get()[1]).toBeCloseTo(0.612372457981, 11);
    // A second batch [1, 1] vs [0, 3]: RMSE sqrt((1 + 4) / 2); MXNet averages the two RMSEs.
    await withArrays(
      [
        [
          [1, 1],
          [0, 3],
        ],
      ],
      (l, p) => rmse.update(l, p),
    );
    const f = Math.fround;
    expect(rmse.get()[1]).toBeCloseTo((f(Math.sqrt(0.375)) + f(Math.sqrt(2.5))) / 2, 12);
    expect(rmse.numInst).toBe(2);
    await expect(
      withArrays(
        [
          [
            [1, 2, 3],
            [1, 2],
          ],
        ],
        (l, p) => new MAE().update(l, p),
      ),
    ).rejects.toThrow(mx.ShapeError);
  });

  test('CrossEntropy: mean of -log(p + eps) of the label', async () => {
    const ce = new CrossEntropy();
    await withArrays([[[0, 1, 1], probs]], (l, p) => ce.update(l, p));
    expect(ce.get()[0]).toBe('cross-entropy');
    // MXNet's docstring value, from numpy's float32 log and sum.
    expect(ce.get()[1]).toBeCloseTo(0.57159948348999023, 15);
  });

  test("MCC and F1 on MXNet's MCC docstring example", async () => {
    const [fp, tn, fn, tp] = [1000, 1, 1, 10000];
    const preds = [
      ...Array(fp).fill([0.3, 0.7]),
      ...Array(tn).fill([0.7, 0.3]),
      ...Array(fn).fill([0.7, 0.3]),
      ...Array(tp).fill([0.3, 0.7]),
    ];
    const labels = [...Array(fp + tn).fill(0), ...Array(fn + tp).fill(1)];
    const f1 = new F1();
    const mcc = new MCC();
    const micro = new MCC({ average: 'micro' });
    await withArrays([[labels, preds]], async (l, p) => {
      await f1.update(l, p);
      await mcc.update(l, p);
      await micro.update(l, p);
    });
    expect(f1.get()[1]).toBeCloseTo(0.95233560306652054, 14);
    expect(mcc.get()).toEqual(['mcc', expect.closeTo(0.01917751877733392, 14)]);
    expect(micro.get()[1]).toBeCloseTo(0.01917751877733392, 14);
    // By hand: (TP*TN - FP*FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)).
    const want = (tp * tn - fp * fn) / Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
    expect(mcc.get()[1]).toBeCloseTo(want, 15);
  });

  test('NegativeLogLikelihood, PearsonCorrelation, Loss, CustomMetric (docstring values)', async () => {
    const nll = new NegativeLogLikelihood();
    await withArrays([[[0, 1, 1], probs]], (l, p) => nll.update(l, p));
    expect(nll.get()).toEqual(['nll-loss', expect.closeTo(0.57159948348999023, 15)]);
    const yl = [
      [1, 0],
      [0, 1],
      [0, 1],
    ];
    const pr = new PearsonCorrelation();
    const prMicro = new PearsonCorrelation({ average: 'micro' });
    await withArrays([[yl, probs]], async (l, p) => {
      await pr.update(l, p);
      await prMicro.update(l, p);
    });
    expect(pr.get()).toEqual(['pearsonr', expect.closeTo(0.42163704544016178, 7)]);
    // One batch: MXNet's running sums give the batch's correlation.
    expect(prMicro.get()[1]).toBeCloseTo(pr.get()[1], 12);

    const loss = new Loss();
    const l1 = nd.array([
      [1, 2],
      [3, 4],
    ]);
    const l2 = nd.array([5]);
    await loss.update(null, [l1, l2]);
    expect(loss.get()).toEqual(['loss', 3]);
    l1.dispose();
    l2.dispose();

    const custom = new CustomMetric((x, y) => {
      let s = 0;
      for (let i = 0; i < x.data.length; i++) s += x.data[i] + y.data[i];
      return s / x.data.length;
    });
    expect(custom.name).toBe('custom(<lambda>)');
    await withArrays(
      [
        [
          [[2.5], [0], [2], [8]],
          [[3], [-0.5], [2], [7]],
        ],
      ],
      (l, p) => custom.update(l, p),
    );
    expect(custom.get()).toEqual(['custom(<lambda>)', 6]);
    const pairs = np(function pairs(_l, p) {
      return [p.data.length, 2];
    });
    expect(pairs.name).toBe('pairs');
    await withArrays(
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
      (l, p) => pairs.update(l, p),
    );
    expect(pairs.get()[1]).toBe(1);
    expect(() => pairs.getConfig()).toThrow(/cannot be serialized/);
    expect(create('nll_loss')).toBeInstanceOf(NegativeLogLikelihood);
    expect(create('pearsonr')).toBeInstanceOf(PearsonCorrelation);
    expect(create('mcc')).toBeInstanceOf(MCC);
    expect(create('loss')).toBeInstanceOf(Loss);
  });

  test('CompositeEvalMetric and create', async () => {
    const comp = new CompositeEvalMetric([new Accuracy(), 'f1']);
    await withArrays([[[0, 1, 1], probs]], (l, p) => comp.update(l, p));
    const [names, values] = comp.get();
    expect(names).toEqual(['accuracy', 'f1']);
    expect(values[0]).toBeCloseTo(2 / 3, 15);
    expect(values[1]).toBeCloseTo(0.8, 15);
    expect(comp.getNameValue()).toEqual([
      ['accuracy', values[0]],
      ['f1', values[1]],
    ]);
    expect(comp.getMetric(1)).toBeInstanceOf(F1);
    expect(() => comp.getMetric(2)).toThrow(/out of range/);
    comp.reset();
    expect(comp.get()[1].every(Number.isNaN)).toBe(true);

    expect(create('acc')).toBeInstanceOf(Accuracy);
    expect(create('CE')).toBeInstanceOf(CrossEntropy);
    expect((create('top_k_accuracy', { topK: 3 }) as TopKAccuracy).topK).toBe(3);
    expect(create('perplexity', { ignoreLabel: -1 })).toBeInstanceOf(Perplexity);
    const acc = new Accuracy();
    expect(create(acc)).toBe(acc);
    const list = create(['acc', new RMSE()]) as CompositeEvalMetric;
    expect(list.metrics.map((m) => m.name)).toEqual(['accuracy', 'rmse']);
    expect(() => create('nope')).toThrow(/nope is not registered.*accuracy/);
    expect(() => create('perplexity')).toThrow(/ignoreLabel/);
    expect(() => create(acc, { axis: 0 })).toThrow(/already an instance/);
    registerMetric('myacc', (o) => new Accuracy({ ...o, name: 'myacc' }));
    expect(create('MyAcc').name).toBe('myacc');
  });

  test('updateDict picks arrays by name', async () => {
    const acc = new Accuracy({ labelNames: ['y'], outputNames: ['out'] });
    const y = nd.array([0, 1, 1]);
    const out = nd.array(probs);
    const other = nd.array([5, 5, 5]);
    await acc.updateDict({ z: other, y }, { out, aux: other });
    expect(acc.get()[1]).toBeCloseTo(2 / 3, 15);
    for (const a of [y, out, other]) a.dispose();
  });

  test('update reads the values when called; bad inputs are refused', async () => {
    const acc = new Accuracy();
    const y = nd.array([0, 1, 1]);
    const out = nd.array(probs);
    const pending = acc.update([y], [out]);
    out.set(0); // all ties: argmax 0 would give 1/3
    await pending;
    expect(acc.get()[1]).toBeCloseTo(2 / 3, 15);
    await expect(acc.update([y, y], [out])).rejects.toThrow(
      /does not match shape of predictions 1/,
    );
    await expect(acc.update([1] as never, [out])).rejects.toThrow(mx.InvalidArgumentError);
    const z = nd.zeros([1, 1]);
    await expect(acc.update([y], [z])).rejects.toThrow(mx.ShapeError);
    z.dispose();
    expect(() => new TopKAccuracy({ topK: 1 })).toThrow(/Please use Accuracy/);
    expect(() => new F1({ average: 'weighted' as never })).toThrow(/macro/);
    expect(() => new Perplexity('x' as never)).toThrow(/ignoreLabel/);
    expect(new Accuracy()).toBeInstanceOf(EvalMetric);
    for (const a of [y, out]) a.dispose();
  });
});
