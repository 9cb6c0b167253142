import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `mx.nd.load` / `mx.nd.loadFromBytes` when the bytes are not a valid MXNet
 * NDArray file (MXNet's "Invalid NDArray file format"): a wrong magic number, a count or
 * size that does not fit in the bytes left, an unknown type flag, or a file that ends
 * early. The message names what was expected and at which byte offset.
 *
 * @example
 * try { await mx.nd.loadFromBytes(new Uint8Array(3)); }
 * catch (e) { if (e instanceof mx.CorruptFileError) console.log(e.offset, e.expected); }
 */
export class CorruptFileError extends MXNetError {
  override readonly name = 'CorruptFileError';

  constructor(
    /** Byte offset in the file where the expected field starts. */
    readonly offset: number,
    /** What the reader expected there, e.g. `the list magic 0x112 (uint64)`. */
    readonly expected: string,
    /** What was found instead, e.g. `the file ends at byte 20`. */
    readonly found: string,
  ) {
    super(`Invalid NDArray file format: expected ${expected} at byte ${offset}, but ${found}`);
  }
}
