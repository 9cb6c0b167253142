import * as mx from '@mxts/core';
import { check, closeValues, expectExact, expectThrows, values } from '../assertions.js';
import { withLogs } from '../suite-support.js';
import { leakFree, type PropertyCheck } from './property-support.js';

const { nd, autograd: ag, init } = mx;

function example(id: string, description: string, body: () => Promise<void>): PropertyCheck {
  return { id, description, run: () => leakFree(id, body) };
}

// A fresh name per call: the registry is process-wide and a check may run more than once.
let registrations = 0;

/** float64 logistic function, for Function's second-order reference. */
const sigmoid64 = (x: number): number => 1 / (1 + Math.exp(-x));

/** The sigmoid of the autograd spec as an `autograd.Function` (MXNet's test_function). */
class SigmoidFn extends ag.Function {
  override forward(x: mx.NDArray): mx.NDArray {
    const y = nd.sigmoid(x);
    this.saveForBackward(y);
    return y;
  }
  override backward(dy: mx.NDArray): mx.NDArray {
    const [y] = this.savedTensors as mx.NDArray[];
    return dy.mul(y).mul(nd.subtract(1, y));
  }
}

/**
 * The audit's differences from MXNet 1.9.1 (issue 15 item 3, and item 4), each checked as
 * MXTS now behaves: MXNet's behaviour, or the documented MXTS one where the README's
 * differences section says why.
 * @example for (const c of auditChecks) await c.run();
 */
export const auditChecks: readonly PropertyCheck[] = [
  example(
    'audit/init-positional-arguments',
    "initializers take MXNet's positional order and refuse extra arguments",
    async () => {
      check(
        new init.Xavier('gaussian', 'in', 2).dumps() ===
          '["xavier", {"rnd_type": "gaussian", "factor_type": "in", "magnitude": 2}]',
        `Xavier('gaussian', 'in', 2).dumps() is ${new init.Xavier('gaussian', 'in', 2).dumps()}`,
      );
      const orth = new init.Orthogonal(2.0, 'normal');
      check(
        orth.randType === 'normal' &&
          orth.dumps() === '["orthogonal", {"scale": 2.0, "rand_type": "normal"}]',
        `Orthogonal(2.0, 'normal').dumps() is ${orth.dumps()}`,
      );
      check(
        new init.MSRAPrelu('in', 0.5).dumps() ===
          '["msraprelu", {"factor_type": "in", "slope": 0.5}]',
        `MSRAPrelu('in', 0.5).dumps() is ${new init.MSRAPrelu('in', 0.5).dumps()}`,
      );
      // Positional then a trailing options object, as Python's keyword arguments.
      check(
        new (init.Xavier as new (...a: unknown[]) => mx.init.Initializer)('gaussian', {
          magnitude: 2,
        }).equals(new init.Xavier({ rndType: 'gaussian', magnitude: 2 })),
        "Xavier('gaussian', { magnitude: 2 }) equals the options form",
      );
      const extra = (f: () => unknown, what: string, text: string) =>
        expectThrows(what, f, mx.InvalidArgumentError, text);
      await extra(
        () => new (init.Xavier as new (...a: unknown[]) => unknown)('gaussian', 'in', 2, 'x'),
        'a fourth Xavier argument',
        'Xavier: takes at most 3 positional arguments',
      );
      await extra(
        () => new (init.Normal as new (...a: unknown[]) => unknown)(0.5, 0.1),
        'a second Normal argument',
        'Normal: takes at most 1 positional argument',
      );
      await extra(
        () => new init.Xavier('uniform', { rndType: 'gaussian' } as never),
        'rndType given twice',
        "got multiple values for argument 'rndType'",
      );
      // The positional form draws what the options form draws, on the same stream.
      const a = nd.zeros([4, 3]);
      const b = nd.zeros([4, 3]);
      mx.random.seed(7);
      new init.Xavier('gaussian', 'in', 2).apply(new init.InitDesc('fc_weight'), a);
      mx.random.seed(7);
      new init.Xavier({ rndType: 'gaussian', factorType: 'in', magnitude: 2 }).apply(
        new init.InitDesc('fc_weight'),
        b,
      );
      closeValues('positional Xavier draws', await values(a), await values(b), {
        rtol: 0,
        atol: 0,
      });
    },
  ),
  example(
    'audit/init-register-twice-warns',
    'registering a name twice warns, even with the same class (MXNet: "isoverriding")',
    async () => {
      class Twice extends init.Initializer {
        override _initWeight(_d: unknown, arr: mx.NDArray): void {
          arr.set(0.5);
        }
      }
      const name = `audittwice${registrations++}`;
      await withLogs((logs) => {
        init.register(Twice, name);
        check(logs.length === 0, `first registration logged ${logs.length} records`);
        init.register(Twice, name);
        check(
          (logs.length as number) === 1 &&
            logs[0].level === 'WARNING' &&
            logs[0].message.includes(`registered with name ${name} isoverriding existing`),
          `second registration logged ${JSON.stringify(logs.map((r) => r.message))}`,
        );
      });
    },
  ),
  example(
    'audit/init-under-record-raises',
    'an initializer writing a variable under record() raises AssignInGraphError (MXNet RecordOp)',
    async () => {
      const w = nd.zeros([2, 2]);
      w.attachGrad();
      for (const [what, initializer] of [
        ['Uniform', new init.Uniform()],
        ['Constant', new init.Constant(3)],
        ['Load', new init.Load({ w_weight: nd.ones([2, 2]) })],
      ] as const) {
        await expectThrows(
          `${what} under record`,
          () => ag.record(() => initializer.apply(new init.InitDesc('w_weight'), w)),
          mx.AssignInGraphError,
          `${what}: Assigning to NDArrays that are already in a computational graph`,
        );
      }
      await expectExact('the refused write left w alone', w, [
        [0, 0],
        [0, 0],
      ]);
      ag.record(() => ag.pause(() => new init.Constant(3).apply('w_weight', w)));
      await expectExact('under pause() it writes', w, [
        [3, 3],
        [3, 3],
      ]);
    },
  ),
  example(
    'audit/dropout-retained-graph-same-mask',
    'a second backward of a retained graph through Dropout uses the same mask',
    async () => {
      const x = nd.ones([200]);
      x.attachGrad();
      const y = ag.record(() => nd.Dropout(x, { p: 0.5 }));
      y.backward({ retainGraph: true });
      const g1 = Array.from(await values(x.grad as mx.NDArray));
      y.backward();
      const g2 = Array.from(await values(x.grad as mx.NDArray));
      const mask = Array.from(await values(y));
      check(
        g1.includes(0) && g1.includes(2),
        'the mask drops some values and scales the rest by 2',
      );
      closeValues('first backward = mask', g1, mask, { rtol: 0, atol: 0 });
      closeValues('second backward = first', g2, g1, { rtol: 0, atol: 0 });
    },
  ),
  example(
    'audit/fresh-grad-on-constant-leaf',
    'freshGrad reads false on a constant leaf and is settable there (MXNet keeps its state)',
    async () => {
      const x = nd.array([1, 2]);
      const c = nd.array([3, 4]);
      const plain = nd.array([5]);
      x.attachGrad();
      const y = ag.record(() => x.mul(c));
      check(!c.freshGrad, 'a constant leaf starts with freshGrad false');
      c.freshGrad = true;
      check(c.freshGrad, 'freshGrad set on a constant leaf reads true');
      y.backward();
      check(x.freshGrad, 'the variable is fresh after backward');
      await expectThrows(
        'freshGrad on an array never recorded',
        () => {
          plain.freshGrad = true;
        },
        mx.NotAVariableError,
      );
    },
  ),
  example(
    'audit/function-backward-under-create-graph',
    "a Function's backward is recorded under createGraph, so a second grad flows through it",
    async () => {
      const xs = [-1.5, 0, 0.5, 2];
      const x = nd.array(xs);
      x.attachGrad();
      const y = ag.record(() => new SigmoidFn().apply(x) as mx.NDArray);
      const [dx] = ag.grad(y, x, { createGraph: true });
      const [ddx] = ag.grad(dx, x);
      const s = xs.map(sigmoid64);
      closeValues(
        "sigmoid' through the Function",
        await values(dx),
        s.map((v) => v * (1 - v)),
        { rtol: 1e-5, atol: 1e-6 },
      );
      closeValues(
        "sigmoid'' through the Function's recorded backward",
        await values(ddx),
        s.map((v) => v * (1 - v) * (1 - 2 * v)),
        { rtol: 1e-4, atol: 1e-6 },
      );
    },
  ),
  example(
    'audit/backward-options-without-head-gradient',
    'y.backward({ retainGraph: true }) reads its argument as options, not a head gradient',
    async () => {
      const x = nd.array([1, 3]);
      x.attachGrad();
      const y = ag.record(() => x.mul(x));
      y.backward({ retainGraph: true });
      await expectExact('first backward', x.grad, [2, 6]);
      y.backward(); // the graph was retained
      await expectExact('second backward', x.grad, [2, 6]);
      await expectThrows('third backward (graph released)', () => y.backward(), mx.NotInGraphError);
    },
  ),
  example(
    'audit/load-path-is-async',
    'new Load(path) raises and names the async factory Load.fromFile (reading a file is async in JS)',
    async () => {
      await expectThrows(
        'new Load(path)',
        () => new init.Load('net.params'),
        mx.InvalidArgumentError,
        'mx.init.Load.fromFile',
      );
    },
  ),
  example(
    'audit/zero-gradient-ops-second-order',
    'with createGraph, floor/ceil/round/sign and comparisons give recorded zeros: a second grad is zeros',
    async () => {
      const xs = [1.3, -2.7, 0.2];
      const unary: [string, (v: mx.NDArray) => mx.NDArray][] = [
        ['floor', nd.floor],
        ['ceil', nd.ceil],
        ['round', nd.round],
        ['sign', nd.sign],
        ['greater', (v) => nd.greater(v, 0)],
        ['lesserEqual', (v) => nd.lesserEqual(v, nd.zerosLike(v))],
      ];
      for (const [name, op] of unary) {
        const x = nd.array(xs);
        x.attachGrad();
        // Only path from x to y goes through the piecewise-constant op.
        // One record callback: its graph (kept by createGraph) is freed with what it returns.
        const [dx, ddx, dddx] = ag.record(() => {
          const y = nd.sin(op(x)).mul(3);
          const [d1] = ag.grad(y, x, { createGraph: true });
          const [d2] = ag.grad(d1, x, { createGraph: true });
          const [d3] = ag.grad(d2, x);
          return [d1, d2, d3];
        });
        await expectExact(`${name}: first order`, dx, [0, 0, 0]);
        await expectExact(`${name}: second order`, ddx, [0, 0, 0]);
        await expectExact(`${name}: third order`, dddx, [0, 0, 0]);
      }
      // Mixed paths: y = floor(x) * x^2 -> dy/dx = 2 x floor(x), d2y/dx2 = 2 floor(x).
      const x = nd.array(xs);
      x.attachGrad();
      const [dx, ddx] = ag.record(() => {
        const [d1] = ag.grad(nd.floor(x).mul(x.mul(x)), x, { createGraph: true });
        return [d1, ag.grad(d1, x)[0]];
      });
      closeValues(
        'floor(x) x^2: first order',
        await values(dx),
        xs.map((v) => 2 * v * Math.floor(v)),
        { rtol: 1e-6, atol: 1e-6 },
      );
      closeValues(
        'floor(x) x^2: second order',
        await values(ddx),
        xs.map((v) => 2 * Math.floor(v)),
        { rtol: 1e-6, atol: 1e-6 },
      );
    },
  ),
];
