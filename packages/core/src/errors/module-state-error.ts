import { MXNetError } from './mxnet-error.js';

/**
 * Raised when a `mx.mod.Module` method runs in the wrong state: before `bind`, before
 * `initParams`, and so on (MXNet's `assert self.binded and self.params_initialized`).
 * The message names the method and the call that is missing.
 *
 * @example
 * new mx.mod.Module(net).getParams(); // throws: call bind and initParams first
 */
export class ModuleStateError extends MXNetError {
  override readonly name = 'ModuleStateError';

  constructor(
    /** The Module method that was called. */
    readonly method: string,
    message: string,
  ) {
    super(`Module.${method}: ${message}`);
  }
}
