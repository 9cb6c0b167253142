import * as mx from '@mxts/core';
import { closeValues } from '../../assertions.js';
import type { KinkGradient, OpInfo } from '../op-info.js';
import { isArray } from '../sample.js';
import { buildArgs, runOp } from './materialize.js';

/** Checks the gradients MXNet defines at kinks and ties (head gradients of ones). */
export async function checkKinkGradients<O>(
  info: OpInfo<O>,
  kinks: readonly KinkGradient<O>[],
): Promise<void> {
  for (const { sample, expected } of kinks) {
    const args = buildArgs(sample);
    const positions = sample.args.flatMap((a, i) => (isArray(a) && a.grad ? [i] : []));
    const xs = positions.map((i) => args.arrays[i]!);
    for (const x of xs) x.attachGrad();
    const ys = mx.autograd.record(() => runOp(info, sample, args), { trainMode: false });
    const gs = mx.autograd.grad(ys, xs);
    for (let k = 0; k < gs.length; k++) {
      const what = `${info.name} [${sample.label}]: gradient of argument ${positions[k]}`;
      closeValues(what, await gs[k].data(), expected[k], { rtol: 0, atol: 1e-6 });
    }
  }
}
