import type { NDArray } from '../ndarray/ndarray.js';
import type { InitDesc } from './init-desc.js';
import { Initializer } from './initializer.js';
import { readArgs } from './options.js';
import { type PyNumber, pyNumber, toNumber } from './py-float.js';
import { writeValues } from './write-values.js';

/** Options of {@link LSTMBias}. */
export interface LSTMBiasOptions {
  /** Bias of the forget gate; default 1.0 (a float, so `dumps()` prints `1.0`). */
  forgetBias?: PyNumber;
}

/**
 * MXNet `mx.init.LSTMBias(forget_bias=1.0)`: an LSTM bias of 4 gates `[i, f, c, o]` set to
 * 0 except the forget gate (the second quarter), set to `forgetBias`. Use it as a bias's own
 * initializer (an `__init__` attribute), which calls `_initWeight` whatever the name.
 *
 * @example
 * const b = mx.nd.zeros([400]);
 * new mx.init.LSTMBias(2.0)._initWeight(null, b); // [0]*100 + [2]*100 + [0]*200
 * new mx.init.LSTMBias().dumps(); // '["lstmbias", {"forget_bias": 1.0}]'
 */
export class LSTMBias extends Initializer {
  static override readonly mxnetName: string = 'LSTMBias';

  /** MXNet's `self.forget_bias`. */
  readonly forgetBias: number;

  constructor(options?: LSTMBiasOptions);
  constructor(forgetBias: PyNumber);
  constructor(...args: unknown[]) {
    const o = readArgs('LSTMBias', args, ['forgetBias']);
    const fb = pyNumber('LSTMBias', 'forget_bias', o.forgetBias ?? 1.0, 'float');
    super({ forget_bias: fb });
    this.forgetBias = toNumber(fb);
  }

  override _initWeight(_desc: InitDesc | string | null, arr: NDArray): void {
    const rows = arr.shape[0];
    const row = rows === 0 ? 0 : arr.size / rows;
    const numHidden = Math.trunc(rows / 4);
    const values = new Float64Array(arr.size);
    values.fill(this.forgetBias, numHidden * row, 2 * numHidden * row);
    writeValues(arr, values);
  }
}
