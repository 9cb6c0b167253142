import type { NDArray } from '@mxts/core';
import type { F } from '../hybrid-block.js';
import { AxisNorm, type AxisNormOptions } from './axis-norm.js';

/** Options of {@link LayerNorm} (MXNet's keyword arguments, camelCase). */
export interface LayerNormOptions extends AxisNormOptions {
  /** The normalized axis; default -1. */
  axis?: number;
  /** Learn `gamma`; false leaves it at its initial value (gradReq 'null'). Default true. */
  scale?: boolean;
}

/**
 * MXNet `gluon.nn.LayerNorm(axis=-1, epsilon=1e-5, center=True, scale=True,
 * beta_initializer='zeros', gamma_initializer='ones', in_channels=0)`: `mx.nd.LayerNorm`,
 * (x - mean) / sqrt(var + epsilon) * gamma + beta along `axis` for each sample, the same in
 * training and prediction. As MXNet, `center`/`scale` false only freeze beta/gamma.
 *
 * @example
 * const ln = new gluon.nn.LayerNorm();
 * ln.initialize();
 * ln.forward(mx.nd.array([[1, 3]])); // ≈ [[-1, 1]]
 */
export class LayerNorm extends AxisNorm {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'LayerNorm';
  constructor(options: LayerNormOptions = {}) {
    super('nn.LayerNorm', options, { axis: -1, scale: true });
  }

  override hybridForward(F: F, x: NDArray, p: { gamma: NDArray; beta: NDArray }): NDArray {
    return F.LayerNorm(x, p.gamma, p.beta, { axis: this._axis, eps: this._epsilon });
  }
}
