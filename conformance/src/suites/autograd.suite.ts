import * as mx from '@mxts/core';
import {
  check,
  expectClose,
  expectExact,
  expectShape,
  expectText,
  expectThrows,
} from '../assertions.js';
import { defineSuite } from '../conformance-case.js';
import { Sigmoid } from '../sigmoid-function.js';

const { nd, autograd: ag } = mx;

const E1 = 'Cannot differentiate node because it is not in a computational graph.';

/** MXNet's autograd semantics: mxnet-tests.md sections A-F and autograd.md. */
export const autogradCases = defineSuite('autograd', [
  {
    name: 'A1-initial-state-and-setters',
    run() {
      check(!ag.isRecording() && !ag.isTraining(), 'flags start false');
      check(ag.setRecording(true) === false, 'setRecording returns the previous value (false)');
      check(ag.setRecording(true) === true, 'setRecording returns the previous value (true)');
      check(ag.setTraining(true) === false, 'setTraining returns the previous value');
      ag.setRecording(false);
      ag.setTraining(false);
    },
  },
  {
    name: 'A2-scope-nesting',
    run() {
      const flags = () => [ag.isRecording(), ag.isTraining()].join();
      ag.record(() => {
        check(flags() === 'true,true', 'record: recording and training');
        ag.predictMode(() => check(flags() === 'true,false', 'record>predictMode'));
        check(flags() === 'true,true', 'after predictMode, training is back');
        ag.pause(() => check(flags() === 'false,false', 'record>pause'));
        check(flags() === 'true,true', 'after pause, both back');
        ag.pause(() => check(flags() === 'false,true', 'pause(trainMode) inside record'), {
          trainMode: true,
        });
      });
      ag.record(
        () => {
          check(flags() === 'true,false', 'record(trainMode: false)');
          ag.trainMode(() => check(flags() === 'true,true', 'record(false)>trainMode'));
        },
        { trainMode: false },
      );
      check(flags() === 'false,false', 'after all scopes');
      ag.trainMode(() => check(flags() === 'false,true', 'trainMode alone'));
    },
  },
  {
    name: 'A2-scopes-with-using',
    run() {
      {
        using _r = ag.record();
        check(ag.isRecording() && ag.isTraining(), 'using record()');
        {
          using _p = ag.predictMode();
          check(ag.isRecording() && !ag.isTraining(), 'using predictMode()');
        }
        check(ag.isTraining(), 'predictMode scope restored training');
      }
      check(!ag.isRecording() && !ag.isTraining(), 'using scopes restored both flags');
    },
  },
  {
    name: 'A2-restore-quirk',
    run() {
      // MXNet restores a flag only when its previous value differs from the entered one.
      ag.record(() => {
        ag.record(() => ag.setRecording(false));
        check(!ag.isRecording(), 'inner record scope leaves a manual setRecording(false) in place');
      });
    },
  },
  {
    name: 'A3-scope-restores-after-exception',
    async run() {
      await expectThrows(
        'throw inside record',
        () =>
          ag.record(() => {
            throw new RangeError('boom');
          }),
        RangeError,
      );
      check(!ag.isRecording(), 'recording is false after the exception');
    },
  },
  {
    name: 'A3-async-callback-rejected',
    async run() {
      await expectThrows(
        'async callback',
        () => ag.record(async () => 1),
        mx.InvalidArgumentError,
        'Promise',
      );
      check(!ag.isRecording(), 'recording restored');
    },
  },
  {
    name: 'A6-dropout-predict-mode',
    async run() {
      const x = nd.ones([10, 10]);
      x.attachGrad();
      const y = ag.record(() => ag.predictMode(() => nd.Dropout(x, { p: 0.5 })));
      await expectClose('predict-mode Dropout is identity', y, onesList(10, 10));
      y.backward(null, { trainMode: false });
      await expectClose('x.grad', x.grad, onesList(10, 10));
      const y2 = ag.record(() => nd.Dropout(x, { p: 0.5 }), { trainMode: false });
      await expectClose('record(trainMode: false) Dropout is identity', y2, onesList(10, 10));
    },
  },
  {
    name: 'B1-grad-before-and-after',
    async run() {
      const x = nd.zeros([10, 10]);
      check(x.grad === null, 'x.grad is null before attachGrad');
      x.attachGrad();
      await expectClose('x.grad after attachGrad', x.grad, zerosList(10, 10));
      const y = ag.record(() => x.mul(2));
      check(y.grad === null, 'an intermediate has no grad');
      y.backward(nd.onesLike(y));
      await expectClose('x.grad', x.grad, fullList(2, 10, 10));
    },
  },
  {
    name: 'B2-tutorial-2x-squared',
    async run() {
      const x = nd.array([1, 2, 3]);
      x.attachGrad();
      const y = ag.record(() => nd.multiply(2, nd.power(x, 2)));
      y.backward();
      expectText(
        'print(x.grad)',
        await mx.repr(x.grad!),
        `\n[ 4.  8. 12.]\n<NDArray 3 @${ctxName(x)}>`,
      );
    },
  },
  {
    name: 'B3-crash-course-2x2',
    async run() {
      const x = nd.array([
        [1, 2],
        [3, 4],
      ]);
      x.attachGrad();
      const y = ag.record(() => x.mul(2).mul(x));
      y.backward();
      expectText(
        'repr(x.grad)',
        await mx.repr(x.grad!),
        `\n[[ 4.  8.]\n [12. 16.]]\n<NDArray 2x2 @${ctxName(x)}>`,
      );
    },
  },
  {
    name: 'B4-custom-head-gradient',
    async run() {
      const x = nd.array([2]);
      x.attachGrad();
      const y = ag.record(() => x.pow(3));
      y.backward(nd.array([16]));
      expectText('print(x.grad)', await mx.repr(x.grad!), `\n[192.]\n<NDArray 1 @${ctxName(x)}>`);
    },
  },
  {
    name: 'B5-multiple-heads-mixed-head-grads',
    async run() {
      const x = nd.ones([3, 5]);
      const dx = nd.zerosLike(x);
      ag.markVariables([x], [dx]);
      ag.record(() => {
        const [a, b, c] = nd.split(x, { axis: 0, numOutputs: 3, squeezeAxis: true });
        ag.backward([a, b, c], [null, nd.array([1, 2, 3, 4, 5]), nd.array([5, 4, 3, 2, 1])]);
      });
      await expectClose('dx', dx, [
        [1, 1, 1, 1, 1],
        [1, 2, 3, 4, 5],
        [5, 4, 3, 2, 1],
      ]);
    },
  },
  {
    name: 'B6-retain-graph-with-add',
    async run() {
      const x = nd.ones([2, 2]);
      const dx = nd.zeros([2, 2]);
      ag.markVariables([x], [dx], 'add');
      let y = ag.record(() => x.add(1));
      y.backward();
      await expectClose('step 1', dx, fullList(1, 2, 2));
      dx.set(0);
      y = ag.record(() => x.add(1));
      y.backward(null, { retainGraph: true });
      y.backward();
      await expectClose('step 2', dx, fullList(2, 2, 2));
      y = ag.record(() => x.add(1));
      y.backward();
      await expectThrows('second backward', () => y.backward(), mx.NotInGraphError, E1);
    },
  },
  {
    name: 'B7-write-overwrites',
    async run() {
      const x = nd.array([1, 2]);
      x.attachGrad();
      for (let i = 0; i < 2; i++) {
        ag.record(() => x.mul(3)).backward();
        await expectClose(`pass ${i}`, x.grad, [3, 3]);
      }
    },
  },
  {
    name: 'B8-add-accumulates',
    async run() {
      const x = nd.array([1, 2]);
      x.attachGrad('add');
      for (let i = 0; i < 2; i++) ag.record(() => x.mul(x)).backward();
      await expectClose('two passes', x.grad, [4, 8]);
      x.grad!.set(0);
      ag.record(() => x.mul(x)).backward();
      await expectClose('after zeroing through the shared handle', x.grad, [2, 4]);
    },
  },
  {
    name: 'B9-null-req',
    async run() {
      const x = nd.array([1, 2]);
      const w = nd.array([3, 4]);
      x.attachGrad('null');
      w.attachGrad();
      await expectClose('x.grad before', x.grad, [0, 0]);
      ag.record(() => x.mul(w)).backward();
      await expectClose('w.grad', w.grad, [1, 2]);
      check(x.grad === null, "a reached 'null' variable loses its node after backward");
      const z = nd.array([1, 2]);
      z.attachGrad('null');
      const y = ag.record(() => z.mul(2));
      await expectThrows(
        'only null-req inputs',
        () => y.backward(),
        mx.NoGradInputsError,
        'There are no inputs',
      );
    },
  },
  {
    name: 'B10-backward-without-record',
    async run() {
      const x = nd.array([1, 2]);
      x.attachGrad();
      const y = x.mul(2);
      await expectThrows('backward outside record', () => y.backward(), mx.NotInGraphError, E1);
    },
  },
  {
    name: 'B11-record-without-grad-inputs',
    async run() {
      const y = ag.record(() => nd.ones([3]).mul(2));
      await expectThrows('nothing recorded', () => y.backward(), mx.NotInGraphError, E1);
    },
  },
  {
    name: 'B12-inplace-under-record',
    async run() {
      const x = nd.array([1, 2]);
      x.attachGrad();
      await expectThrows(
        'x += 1 under record',
        () => ag.record(() => x.iadd(1)),
        mx.AssignInGraphError,
        'Assigning to NDArrays',
      );
      await expectClose('the write already happened', x, [2, 3]);
      x.iadd(1);
      await expectClose('outside record it works', x, [3, 4]);
      check(x.grad !== null, 'x is still a variable');
      const c = nd.array([0, 0]);
      await expectThrows(
        'plain c += variable',
        () => ag.record(() => c.iadd(x)),
        mx.InplaceRecordingError,
        'Inplace operations',
      );
    },
  },
  {
    name: 'B13-fresh-grad-and-detach',
    async run() {
      const x = nd.ones([2, 2]);
      const dx = nd.zerosLike(x);
      const y = nd.onesLike(x);
      const dy = nd.zerosLike(x);
      ag.markVariables([x, y], [dx, dy]);
      check(!x.freshGrad && !y.freshGrad, 'fresh flags start false');
      ag.record(() => x.add(2).add(y)).backward();
      await expectClose('dx', dx, fullList(1, 2, 2));
      check(x.freshGrad && y.freshGrad, 'both fresh after backward');
      dx.set(0);
      x.freshGrad = false;
      y.freshGrad = false;
      ag.record(() => x.add(2).detach().add(y)).backward();
      await expectClose('dx after detach', dx, fullList(0, 2, 2));
      check(y.freshGrad && !x.freshGrad, 'only y fresh');
      await expectThrows(
        'freshGrad on a plain array',
        () => {
          nd.ones([1]).freshGrad = true;
        },
        mx.NotAVariableError,
      );
    },
  },
  {
    name: 'B14-binary-fan-in',
    async run() {
      const cases: [string, (x: mx.NDArray, y: mx.NDArray) => mx.NDArray, number[], number[]][] = [
        ['x+y', (x, y) => x.add(y), [1, 1, 1], [1, 1, 1]],
        ['x*y', (x, y) => x.mul(y), [4, 5, 6], [1, 2, 3]],
        ['x+x*y', (x, y) => x.add(x.mul(y)), [5, 6, 7], [1, 2, 3]],
      ];
      for (const [name, f, gx, gy] of cases) {
        const x = nd.array([1, 2, 3]);
        const y = nd.array([4, 5, 6]);
        x.attachGrad();
        y.attachGrad();
        ag.record(() => f(x, y)).backward();
        await expectClose(`${name} grad x`, x.grad, gx);
        await expectClose(`${name} grad y`, y.grad, gy);
      }
    },
  },
  {
    name: 'B15-unary-gradients',
    async run() {
      const x = nd.array([0.5, 1, 2]);
      x.attachGrad();
      ag.record(() => nd.exp(x)).backward();
      await expectClose('exp', x.grad, [1.6487212, 2.7182817, 7.389056]);
      ag.record(() => x.div(2)).backward();
      await expectExact('x/2', x.grad, [0.5, 0.5, 0.5]);
      ag.record(() => x.pow(2)).backward();
      await expectClose('x**2', x.grad, [1, 2, 4]);
    },
  },
  {
    name: 'B16-argnum',
    async run() {
      const f = (a: mx.NDArray, b: mx.NDArray, add: boolean) => (add ? a.add(b) : a.mul(b));
      for (const add of [true, false]) {
        const a = nd.array([1, 2]);
        const b = nd.array([3, 4]);
        a.attachGrad();
        b.attachGrad();
        ag.record(() => f(a, b, add)).backward();
        await expectClose('grad a', a.grad, add ? [1, 1] : [3, 4]);
        await expectClose('grad b', b.grad, add ? [1, 1] : [1, 2]);
      }
    },
  },
  {
    name: 'B17-fully-connected-all-inputs-get-grads',
    async run() {
      const a = nd.full([64, 50], 0.5);
      const b = nd.full([64, 50], 0.25);
      const w = nd.full([32, 50], 0.1);
      const bias = nd.zeros([32]);
      for (const v of [a, b, w, bias]) v.attachGrad();
      ag.record(() => nd.FullyConnected(a.mul(b), w, bias, { numHidden: 32 })).backward();
      for (const [name, v] of [
        ['a', a],
        ['b', b],
        ['weight', w],
        ['bias', bias],
      ] as const) {
        expectShape(`grad ${name}`, v.grad!, v.shape);
      }
      await expectClose('grad bias', bias.grad, fullList(64, 32));
      await expectClose('grad a', a.grad, fullList(32 * 0.1 * 0.25, 64, 50), { rtol: 1e-5 });
    },
  },
  {
    name: 'B18-backward-on-a-variable-head',
    async run() {
      const x = nd.array([1, 2]);
      x.attachGrad();
      x.backward();
      await expectClose('x.grad', x.grad, [1, 1]);
      check(x.grad !== null, 'x is still a variable');
    },
  },
  {
    name: 'B19-constants-outside-record',
    async run() {
      const x = nd.array([1, 2]);
      x.attachGrad();
      const c = x.mul(2);
      ag.record(() => c.mul(x)).backward();
      await expectClose('x.grad == c', x.grad, [2, 4]);
    },
  },
  {
    name: 'C1-create-graph',
    async run() {
      const x = nd.ones([1]);
      x.attachGrad();
      const z = ag.record(() => nd.elemwiseAdd(nd.exp(x), x));
      const [dx] = ag.grad(z, [x], { createGraph: true });
      await expectClose('dx', dx, [3.71828175], { rtol: 0, atol: 1e-7 });
      expectText('print([dx])', await mx.repr([dx]), `[\n[3.7182817]\n<NDArray 1 @${ctxName(x)}>]`);
      await expectClose('x.grad untouched', x.grad, [0]);
      dx.backward();
      await expectClose('x.grad after dx.backward()', x.grad, [2.71828175], {
        rtol: 0,
        atol: 1e-7,
      });
    },
  },
  {
    name: 'C2-grad-returns-a-list',
    run() {
      const x = nd.array([1, 2]);
      x.attachGrad();
      const y = ag.record(() => x.mul(x));
      const out = ag.grad(y, x);
      check(Array.isArray(out) && out.length === 1, 'grad(y, x) returns a one-element list');
    },
  },
  {
    name: 'C3-grad-unmarked-variable',
    async run() {
      const x = nd.array([1, 2]);
      const w = nd.array([3, 4]);
      x.attachGrad();
      const y = ag.record(() => x.mul(w));
      await expectThrows(
        'grad wrt w',
        () => ag.grad(y, [x, w]),
        mx.VariableWithoutGradError,
        'Cannot differentiate with respect to the 2-th variable because it does not require gradient.',
      );
    },
  },
  {
    name: 'C4-argument-checks',
    async run() {
      const x = nd.array([1, 2]);
      x.attachGrad();
      const [a, b] = ag.record(() => [x.mul(2), x.mul(3)]);
      await expectThrows(
        'empty variables',
        () => ag.grad(a, []),
        mx.InvalidArgumentError,
        'variables cannot be an empty list.',
      );
      await expectThrows(
        'head grads length',
        () => ag.backward([a, b], [nd.ones([2])]),
        mx.InvalidArgumentError,
        'heads and headGrads must be arrays of the same length',
      );
    },
  },
  {
    name: 'C5-second-order-log',
    async run() {
      const x = nd.array([0.5, 1, 2]);
      x.attachGrad();
      const [g1, g2] = ag.record(() => {
        const y = nd.log(x);
        const [d1] = ag.grad(y, x, { createGraph: true, retainGraph: true });
        const [d2] = ag.grad(d1, x);
        return [d1, d2];
      });
      await expectClose('g1', g1, [2, 1, 0.5]);
      await expectClose('g2', g2, [-4, -1, -0.25]);
    },
  },
  {
    name: 'C6-second-and-third-order-sin-cos',
    async run() {
      const x = nd.array([0.5, 1, 2]);
      x.attachGrad();
      const nth = (f: (v: mx.NDArray) => mx.NDArray, n: number) =>
        ag.record(() => {
          let y = f(x);
          for (let i = 0; i < n; i++) [y] = ag.grad(y, x, { createGraph: true, retainGraph: true });
          return y;
        });
      await expectClose("sin''", nth(nd.sin, 2), [-0.47942555, -0.84147096, -0.9092974], {
        rtol: 1e-5,
      });
      await expectClose("cos''", nth(nd.cos, 2), [-0.87758255, -0.5403023, 0.41614684], {
        rtol: 1e-5,
      });
      await expectClose("sin'''", nth(nd.sin, 3), [-0.87758255, -0.5403023, 0.41614684], {
        rtol: 1e-5,
      });
      await expectClose("cos'''", nth(nd.cos, 3), [0.47942555, 0.84147096, 0.9092974], {
        rtol: 1e-5,
      });
    },
  },
  {
    name: 'C7-second-order-spot-checks',
    async run() {
      const second = (f: (v: mx.NDArray) => mx.NDArray, at: number) => {
        const x = nd.array([at]);
        x.attachGrad();
        return ag.record(() => {
          const [d1] = ag.grad(f(x), x, { createGraph: true, retainGraph: true });
          const [d2] = ag.grad(d1, x);
          return [d1, d2] as const;
        });
      };
      let [d1, d2] = second(nd.sigmoid, 0);
      await expectClose("sigmoid' at 0", d1, [0.25]);
      await expectClose("sigmoid'' at 0", d2, [0]);
      [d1, d2] = second(nd.tanh, 0);
      await expectClose("tanh' at 0", d1, [1]);
      await expectClose("tanh'' at 0", d2, [0]);
      [d1, d2] = second(nd.square, 3);
      await expectClose("square' at 3", d1, [6]);
      await expectClose("square'' at 3", d2, [2]);
    },
  },
  {
    name: 'C8-dense-second-order',
    async run() {
      const w = nd.full([2, 3], 0.5);
      const b = nd.zeros([2]);
      const x = nd.arange(6).reshape([2, 3]);
      x.attachGrad();
      w.attachGrad();
      const oy = nd.arange(4).reshape([2, 2]);
      const o6 = nd.arange(6).reshape([2, 3]);
      const res = ag.record(() => {
        const y = nd.FullyConnected(x, w, b, { numHidden: 2 });
        const [xg, wg] = ag.grad(y, [x, w], {
          headGrads: oy,
          createGraph: true,
          retainGraph: true,
        });
        const [wgg] = ag.grad(xg, [w], { headGrads: o6, retainGraph: true });
        const [xgg] = ag.grad(wg, [x], { headGrads: o6 });
        return { y, xg, wg, wgg, xgg };
      });
      await expectClose('y', res.y, [
        [1.5, 1.5],
        [6, 6],
      ]);
      await expectClose('x_grad', res.xg, [
        [0.5, 0.5, 0.5],
        [2.5, 2.5, 2.5],
      ]);
      await expectClose('w_grad', res.wg, [
        [6, 8, 10],
        [9, 13, 17],
      ]);
      await expectClose('w_grad_grad', res.wgg, [
        [6, 8, 10],
        [9, 13, 17],
      ]);
      await expectClose('x_grad_grad', res.xgg, [
        [3, 4, 5],
        [9, 14, 19],
      ]);
    },
  },
  {
    name: 'D1-get-symbol-arguments',
    run() {
      const x = nd.ones([1]);
      x.attachGrad();
      const y = ag.record(() => x.mul(x).add(x.mul(2)).sub(1));
      check(ag.getSymbol(y).listArguments().length === 1, 'x*x + 2*x - 1 has one argument');
      const z = nd.ones([1]);
      z.attachGrad();
      const y2 = ag.record(() => x.mul(x).add(z.mul(2)).sub(1));
      const args = ag.getSymbol(y2).listArguments();
      check(args.length === 2, `x*x + 2*z - 1 has two arguments, got ${args.join(', ')}`);
      check(
        args[0] === ag.getSymbol(ag.record(() => x.mul(1))).listArguments()[0],
        "x's name comes first",
      );
    },
  },
  {
    name: 'D1-symbol-json',
    run() {
      const x = nd.ones([1]);
      x.attachGrad();
      const y = ag.record(() => x.mul(2));
      const json = JSON.parse(ag.getSymbol(y).toJSON());
      check(json.nodes.length === 2, 'two nodes');
      check(
        json.nodes[1].op === '_mul_scalar' && json.nodes[1].attrs.scalar === '2.0',
        'scalar attr is "2.0"',
      );
      check(
        json.nodes[0].op === 'null' && /^var\d+$/.test(json.nodes[0].name),
        'variable named var<c>',
      );
      check(
        JSON.stringify(json.arg_nodes) === '[0]' && JSON.stringify(json.heads) === '[[1,0,0]]',
        'arg_nodes and heads',
      );
      check(json.attrs.mxnet_version[1] === 10901, 'mxnet_version 10901');
    },
  },
  {
    name: 'D2-get-symbol-not-recorded',
    async run() {
      await expectThrows(
        'getSymbol(ones)',
        () => ag.getSymbol(nd.ones([2])),
        mx.NotInSymbolGraphError,
        'NDArray is not part of a computation graph',
      );
    },
  },
  {
    name: 'D3-constant-argument',
    run() {
      const x = nd.ones([1]);
      x.attachGrad();
      const c = nd.ones([1]);
      const args = ag.getSymbol(ag.record(() => x.mul(c))).listArguments();
      check(
        args.length === 2 && /^var\d+$/.test(args[0]) && /^null\d+$/.test(args[1]),
        `var<k>, null<m>: got ${args.join(', ')}`,
      );
    },
  },
  {
    name: 'E1-two-output-function',
    async run() {
      class F extends ag.Function {
        override forward(x: mx.NDArray, y: mx.NDArray) {
          this.saveForBackward(x, y);
          return [x.div(y), x.mul(y)];
        }
        override backward(dm: mx.NDArray, dn: mx.NDArray) {
          const [x, y] = this.savedTensors as mx.NDArray[];
          return [dm.div(y).add(dn.mul(y)), dn.mul(x).sub(dm.mul(x).div(y).div(y))];
        }
      }
      const x = nd.array([0.5488135, 0.5928446, 0.71518934, 0.84426576, 0.60276335]);
      const y = nd.array([0.6458941, 0.3843817, 0.4375872, 0.2975346, 0.891773]);
      x.attachGrad();
      y.attachGrad();
      ag.record(() => ag.backward(new F().apply(x, y) as mx.NDArray[]));
      const fx = await x.grad!.data();
      const fy = await y.grad!.data();
      ag.record(() => ag.backward([x.div(y), x.mul(y)]));
      await expectClose('grad x', x.grad, Array.from(fx), { rtol: 0, atol: 1e-6 });
      await expectClose('grad y', y.grad, Array.from(fy), { rtol: 0, atol: 1e-6 });
    },
  },
  {
    name: 'E2-function-on-plain-arrays',
    async run() {
      class Foo extends ag.Function {
        override forward(x: mx.NDArray) {
          return x.add(1);
        }
        override backward(dy: mx.NDArray) {
          return dy;
        }
      }
      const X = ag.record(() => {
        let v = nd.zeros([3, 4]);
        for (let i = 0; i < 5; i++) v = new Foo().apply(v) as mx.NDArray;
        return v;
      });
      await expectClose('X', X, fullList(5, 3, 4));
    },
  },
  {
    name: 'E3-sigmoid-function',
    async run() {
      const x = nd.array([
        0.5488135, 0.5928446, 0.71518934, 0.84426576, 0.60276335, 0.8579456, 0.5448832, 0.8472517,
        0.4236548, 0.6235637,
      ]);
      x.attachGrad();
      ag.record(() => new Sigmoid().apply(x) as mx.NDArray).backward();
      await expectClose(
        'dx',
        x.grad,
        [
          0.23208144, 0.22925895, 0.2205717, 0.21025445, 0.22859976, 0.20910253, 0.23232493,
          0.2100039, 0.23910952, 0.22719035,
        ],
        { rtol: 2e-7, atol: 0 },
      );
    },
  },
  {
    name: 'E4-function-called-twice',
    async run() {
      class Foo extends ag.Function {
        override forward(x: mx.NDArray) {
          return x.add(1);
        }
      }
      const f = new Foo();
      const x = nd.ones([1]);
      f.apply(x);
      await expectThrows(
        'second call',
        () => f.apply(x),
        mx.InvalidArgumentError,
        'Each Function instance can only be called once.',
      );
    },
  },
  {
    name: 'E5-function-outside-record',
    async run() {
      class Foo extends ag.Function {
        override forward(x: mx.NDArray) {
          return x.add(1);
        }
      }
      const x = nd.ones([1]);
      x.attachGrad();
      const y = new Foo().apply(x) as mx.NDArray;
      await expectThrows(
        'backward on a non-recorded result',
        () => y.backward(),
        mx.NotInGraphError,
        E1,
      );
    },
  },
  {
    name: 'E6-function-backward-not-recording',
    run() {
      let seen: boolean | null = null;
      class Foo extends ag.Function {
        override forward(x: mx.NDArray) {
          return x.mul(2);
        }
        override backward(dy: mx.NDArray) {
          seen = ag.isRecording();
          return dy.mul(2);
        }
      }
      const x = nd.ones([1]);
      x.attachGrad();
      ag.record(() => {
        const y = new Foo().apply(x) as mx.NDArray;
        y.backward();
      });
      check(seen === false, `isRecording inside Function.backward was ${seen}`);
    },
  },
  {
    name: 'E7-function-grad-req-add-and-null',
    async run() {
      // MXNet 1.9.1 drops 'add' and stops at a 'null' input; MXTS does what was intended.
      class Mul extends ag.Function {
        override forward(a: mx.NDArray, b: mx.NDArray) {
          this.saveForBackward(a, b);
          return a.mul(b);
        }
        override backward(dy: mx.NDArray) {
          const [a, b] = this.savedTensors as mx.NDArray[];
          return [dy.mul(b), dy.mul(a)];
        }
      }
      const a = nd.array([1, 2]);
      const b = nd.array([3, 4]);
      a.attachGrad('null');
      b.attachGrad('add');
      for (let i = 0; i < 2; i++) ag.record(() => new Mul().apply(a, b) as mx.NDArray).backward();
      await expectClose('b.grad accumulates', b.grad, [2, 4]);
    },
  },
  {
    name: 'F2-piecewise-polynomial',
    async run() {
      // The tutorial's f: x^2 below 0.5, x^3 below 0.7, x^4 below 0.8, then constant.
      const grads: number[] = [];
      for (let i = 0; i < 10; i++) {
        const x = nd.array([i * 0.1]);
        x.attachGrad();
        ag.record(() =>
          i < 5 ? x.mul(x) : i < 7 ? x.pow(3) : i < 8 ? x.pow(4) : x.mul(0),
        ).backward();
        grads.push((await x.grad!.data())[0]);
      }
      const expected = [0, 0.2, 0.4, 0.6, 0.8, 0.75, 1.08, 1.372, 0, 0];
      expected.forEach((e, i) => {
        check(Math.abs(grads[i] - e) < 1e-6, `x=${i / 10}: grad ${grads[i]}, expected ${e}`);
      });
    },
  },
  {
    name: 'grad-leaves-grad-buffers-alone-and-write-zero-for-unreached',
    async run() {
      const x = nd.array([1, 2]);
      const w = nd.array([5, 5]);
      x.attachGrad();
      w.attachGrad();
      w.grad!.set(7);
      // w is not reached from y: backward leaves its buffer as it is.
      ag.record(() => x.mul(x)).backward();
      await expectClose('w.grad unchanged', w.grad, [7, 7]);
      const y = ag.record(() => x.mul(0).add(w.mul(0)));
      const [gx, gw] = ag.grad(y, [x, w]);
      await expectClose('gx', gx, [0, 0]);
      await expectClose('gw', gw, [0, 0]);
    },
  },
  {
    name: 'take-gradient-keeps-nan-in-its-row',
    async run() {
      const a = nd.array([
        [1, 2],
        [3, 4],
        [5, 6],
      ]);
      a.attachGrad();
      const y = ag.record(() => nd.take(a, nd.array([2, 0, 2])));
      y.backward(
        nd.array([
          [1, Number.NaN],
          [10, 20],
          [100, 200],
        ]),
      );
      await expectClose('a.grad', a.grad, [
        [10, 20],
        [0, 0],
        [101, Number.NaN],
      ]);
    },
  },
  {
    name: 'grad-results-outlive-the-graph',
    async run() {
      // A Function whose backward hands back a saved input: the result must stay valid
      // after the graph that saved it is released.
      class Pass extends ag.Function {
        override forward(x: mx.NDArray) {
          return x.mul(1);
        }
        override backward(dy: mx.NDArray) {
          return dy;
        }
      }
      const x = nd.array([1, 2]);
      x.attachGrad();
      const y = ag.record(() => new Pass().apply(x.mul(3)) as mx.NDArray);
      const [gx] = ag.grad(y, [x]);
      await expectClose('gx', gx, [3, 3]);
      const z = ag.record(() => x.mul(x));
      const [gz] = ag.grad(z, [x], { headGrads: [nd.array([1, 1])] });
      await expectClose('gz', gz, [2, 4]);
    },
  },
  {
    name: 'set-broadcasts-like-numpy-broadcastTo-keeps-axes',
    async run() {
      const x = nd.zeros([2, 3]);
      x.set(nd.array([1, 2, 3]));
      await expectClose('x[:] = [1, 2, 3]', x, [
        [1, 2, 3],
        [1, 2, 3],
      ]);
      await expectThrows(
        'broadcast_to((3,), (2, 3))',
        () => nd.broadcastTo(nd.ones([3]), { shape: [2, 3] }),
        mx.ShapeError,
        'Operand cannot be broadcasted',
      );
    },
  },
  {
    name: 'contexts-must-match',
    async run() {
      const x = nd.ones([2]);
      check(x.context.toString() === ctxName(x), 'default context');
    },
  },
]);

const ctxName = (x: mx.NDArray) => x.context.toString();

function fullList(v: number, rows: number, cols?: number): number[] | number[][] {
  if (cols === undefined) return new Array(rows).fill(v);
  return Array.from({ length: rows }, () => new Array(cols).fill(v));
}
const onesList = (r: number, c: number) => fullList(1, r, c);
const zerosList = (r: number, c: number) => fullList(0, r, c);
