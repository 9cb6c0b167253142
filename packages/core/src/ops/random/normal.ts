import type { NDArray } from '../../ndarray/ndarray.js';
import { defaultGenerator } from '../../random/index.js';
import { type SampleArrayOptions, sampleArray } from './sample-options.js';

/** Options of `nd.random.normal`. */
export interface NormalOptions extends SampleArrayOptions {
  /** Mean; default 0. */
  loc?: number;
  /** Standard deviation; default 1. */
  scale?: number;
}

/**
 * MXNet `nd.random.normal(loc=0, scale=1, shape=_Null, dtype=_Null, ctx=None)`: Gaussian
 * samples from MXNet's CPU random stream, bit for bit, whatever the backend.
 *
 * @example
 * mx.random.seed(0);
 * mx.nd.random.normal(); // [2.2122064]
 */
export function normal(options: NormalOptions = {}): NDArray {
  return sampleArray('random.normal', options, (out) =>
    defaultGenerator.fillNormal(out, options.loc ?? 0, options.scale ?? 1),
  );
}
