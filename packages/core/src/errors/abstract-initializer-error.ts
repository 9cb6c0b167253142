import { MXNetError } from './mxnet-error.js';

/**
 * Raised when an initializer without its own `_initWeight` is asked to initialize a weight
 * (MXNet's `NotImplementedError("Must override it")` from `Initializer._init_weight`).
 *
 * @example
 * class Half extends mx.init.Initializer { override _initWeight(_d, arr) { arr.set(0.5); } }
 */
export class AbstractInitializerError extends MXNetError {
  override readonly name = 'AbstractInitializerError';

  constructor(
    /** The initializer class, e.g. `Initializer` or a subclass that forgot the override. */
    readonly initializer: string,
    /** The parameter being initialized. */
    readonly param: string,
  ) {
    super(
      `Must override it: ${initializer} has no _initWeight, so it cannot initialize ${param}. Subclass mx.init.Initializer and implement _initWeight(desc, arr).`,
    );
  }
}
