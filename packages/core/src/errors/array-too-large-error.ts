import { InvalidArgumentError } from './invalid-argument-error.js';

/**
 * Raised before any host or device allocation when an array would exceed the size limit
 * (`mx.setMaxArrayBytes`, env `MXTS_MAX_ARRAY_BYTES`): a backend never sees a size that
 * could exhaust or corrupt its memory. A subclass of InvalidArgumentError, as MXNet raises
 * its size checks as argument errors.
 *
 * @example
 * try { mx.nd.zeros([1e6, 1e6]); }
 * catch (e) { if (e instanceof mx.ArrayTooLargeError) console.log(e.bytes, e.limit); }
 */
export class ArrayTooLargeError extends InvalidArgumentError {
  override readonly name = 'ArrayTooLargeError';
  constructor(
    op: string,
    /** The shape that was asked for. */
    readonly shape: readonly number[],
    /** Bytes the array would take. */
    readonly bytes: number,
    /** The limit in force. */
    readonly limit: number,
    /** What sets the limit when it is the backend's own (a WebGPU device's largest buffer). */
    readonly setBy?: string,
  ) {
    super(
      op,
      setBy === undefined
        ? `an array of shape (${shape.join(', ')}) needs ${bytes} bytes, over the limit of ${limit} bytes; use a smaller shape, or raise the limit with mx.setMaxArrayBytes(n) or MXTS_MAX_ARRAY_BYTES`
        : `an array of shape (${shape.join(', ')}) needs ${bytes} bytes, over the ${limit} bytes that ${setBy} holds; use a smaller shape (split the work into parts) or another backend`,
    );
  }
}
