import * as mx from '@mxts/core';

const { nd, autograd } = mx;

/**
 * How a soak loop frees its arrays:
 * - `scope`: each step in `mx.scope`, updating with `p.isub(p.grad.mul(lr))` under `pause`;
 * - `sgd`: no scope, the callback form of `record`, `nd.sgdUpdate(p, g, { out: p })`, the loss
 *   read and dropped each step, no `dispose()`;
 * - `adam`: as `sgd` with `nd.adamUpdate`.
 */
export type SoakMode = 'scope' | 'sgd' | 'adam';

const MODES: readonly SoakMode[] = ['scope', 'sgd', 'adam'];

/** The backends' memory after a step. */
export interface SoakSample {
  step: number;
  arrays: number;
  bytes: number;
  /** GPU bytes in use, on backends that report them (WebGPU). */
  gpuBytes?: number;
}

/** What a soak run measured. */
export interface SoakResult {
  mode: SoakMode;
  steps: number;
  /** Live arrays the program holds across steps: data, labels, parameters, grads, states. */
  held: number;
  /** Memory after the steps listed in `sampleAt`. */
  samples: SoakSample[];
  /** Largest `arrays - held - step` over all steps: at most 0 when each step adds <= 1. */
  maxExcess: number;
  /** Live arrays after step 1 (the scoped loop must end with exactly these). */
  afterFirstStep: number;
  firstLoss: number;
  lastLoss: number;
  /** Training accuracy on the spirals after the last step. */
  accuracy: number;
  msPerStep: number;
}

/** Options of {@link spiralsSoak}. */
export interface SoakOptions {
  mode: SoakMode;
  /** Default 2000. */
  steps?: number;
  /** Steps after which memory is recorded (default 10, 1000, 2000). */
  sampleAt?: readonly number[];
  /** Points per class (default 100). */
  pointsPerClass?: number;
}

/** Two interleaved spirals, deterministic (no random source): [x, y] rows and 0/1 labels. */
function spirals(perClass: number): { points: number[]; labels: number[] } {
  const points: number[] = [];
  const labels: number[] = [];
  for (let c = 0; c < 2; c++) {
    for (let i = 0; i < perClass; i++) {
      const r = (i + 1) / perClass;
      const t = 1.75 * Math.PI * r + c * Math.PI;
      points.push(r * Math.cos(t), r * Math.sin(t));
      labels.push(c);
    }
  }
  return { points, labels };
}

async function readScalar(x: mx.NDArray, sync: boolean): Promise<number> {
  return sync ? x.dataSync()[0] : (await x.data())[0];
}

function sample(step: number): SoakSample {
  const m = mx.memory();
  const s: SoakSample = { step, arrays: m.arrays, bytes: m.bytes };
  if (m.gpuBytes !== undefined) s.gpuBytes = m.gpuBytes;
  return s;
}

/**
 * Trains a 2-32-2 MLP on two spirals for `steps` full-batch steps and records the backends'
 * live arrays and bytes: the training-loop soak of MXTS's memory rules. A backend with
 * synchronous reads runs the loop without yielding to the event loop, so no finalizer can
 * run and only the memory rules keep it flat. Everything it allocates is disposed at the end.
 *
 * @example
 * mx.useBackend(await createCpuBackend());
 * const r = await spiralsSoak({ mode: 'sgd', steps: 2000 });
 * r.maxExcess <= 0; // at most one unreached loss per step
 */
export async function spiralsSoak(options: SoakOptions): Promise<SoakResult> {
  const { mode, steps = 2000, sampleAt = [10, 1000, 2000], pointsPerClass = 100 } = options;
  if (!(MODES as readonly unknown[]).includes(mode)) {
    throw new mx.InvalidArgumentError(
      'spiralsSoak',
      `mode must be one of ${MODES.join(', ')}, got ${String(mode)}`,
    );
  }
  for (const [name, v, min] of [
    ['steps', steps, 1],
    ['pointsPerClass', pointsPerClass, 2],
  ] as const) {
    if (!Number.isInteger(v) || v < min) {
      throw new mx.InvalidArgumentError(
        'spiralsSoak',
        `${name} must be an integer >= ${min}, got ${v}`,
      );
    }
  }
  const sync = mx.backendFor(mx.currentContext()).capabilities.syncRead;
  const lr = mode === 'adam' ? 0.01 : 0.5;
  const { points, labels } = spirals(pointsPerClass);
  const n = 2 * pointsPerClass;
  const owned: mx.NDArray[] = [];
  const own = <T extends mx.NDArray>(a: T): T => {
    owned.push(a);
    return a;
  };
  mx.random.seed(42);
  const x = own(nd.array(points, { shape: [n, 2] }));
  const y = own(nd.array(labels));
  const params = [
    own(nd.random.normal({ shape: [32, 2], scale: 0.5 })),
    own(nd.zeros([32])),
    own(nd.random.normal({ shape: [2, 32], scale: 0.5 })),
    own(nd.zeros([2])),
  ];
  for (const p of params) p.attachGrad();
  const adamStates =
    mode === 'adam' ? params.map((p) => [own(nd.zerosLike(p)), own(nd.zerosLike(p))]) : [];
  const [w1, b1, w2, b2] = params;
  const lossOf = () => {
    const h = nd.relu(nd.FullyConnected(x, w1, b1, { numHidden: 32 }));
    const out = nd.FullyConnected(h, w2, b2, { numHidden: 2 });
    return nd.mean(nd.negative(nd.pick(nd.logSoftmax(out), y)));
  };
  const held = mx.memory().arrays;
  const result: SoakResult = {
    mode,
    steps,
    held,
    samples: [],
    maxExcess: Number.NEGATIVE_INFINITY,
    afterFirstStep: 0,
    firstLoss: Number.NaN,
    lastLoss: Number.NaN,
    accuracy: 0,
    msPerStep: 0,
  };
  const start = performance.now();
  try {
    for (let step = 1; step <= steps; step++) {
      let loss: number;
      if (mode === 'scope') {
        loss = await mx.scope(async () => {
          const l = autograd.record(lossOf);
          l.backward();
          autograd.pause(() => {
            for (const p of params) p.isub(p.grad!.mul(lr));
          });
          return readScalar(l, sync);
        });
      } else {
        const l = autograd.record(lossOf);
        l.backward();
        params.forEach((p, i) => {
          if (mode === 'sgd') nd.sgdUpdate(p, p.grad!, { lr, out: p });
          else {
            const [mean, var_] = adamStates[i];
            nd.adamUpdate(p, p.grad!, mean, var_, { lr, out: p });
          }
        });
        loss = await readScalar(l, sync);
      }
      if (step === 1) result.firstLoss = loss;
      result.lastLoss = loss;
      const live = mx.memory().arrays;
      if (step === 1) result.afterFirstStep = live;
      result.maxExcess = Math.max(result.maxExcess, live - held - step);
      if (sampleAt.includes(step)) result.samples.push(sample(step));
    }
    result.msPerStep = (performance.now() - start) / steps;
    result.accuracy = await mx.scope(async () => {
      const out = autograd.predictMode(() =>
        nd.FullyConnected(nd.relu(nd.FullyConnected(x, w1, b1, { numHidden: 32 })), w2, b2, {
          numHidden: 2,
        }),
      );
      // Two classes: the prediction is whether the second logit is the larger.
      const second = nd.sliceAxis(out, { axis: 1, begin: 1, end: 2 });
      const first = nd.sliceAxis(out, { axis: 1, begin: 0, end: 1 });
      const predicted = nd.reshape(nd.greater(second, first), { shape: [n] });
      const right = nd.sum(nd.equal(predicted, y));
      return (await readScalar(right, sync)) / n;
    });
  } finally {
    for (const a of owned) a.dispose();
  }
  return result;
}
