// Dive into Deep Learning's preliminaries (2.1 data manipulation, 2.3 linear algebra,
// 2.5 automatic differentiation) and 3.2 linear regression from scratch, ported line by line
// from the MXNet edition: the Python is in the comment above each step. Only the syntax
// changes: methods for operators (`x.add(y)` for `x + y`), option objects for keywords,
// `get`/`set` for `[...]`. Run it with `pnpm example d2l-preliminaries`.

import { pathToFileURL } from 'node:url';
import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';

const { np, npx, autograd } = mx;
type Arr = mx.np.NpArray;

/** Python's `print(a, b, ...)` of np arrays (their repr inside tuples, as Jupyter shows). */
const r = (a: Arr): string => a.reprSync();
const tuple = (...xs: (Arr | number | string)[]): string =>
  `(${xs.map((x) => (typeof x === 'object' ? r(x) : String(x))).join(', ')})`;
const shape = (s: readonly number[]): string =>
  s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`;

/** Runs every step, handing each output line (what Jupyter would show) to `print`. */
export function d2lPreliminaries(print: (line: string) => void): {
  losses: number[];
  errW: number[];
  errB: number;
} {
  // from mxnet import autograd, np, npx; npx.set_np()
  npx.setNp();
  return mx.scope(() => {
    // ---- 2.1 Data Manipulation ----
    // x = np.arange(12); x
    const x = np.arange(12);
    print(r(x));
    // x.shape; x.size
    print(shape(x.shape));
    print(String(x.size));
    // X = x.reshape(3, 4); X
    let X = x.reshape([3, 4]);
    print(r(X));
    // np.zeros((2, 3, 4))
    print(r(np.zeros([2, 3, 4])));
    // np.ones((2, 3, 4))
    print(r(np.ones([2, 3, 4])));
    // np.random.normal(0, 1, size=(3, 4))   (values: MXTS's generator, see the np README)
    print(shape(np.random.normal(0, 1, [3, 4]).shape));
    // np.array([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
    print(
      r(
        np.array([
          [2, 1, 4, 3],
          [1, 2, 3, 4],
          [4, 3, 2, 1],
        ]),
      ),
    );
    // x = np.array([1, 2, 4, 8]); y = np.array([2, 2, 2, 2])
    let x1 = np.array([1, 2, 4, 8]);
    let y1 = np.array([2, 2, 2, 2]);
    // x + y, x - y, x * y, x / y, x ** y
    print(tuple(x1.add(y1), x1.sub(y1), x1.mul(y1), x1.div(y1), x1.pow(y1)));
    // np.exp(x)
    print(r(np.exp(x1)));
    // X = np.arange(12).reshape(3, 4); Y = np.array([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
    X = np.arange(12).reshape([3, 4]);
    const Y = np.array([
      [2, 1, 4, 3],
      [1, 2, 3, 4],
      [4, 3, 2, 1],
    ]);
    // np.concatenate([X, Y], axis=0), np.concatenate([X, Y], axis=1)
    print(tuple(np.concatenate([X, Y], { axis: 0 }), np.concatenate([X, Y], { axis: 1 })));
    // X == Y   (MXTS has no bool dtype: 1. for True)
    print(r(X.equal(Y)));
    // X.sum()
    print(r(X.sum()));
    // a = np.arange(3).reshape(3, 1); b = np.arange(2).reshape(1, 2); a, b
    const a = np.arange(3).reshape([3, 1]);
    const b = np.arange(2).reshape([1, 2]);
    print(tuple(a, b));
    // a + b
    print(r(a.add(b)));
    // X[-1], X[1:3]
    print(tuple(X.get('-1'), X.get('1:3')));
    // X[1, 2] = 9; X
    X.set('1, 2', 9);
    print(r(X));
    // X[0:2, :] = 12; X
    X.set('0:2, :', 12);
    print(r(X));
    // Z = np.zeros_like(Y); Z[:] = X + Y
    const Z = np.zerosLike(Y);
    Z.set(X.add(Y));
    // A = X.asnumpy(); B = np.array(A); type(A), type(B)
    const A0 = X.asnumpySync();
    const B0 = np.array(A0.data as Float32Array).reshape([...A0.shape]);
    print(`(${A0.constructor.name}, ${B0.constructor.name})`);
    // a = np.array([3.5]); a, a.item(), float(a), int(a)
    const a1 = np.array([3.5]);
    print(`(${r(a1)}, ${a1.itemSync()}, ${a1.itemSync()}, ${Math.trunc(a1.itemSync())})`);

    // ---- 2.3 Linear Algebra ----
    // x = np.array(3.0); y = np.array(2.0); x + y, x * y, x / y, x ** y
    x1 = np.array(3.0);
    y1 = np.array(2.0);
    print(tuple(x1.add(y1), x1.mul(y1), x1.div(y1), x1.pow(y1)));
    // x = np.arange(4); x
    const v = np.arange(4);
    print(r(v));
    // x[3]; len(x); x.shape
    print(r(v.get('3')));
    print(String(v.shape[0]));
    print(shape(v.shape));
    // A = np.arange(20).reshape(5, 4); A.T
    const A = np.arange(20).reshape([5, 4]);
    print(r(A.T));
    // B = np.array([[1, 2, 3], [2, 0, 4], [3, 4, 5]]); B == B.T
    const Bs = np.array([
      [1, 2, 3],
      [2, 0, 4],
      [3, 4, 5],
    ]);
    print(r(Bs.equal(Bs.T)));
    // X = np.arange(24).reshape(2, 3, 4)
    print(r(np.arange(24).reshape([2, 3, 4])));
    // B = A.copy(); A, A + B
    const B = A.copy();
    print(tuple(A, A.add(B)));
    // A * B
    print(r(A.mul(B)));
    // a = 2; X = np.arange(24).reshape(2, 3, 4); a + X, (a * X).shape
    const X3 = np.arange(24).reshape([2, 3, 4]);
    print(`(${r(np.add(2, X3))}, ${shape(np.multiply(2, X3).shape)})`);
    // x = np.arange(4); x, x.sum()
    print(tuple(v, v.sum()));
    // A.shape, A.sum()
    print(`(${shape(A.shape)}, ${r(A.sum())})`);
    // A_sum_axis0 = A.sum(axis=0); A_sum_axis0, A_sum_axis0.shape
    const s0 = A.sum({ axis: 0 });
    print(`(${r(s0)}, ${shape(s0.shape)})`);
    // A_sum_axis1 = A.sum(axis=1); A_sum_axis1, A_sum_axis1.shape
    const s1 = A.sum({ axis: 1 });
    print(`(${r(s1)}, ${shape(s1.shape)})`);
    // A.sum(axis=[0, 1])
    print(r(A.sum({ axis: [0, 1] })));
    // A.mean(), A.sum() / A.size
    print(tuple(A.mean(), A.sum().div(A.size)));
    // A.mean(axis=0), A.sum(axis=0) / A.shape[0]
    print(tuple(A.mean({ axis: 0 }), A.sum({ axis: 0 }).div(A.shape[0])));
    // sum_A = A.sum(axis=1, keepdims=True); sum_A
    const sumA = A.sum({ axis: 1, keepdims: true });
    print(r(sumA));
    // A / sum_A
    print(r(A.div(sumA)));
    // A.cumsum(axis=0)
    print(r(np.cumsum(A, { axis: 0 })));
    // y = np.ones(4); x, y, np.dot(x, y)
    const ones4 = np.ones(4);
    print(tuple(v, ones4, np.dot(v, ones4)));
    // np.sum(x * y)
    print(r(np.sum(v.mul(ones4))));
    // A.shape, x.shape, np.dot(A, x)
    print(`(${shape(A.shape)}, ${shape(v.shape)}, ${r(np.dot(A, v))})`);
    // B = np.ones(shape=(4, 3)); np.dot(A, B)
    print(r(np.dot(A, np.ones([4, 3]))));
    // u = np.array([3, -4]); np.linalg.norm(u)
    const u = np.array([3, -4]);
    print(r(np.linalg.norm(u)));
    // np.abs(u).sum()
    print(r(np.abs(u).sum()));
    // np.linalg.norm(np.ones((4, 9)))
    print(r(np.linalg.norm(np.ones([4, 9]))));

    // ---- 2.5 Automatic Differentiation ----
    // x = np.arange(4.0); x
    const xg = np.arange(4.0);
    print(r(xg));
    // x.attach_grad(); x.grad
    xg.attachGrad();
    print(r(xg.grad as Arr));
    // with autograd.record(): y = 2 * np.dot(x, x); y
    let yg = autograd.record(() => np.multiply(2, np.dot(xg, xg)));
    print(r(yg));
    // y.backward(); x.grad
    yg.backward();
    print(r(xg.grad as Arr));
    // x.grad == 4 * x
    print(r((xg.grad as Arr).equal(xg.mul(4))));
    // with autograd.record(): y = x.sum(); y.backward(); x.grad
    yg = autograd.record(() => xg.sum());
    yg.backward();
    print(r(xg.grad as Arr));
    // with autograd.record(): y = x * x; y.backward(); x.grad
    yg = autograd.record(() => xg.mul(xg));
    yg.backward();
    print(r(xg.grad as Arr));
    // with autograd.record(): y = x * x; u = y.detach(); z = u * x
    // z.backward(); x.grad == u
    // (MXTS: the record callback returns y too, so y's graph outlives the callback)
    const [z, ud, yd] = autograd.record(() => {
      const y = xg.mul(xg);
      const u = y.detach();
      return [u.mul(xg), u, y];
    });
    z.backward();
    print(r((xg.grad as Arr).equal(ud)));
    // y.backward(); x.grad == 2 * x
    yd.backward();
    print(r((xg.grad as Arr).equal(xg.mul(2))));
    // def f(a):
    //     b = a * 2
    //     while np.linalg.norm(b) < 1000: b = b * 2
    //     if b.sum() > 0: c = b
    //     else: c = 100 * b
    //     return c
    const f = (a: Arr): Arr => {
      let b = a.mul(2);
      while (np.linalg.norm(b).itemSync() < 1000) b = b.mul(2);
      return b.sum().itemSync() > 0 ? b : np.multiply(100, b);
    };
    // a = np.random.normal(); a.attach_grad()
    const an = np.random.normal();
    an.attachGrad();
    // with autograd.record(): d = f(a)
    const d = autograd.record(() => f(an));
    // d.backward(); a.grad == d / a
    d.backward();
    print(r((an.grad as Arr).equal(d.div(an))));

    // ---- 3.2 Linear Regression Implementation from Scratch ----
    // def synthetic_data(w, b, num_examples):
    //     X = np.random.normal(0, 1, (num_examples, len(w)))
    //     y = np.dot(X, w) + b
    //     y += np.random.normal(0, 0.01, y.shape)
    //     return X, y.reshape((-1, 1))
    const syntheticData = (w: Arr, b: number, numExamples: number): [Arr, Arr] => {
      const Xs = np.random.normal(0, 1, [numExamples, w.shape[0]]);
      const ys = np.dot(Xs, w).add(b);
      ys.iadd(np.random.normal(0, 0.01, ys.shape));
      return [Xs, ys.reshape([-1, 1])];
    };
    // true_w = np.array([2, -3.4]); true_b = 4.2
    // features, labels = synthetic_data(true_w, true_b, 1000)
    mx.random.seed(42);
    const trueW = np.array([2, -3.4]);
    const trueB = 4.2;
    const [features, labels] = syntheticData(trueW, trueB, 1000);
    // print('features:', features[0], '\nlabel:', labels[0])
    print(`features: ${features.get('0')} \nlabel: ${labels.get('0')}`);
    // def data_iter(batch_size, features, labels):
    //     num_examples = len(features); indices = list(range(num_examples))
    //     random.shuffle(indices)
    //     for i in range(0, num_examples, batch_size):
    //         batch_indices = np.array(indices[i: min(i + batch_size, num_examples)])
    //         yield features[batch_indices], labels[batch_indices]
    function* dataIter(batchSize: number, feats: Arr, labs: Arr): Generator<[Arr, Arr]> {
      const n = feats.shape[0];
      const indices = np.arange(n, null, 1, { dtype: 'int32' });
      np.random.shuffle(indices);
      for (let i = 0; i < n; i += batchSize) {
        const batch = indices.get(`${i}:${Math.min(i + batchSize, n)}`);
        yield [feats.get(batch), labs.get(batch)];
      }
    }
    // w = np.random.normal(0, 0.01, (2, 1)); b = np.zeros(1)
    // w.attach_grad(); b.attach_grad()
    const w = np.random.normal(0, 0.01, [2, 1]);
    const bias = np.zeros(1);
    w.attachGrad();
    bias.attachGrad();
    // def linreg(X, w, b): return np.dot(X, w) + b
    const linreg = (Xb: Arr, wb: Arr, bb: Arr): Arr => np.dot(Xb, wb).add(bb);
    // def squared_loss(y_hat, y): return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2
    const squaredLoss = (yHat: Arr, yb: Arr): Arr =>
      yHat
        .sub(yb.reshape([...yHat.shape]))
        .pow(2)
        .div(2);
    // def sgd(params, lr, batch_size):
    //     for param in params: param[:] = param - lr * param.grad / batch_size
    const sgd = (params: Arr[], lr: number, batchSize: number): void => {
      for (const p of params) p.set(p.sub((p.grad as Arr).mul(lr).div(batchSize)));
    };
    // lr = 0.03; num_epochs = 3; net = linreg; loss = squared_loss; batch_size = 10
    const lr = 0.03;
    const numEpochs = 3;
    const net = linreg;
    const loss = squaredLoss;
    const batchSize = 10;
    const losses: number[] = [];
    for (let epoch = 0; epoch < numEpochs; epoch++) {
      // for X, y in data_iter(batch_size, features, labels):
      //     with autograd.record(): l = loss(net(X, w, b), y)
      //     l.backward(); sgd([w, b], lr, batch_size)
      for (const [Xb, yb] of dataIter(batchSize, features, labels)) {
        mx.scope(() => {
          const l = autograd.record(() => loss(net(Xb, w, bias), yb));
          l.backward();
          sgd([w, bias], lr, batchSize);
        });
        Xb.dispose();
        yb.dispose();
      }
      // train_l = loss(net(features, w, b), labels)
      // print(f'epoch {epoch + 1}, loss {float(train_l.mean()):f}')
      const trainL = mx.scope(() =>
        loss(net(features, w, bias), labels)
          .mean()
          .itemSync(),
      );
      losses.push(trainL);
      print(`epoch ${epoch + 1}, loss ${trainL.toFixed(6)}`);
    }
    // print(f'error in estimating w: {true_w - w.reshape(true_w.shape)}')
    // print(f'error in estimating b: {true_b - b}')
    const errW = trueW.sub(w.reshape([...trueW.shape]));
    const errB = np.subtract(trueB, bias);
    print(`error in estimating w: ${errW}`);
    print(`error in estimating b: ${errB}`);
    npx.resetNp();
    return { losses, errW: Array.from(errW.dataSync()), errB: errB.itemSync() };
  });
}

/** `pnpm example d2l-preliminaries [--backend cpu|wasm|tfjs-node]` (it reads synchronously). */
export async function run(): Promise<void> {
  d2lPreliminaries((line) => console.log(line));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mx.useBackend(await createCpuBackend());
  d2lPreliminaries((line) => console.log(line));
}
