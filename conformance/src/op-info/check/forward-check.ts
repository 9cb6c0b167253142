import { memory } from '@mxts/core';
import type { OpInfo } from '../op-info.js';
import type { Sample } from '../sample.js';
import { forwardTolerance } from '../tolerance.js';
import { expectOutputs } from './compare-outputs.js';
import { buildArgs, outputDType, referenceOf, runOp } from './materialize.js';

/**
 * Runs each sample and compares its outputs with the float64 reference. Once its outputs and
 * arguments are disposed, the backend must hold exactly the arrays it held before: an op
 * frees its own temporaries at once, never leaving them to the garbage collector.
 */
export async function checkForward<O>(
  info: OpInfo<O>,
  samples: readonly Sample<O>[],
  options: { signedZeros?: boolean } = {},
): Promise<void> {
  for (const s of samples) {
    const before = memory().arrays;
    const args = buildArgs(s);
    const ys = runOp(info, s, args);
    try {
      await expectOutputs(`${info.name} [${s.label}]`, ys, referenceOf(info, s), {
        tolerance: forwardTolerance(info.terms?.(s)),
        dtype: outputDType(info, s),
        signedZeros: options.signedZeros,
      });
    } finally {
      for (const a of [...ys, ...args.arrays]) a?.dispose();
    }
    const left = memory().arrays - before;
    if (left !== 0) {
      throw new Error(
        `${info.name} [${s.label}]: ${left} array(s) still live after its outputs and inputs ` +
          'were disposed; the op must free its temporaries at once (wrap a composite in ' +
          'disposeCreated), not leave them to the garbage collector',
      );
    }
  }
}
