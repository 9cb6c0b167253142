import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `mx.init.Load` when a loaded array does not fit the parameter, or a parameter
 * is missing and no default initializer was given (MXNet's `AssertionError`s, same text).
 *
 * @example
 * new mx.init.Load({ fc_weight: w }).apply('fc_bias', b); // throws: no default initializer
 */
export class ParamLoadError extends MXNetError {
  override readonly name = 'ParamLoadError';

  constructor(
    /** The parameter name. */
    readonly param: string,
    /** 'shape': the loaded array has another shape; 'missing': not loaded, no default. */
    readonly reason: 'shape' | 'missing',
    message: string,
  ) {
    super(message);
  }
}
