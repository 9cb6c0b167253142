import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `mx.nd.save` and `mx.nd.load` where there is no file system (a browser):
 * use `mx.nd.saveToBytes` and `mx.nd.loadFromBytes`, which need none.
 *
 * @example
 * try { await mx.nd.save('w.params', [x]); }
 * catch (e) { if (e instanceof mx.FileSystemUnavailableError) bytes = await mx.nd.saveToBytes([x]); }
 */
export class FileSystemUnavailableError extends MXNetError {
  override readonly name = 'FileSystemUnavailableError';

  constructor(
    readonly op: string,
    /** Why the file system could not be reached (the import's error message). */
    readonly reason: string,
  ) {
    super(
      `${op}: no file system here (${reason}); use mx.nd.${op === 'save' ? 'saveToBytes' : 'loadFromBytes'}, which works on bytes`,
    );
  }
}
