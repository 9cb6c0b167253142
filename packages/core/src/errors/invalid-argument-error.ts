import { MXNetError } from './mxnet-error.js';

/**
 * Raised for a bad argument: a wrong option value, a bad axis, a length mismatch, a reused
 * `Function`, an empty variable list. The message names the function and the fix.
 * Covers MXNet's AssertionErrors (E7-E10), KeyErrors (E13) and ValueErrors.
 */
export class InvalidArgumentError extends MXNetError {
  override readonly name: string = 'InvalidArgumentError';

  constructor(
    readonly op: string,
    message: string,
  ) {
    super(`${op}: ${message}`);
  }
}
