import * as mx from '@mxts/core';
import { fail } from '../assertions.js';
import { type CaseSpec, defineSuite } from '../conformance-case.js';
import { type OracleEntry, torchOracle } from '../fixtures/torch-oracle.js';
import { expectOracle, type OracleTarget, oracleTargets, targetName } from './expect-oracle.js';

const { nd, autograd: ag } = mx;

type Inputs = Readonly<Record<string, mx.NDArray>>;
// The fixture's options are MXTS's option objects, written by the generator.
type Run = (a: Inputs, o: any) => mx.NDArray;

/** How each fixture op is called, in MXNet's argument order. */
const RUN: Readonly<Record<string, Run>> = {
  Convolution: (a, o) => nd.Convolution(a.data, a.weight, a.bias ?? null, o),
  Pooling: (a, o) => nd.Pooling(a.data, o),
  BatchNorm: (a, o: mx.nd.BatchNormOptions) =>
    nd.BatchNorm(a.data, a.gamma, a.beta, a.movingMean, a.movingVar, o),
  LayerNorm: (a, o) => nd.LayerNorm(a.data, a.gamma, a.beta, o),
  Embedding: (a, o) => nd.Embedding(a.data, a.weight, o),
  LeakyReLU: (a, o) => nd.LeakyReLU(a.data, a.gamma ?? null, o),
  softmaxCrossEntropy: (a) => nd.softmaxCrossEntropy(a.data, a.label),
  FullyConnected: (a, o) => nd.FullyConnected(a.data, a.weight, a.bias ?? null, o),
  // Gluon's Dense: FullyConnected, then the activation.
  Dense: (a, { actType, ...o }) =>
    nd.Activation(nd.FullyConnected(a.data, a.weight, a.bias ?? null, o), { actType }),
  softmax: (a, o) => nd.softmax(a.data, o),
  logSoftmax: (a, o) => nd.logSoftmax(a.data, o),
  Activation: (a, o) => nd.Activation(a.data, o),
};

/**
 * Runs the entry's op on its float32 inputs (under `record()` in the entry's mode when it
 * trains or differentiates) and compares one result with PyTorch's. For a gradient, every
 * input the entry differentiates is attached, and the output's backward takes the entry's
 * head gradient. Everything it creates is freed by the scope.
 */
function entryCase(e: OracleEntry, target: OracleTarget): CaseSpec {
  const name = `${e.name}/${targetName(target)}`;
  return {
    name,
    run: () =>
      mx.scope(async () => {
        const run = RUN[e.op];
        if (run === undefined) fail(`${name}: the fixture's op ${e.op} has no runner`);
        const a: Record<string, mx.NDArray> = {};
        for (const [k, x] of Object.entries(e.inputs))
          a[k] = nd.array(x.values, { shape: x.shape });
        const train = e.mode === 'train';
        const differentiate = target.kind === 'grad';
        if (differentiate) for (const k of Object.keys(e.grads)) a[k].attachGrad();
        const y =
          train || differentiate
            ? ag.record(() => run(a, e.options), { trainMode: train })
            : run(a, e.options);
        if (target.kind === 'forward') {
          await expectOracle(`${name}: output`, y, e.forward);
        } else if (target.kind === 'moving') {
          await expectOracle(
            `${name}: ${target.state}`,
            a[target.state],
            e.movingAfter![target.state],
          );
        } else {
          y.backward(nd.array(e.head.values, { shape: e.head.shape }), { trainMode: train });
          const g = a[target.input].grad;
          if (g === null) fail(`${name}: ${target.input} has no gradient after backward`);
          await expectOracle(`${name}: d<y, head>/d${target.input}`, g, e.grads[target.input]);
        }
      }),
  };
}

/**
 * The layer ops against PyTorch float64 (`torch/<op>/<sample>/<check>`): forward outputs,
 * each input's gradient for a fixed head gradient, and BatchNorm's moving statistics after
 * a training step, from conformance/scripts/torch_oracle.py. Where PyTorch's conventions
 * differ from MXNet 1.9.1's (moving variance, momentum, fix_gamma, sum pooling, 'full'
 * pooling) the script follows MXNet.
 */
export const torchOracleCases = defineSuite(
  'torch',
  torchOracle.entries.flatMap((e) => oracleTargets(e).map((t) => entryCase(e, t))),
);
