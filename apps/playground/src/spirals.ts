import * as mx from '@mxts/core';
import * as gluon from '@mxts/gluon';

/** Two interleaved spirals of 1.25 turns: class k at angle 2.5πt + kπ, radius 4t. */
export function spiralPoints(perClass: number): { X: Float32Array; y: Float32Array } {
  const X = new Float32Array(4 * perClass);
  const y = new Float32Array(2 * perClass);
  for (let k = 0; k < 2; k++) {
    for (let i = 0; i < perClass; i++) {
      const t = 0.1 + (0.9 * i) / (perClass - 1);
      const a = 2.5 * Math.PI * t + k * Math.PI;
      const n = k * perClass + i;
      X[2 * n] = 4 * t * Math.cos(a);
      X[2 * n + 1] = 4 * t * Math.sin(a);
      y[n] = k;
    }
  }
  return { X, y };
}

/** The square the plots show, in data units: [-EXTENT, EXTENT]². */
export const EXTENT = 4.5;

/** One training step's report. */
export interface StepReport {
  step: number;
  /** The minibatch's mean softmax cross-entropy. */
  loss: number;
  /** Milliseconds the step took, its loss read back included. */
  ms: number;
}

/** Options of `SpiralsTrainer`. */
export interface SpiralsOptions {
  perClass?: number;
  hidden?: number;
  batchSize?: number;
  learningRate?: number;
  seed?: number;
}

/**
 * A 2-32-32-2 Gluon MLP learning two spirals with Adam, one minibatch per `step()`. Every
 * step runs in `mx.scope`, so only the data, the parameters, their gradients and Adam's
 * states stay live; `dispose()` frees those.
 *
 * @example
 * const t = new SpiralsTrainer();
 * for (let i = 0; i < 300; i++) console.log((await t.step()).loss);
 * t.dispose();
 */
export class SpiralsTrainer {
  readonly X: Float32Array;
  readonly y: Float32Array;
  private readonly data: mx.NDArray;
  private readonly labels: mx.NDArray;
  private readonly net: gluon.nn.HybridSequential;
  private readonly trainer: gluon.Trainer;
  private readonly lossFn = new gluon.loss.SoftmaxCrossEntropyLoss();
  private readonly batchSize: number;
  private order: number[] = [];
  private steps = 0;
  private seed: number;

  constructor(options: SpiralsOptions = {}) {
    const { perClass = 200, hidden = 32, batchSize = 40, learningRate = 0.01, seed = 0 } = options;
    const { X, y } = spiralPoints(perClass);
    this.X = X;
    this.y = y;
    this.batchSize = batchSize;
    this.seed = seed + 1;
    mx.random.seed(seed);
    this.data = mx.nd.array(X, { shape: [2 * perClass, 2] });
    this.labels = mx.nd.array(y);
    const { nn } = gluon;
    this.net = new nn.HybridSequential();
    this.net.add(new nn.Dense(hidden, { activation: 'relu' }));
    this.net.add(new nn.Dense(hidden, { activation: 'relu' }));
    this.net.add(new nn.Dense(2));
    this.net.initialize(new mx.init.Xavier());
    this.trainer = new gluon.Trainer(this.net.collectParams(), 'adam', { learningRate });
  }

  /** A deterministic shuffle per epoch (a small LCG: the page must give the same curve). */
  private nextBatch(): number[] {
    if (this.order.length < this.batchSize) {
      const n = this.y.length;
      const perm = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
        const j = this.seed % (i + 1);
        [perm[i], perm[j]] = [perm[j], perm[i]];
      }
      this.order = perm;
    }
    return this.order.splice(0, this.batchSize);
  }

  /** One minibatch: forward, backward, `trainer.step`; resolves with its loss and time. */
  async step(): Promise<StepReport> {
    const idx = this.nextBatch();
    const started = performance.now();
    const loss = await mx.scope(async () => {
      const i = mx.nd.array(idx, { dtype: 'int32' });
      const x = mx.nd.take(this.data, i);
      const label = mx.nd.take(this.labels, i);
      const l = mx.autograd.record(() => this.lossFn.forward(this.net.forward(x), label));
      l.backward();
      this.trainer.step(idx.length);
      return mx.nd.mean(l).asscalar();
    });
    this.steps++;
    return { step: this.steps, loss, ms: performance.now() - started };
  }

  /**
   * The probability of class 1 on a `size` x `size` grid over [-EXTENT, EXTENT]², row 0 at
   * the top (y = EXTENT): what the decision-boundary plot paints.
   */
  async grid(size: number): Promise<Float32Array> {
    const cells = new Float32Array(2 * size * size);
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        const k = r * size + c;
        cells[2 * k] = -EXTENT + ((c + 0.5) * 2 * EXTENT) / size;
        cells[2 * k + 1] = EXTENT - ((r + 0.5) * 2 * EXTENT) / size;
      }
    }
    const p = mx.scope(() => {
      const x = mx.nd.array(cells, { shape: [size * size, 2] });
      return mx.nd.sliceAxis(mx.nd.softmax(this.net.forward(x)), { axis: 1, begin: 1, end: 2 });
    });
    const values = Float32Array.from(await p.data());
    p.dispose();
    return values;
  }

  /** The share of the training points the net classifies right. */
  async accuracy(): Promise<number> {
    const out = mx.scope(() => mx.nd.argmax(this.net.forward(this.data), { axis: 1 }));
    const predicted = await out.data();
    out.dispose();
    let right = 0;
    for (let i = 0; i < this.y.length; i++) if (predicted[i] === this.y[i]) right++;
    return right / this.y.length;
  }

  /** Frees the data, the parameters, their gradients and the optimizer's states. */
  dispose(): void {
    this.data.dispose();
    this.labels.dispose();
    for (const p of this.net.collectParams().values()) p.dispose();
    this.trainer.dispose();
  }
}
