import { DTypeError } from './dtype-error.js';

/**
 * Raised when a value read from a file does not fit the dtype MXTS converts it to: an
 * int64, uint32 or uint64 element outside the int32 range. The message names the array,
 * the element and its value.
 *
 * @example
 * try { await mx.nd.load('big-ids.params'); }
 * catch (e) { if (e instanceof mx.DTypeOverflowError) console.log(e.value); }
 */
export class DTypeOverflowError extends DTypeError {
  override readonly name = 'DTypeOverflowError';

  constructor(
    op: string,
    /** The array, e.g. `array 0 ('arg:ids')`. */
    readonly array: string,
    /** The file's dtype (MXNet's name, e.g. `int64`). */
    readonly fromDType: string,
    /** The MXTS dtype it was converted to. */
    readonly toDType: string,
    /** Flat index of the first element that does not fit. */
    readonly index: number,
    /** That element's value, in decimal. */
    readonly value: string,
  ) {
    super(
      op,
      `${array} holds ${fromDType} values; MXTS converts them to ${toDType}, but element ${index} is ${value}, outside the ${toDType} range`,
    );
  }
}
