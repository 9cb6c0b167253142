import type { OpInfo } from '../op-info.js';
import type { Sample } from '../sample.js';
import { forwardTolerance } from '../tolerance.js';
import { expectOutputs } from './compare-outputs.js';
import { buildArgs, outputDType, referenceOf, runOp } from './materialize.js';

/** Runs each sample and compares its outputs with the float64 reference. */
export async function checkForward<O>(
  info: OpInfo<O>,
  samples: readonly Sample<O>[],
  options: { signedZeros?: boolean } = {},
): Promise<void> {
  for (const s of samples) {
    const ys = runOp(info, s, buildArgs(s));
    await expectOutputs(`${info.name} [${s.label}]`, ys, referenceOf(info, s), {
      tolerance: forwardTolerance(info.terms?.(s)),
      dtype: outputDType(info, s),
      signedZeros: options.signedZeros,
    });
  }
}
