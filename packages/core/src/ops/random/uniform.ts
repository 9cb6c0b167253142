import type { NDArray } from '../../ndarray/ndarray.js';
import { defaultGenerator } from '../../random/index.js';
import { type SampleArrayOptions, sampleArray } from './sample-options.js';

/** Options of `nd.random.uniform`. */
export interface UniformOptions extends SampleArrayOptions {
  /** Default 0. */
  low?: number;
  /** Default 1. */
  high?: number;
}

/**
 * MXNet `nd.random.uniform(low=0, high=1, shape=_Null, dtype=_Null, ctx=None)`: samples on
 * [low, high) from MXNet's CPU random stream, bit for bit, whatever the backend.
 *
 * @example
 * mx.random.seed(0);
 * mx.nd.random.uniform({ shape: [2, 3] }); // [[0.5488135 0.5928446 0.71518934] ...]
 */
export function uniform(options: UniformOptions = {}): NDArray {
  return sampleArray('random.uniform', options, (out) =>
    defaultGenerator.fillUniform(out, options.low ?? 0, options.high ?? 1),
  );
}
