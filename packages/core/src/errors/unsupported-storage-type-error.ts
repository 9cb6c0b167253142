import { MXNetError } from './mxnet-error.js';

/**
 * Raised when a file holds an array MXTS cannot represent: a sparse array (MXNet's
 * `row_sparse` or `csr` storage; MXTS arrays are dense) or an empty "none" array (MXNet's
 * `undefined` storage, an `NDArray()` without shape). Convert sparse arrays in MXNet with
 * `x.tostype('default')` before saving.
 *
 * @example
 * try { await mx.nd.load('sparse.params'); }
 * catch (e) { if (e instanceof mx.UnsupportedStorageTypeError) console.log(e.storageType); }
 */
export class UnsupportedStorageTypeError extends MXNetError {
  override readonly name = 'UnsupportedStorageTypeError';

  constructor(
    readonly op: string,
    /** The array, e.g. `array 2 ('arg:embed_weight')`. */
    readonly array: string,
    /** MXNet's storage type name: `row_sparse`, `csr` or `undefined`. */
    readonly storageType: string,
  ) {
    super(
      storageType === 'undefined'
        ? `${op}: ${array} is an empty NDArray without shape or data (MXNet's undefined storage type); MXTS arrays always have a shape`
        : `${op}: ${array} has the unsupported storage type '${storageType}'; MXTS arrays are dense. Save it from MXNet as x.tostype('default')`,
    );
  }
}
