import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `Module.initParams`/`setParams` when the given parameter dict lacks one of the
 * module's parameters (MXNet's `RuntimeError("<name> is not presented")`).
 *
 * @example
 * mod.setParams({}, {}); // throws: fullyconnected0_weight is not presented
 */
export class MissingParamError extends MXNetError {
  override readonly name = 'MissingParamError';

  constructor(
    /** The missing parameter. */
    readonly param: string,
  ) {
    super(
      `${param} is not presented (pass it, or use allowMissing: true to initialize missing parameters with the initializer)`,
    );
  }
}
