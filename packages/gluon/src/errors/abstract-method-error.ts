import { MXNetError } from '@mxts/core';

/**
 * Python's `NotImplementedError` from a Gluon base method a subclass must override
 * (`Block.forward`, `HybridBlock.hybridForward`, `Loss.forward`, `Dataset.get`, ...).
 *
 * @example
 * class Net extends gluon.Block {}
 * new Net().forward(x); // AbstractMethodError: Net.forward is not implemented
 */
export class AbstractMethodError extends MXNetError {
  override readonly name = 'AbstractMethodError';

  constructor(
    /** `Class.method` that was called. */
    readonly method: string,
    fix: string,
  ) {
    super(`${method} is not implemented: ${fix}`);
  }
}
