import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `mx.nd.load` and `mx.nd.save` when the file system refuses the path (missing
 * file, no permission, a directory): the system error (`ENOENT`, `EACCES`...) is kept as
 * `code` and `cause`.
 *
 * @example
 * try { await mx.nd.load('missing.params'); }
 * catch (e) { if (e instanceof mx.FileAccessError && e.code === 'ENOENT') console.log(e.path); }
 */
export class FileAccessError extends MXNetError {
  override readonly name = 'FileAccessError';
  constructor(
    readonly op: string,
    /** The path as given. */
    readonly path: string,
    /** The system error code, e.g. 'ENOENT'; 'unknown' when there is none. */
    readonly code: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${op}: cannot access '${path}' (${code}): ${reason}`);
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}
