import { MXNetError } from './mxnet-error.js';

/**
 * Raised when a backend's memory cannot hold one more array (the wasm heap is full, or the
 * backend's `maxBytes` budget would be passed). It is raised before the engine writes
 * anything, so the backend keeps working: dispose arrays and retry. MXNet raises an
 * `MXNetError` from its storage allocator in the same place.
 *
 * @example
 * try { mx.nd.ones([2 ** 28]).add(1); }
 * catch (e) { if (e instanceof mx.OutOfMemoryError) console.log(e.bytes, e.backend); }
 */
export class OutOfMemoryError extends MXNetError {
  override readonly name = 'OutOfMemoryError';

  constructor(
    /** The backend whose memory is full ('wasm', 'cpu', ...). */
    readonly backend: string,
    /** Bytes the refused allocation asked for (NaN where an engine's kernel failed inside). */
    readonly bytes: number,
    /** Why it cannot fit, with the numbers. */
    readonly detail: string,
  ) {
    super(
      `${backend}: out of memory ${Number.isNaN(bytes) ? '' : `allocating ${bytes} bytes `}(${detail}); dispose arrays you no longer need (mx.scope, x.dispose()) or use smaller ones`,
    );
  }
}
