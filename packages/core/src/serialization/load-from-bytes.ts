import type { Context } from '../backend/context.js';
import { backendFor, currentContext } from '../backend/registry.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { UnsupportedStorageTypeError } from '../errors/unsupported-storage-type-error.js';
import { fromHost } from '../ndarray/creation.js';
import { type DType, toHostArray } from '../ndarray/dtype.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { describe } from '../validate/check-args.js';
import { type DecodedDenseArray, decodeNDArrayFile } from './ndarray-file-format.js';

/**
 * Options of `mx.nd.load` and `mx.nd.loadFromBytes`.
 *
 * @example
 * await mx.nd.load('net.params', { ctx: mx.gpu(0) });
 */
export interface LoadOptions {
  /**
   * The context the arrays are created on; the current default context when omitted. The
   * device recorded in the file is not used (MXTS contexts are its backends).
   */
  ctx?: Context;
}

/**
 * What `mx.nd.load` returns, as MXNet's `load`: a list when the file has no names (it was
 * saved from a list or a single array), else a dict of name -> NDArray in file order.
 *
 * @example
 * const r = await mx.nd.load('net.params');
 * if (!Array.isArray(r)) console.log(Object.keys(r)); // ['arg:fc_weight', 'arg:fc_bias']
 */
export type LoadResult = NDArray[] | Record<string, NDArray>;

function label(index: number, names: readonly string[]): string {
  return names.length > 0 ? `array ${index} ('${names[index]}')` : `array ${index}`;
}

/** @internal `loadFromBytes` with the name of the calling function for errors. */
export function loadArrays(
  bytes: Uint8Array | ArrayBuffer,
  options: LoadOptions,
  op: string,
): LoadResult {
  const { arrays, names } = decodeNDArrayFile(bytes, op);
  const dense: DecodedDenseArray[] = [];
  arrays.forEach((a, i) => {
    if (a.kind === 'none') throw new UnsupportedStorageTypeError(op, label(i, names), 'undefined');
    if (a.kind === 'sparse')
      throw new UnsupportedStorageTypeError(op, label(i, names), a.storageType);
    dense.push(a);
  });
  const ctx = options.ctx ?? currentContext();
  const supported = backendFor(ctx).capabilities.dtypes;
  const made: NDArray[] = [];
  try {
    for (const a of dense) {
      // A dtype the backend lacks (float64 on most) becomes float32, as astype would make it.
      const dtype: DType = supported.includes(a.dtype) ? a.dtype : 'float32';
      const values = dtype === a.dtype ? a.data : toHostArray(a.data, dtype);
      made.push(fromHost(values, a.shape, ctx));
    }
  } catch (e) {
    for (const x of made) x.dispose();
    throw e;
  }
  if (names.length === 0) return made;
  const dict: Record<string, NDArray> = {};
  made.forEach((x, i) => {
    // A repeated name keeps the last array, as Python's dict() does; the others are freed.
    const earlier = Object.hasOwn(dict, names[i]) ? dict[names[i]] : undefined;
    earlier?.dispose();
    // defineProperty, so a name like '__proto__' is an ordinary key.
    Object.defineProperty(dict, names[i], {
      value: x,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  return dict;
}

/**
 * MXNet's `mx.nd.load_frombuffer(buf)`: the arrays of an MXNet NDArray file held in memory
 * (`.params` files from `mx.nd.save`, `Module.save_params`, Gluon `save_parameters`), as a
 * list (a file without names) or a dict. Works in browsers: fetch the file, pass its bytes.
 *
 * Reads the legacy, V1, V2 and V3 (numpy shape) array layouts. dtypes become ones MXTS has:
 * float32, float64 and int32 stay, except that a dtype the backend does not declare becomes
 * float32 (float64 on the CPU backend); float16 and bfloat16 become float32 (exactly);
 * uint8, int8, bool, int16 and uint16 become int32 (exactly); int64, uint32 and uint64
 * become int32, with a DTypeOverflowError when a value is outside the int32 range. Sparse (row_sparse, csr) and empty arrays raise
 * UnsupportedStorageTypeError; a malformed or truncated file raises CorruptFileError naming
 * the field and byte offset. Arrays are created on `options.ctx`, or the current context.
 *
 * @example
 * const bytes = new Uint8Array(await (await fetch('model-0000.params')).arrayBuffer());
 * const params = mx.nd.loadFromBytes(bytes) as Record<string, mx.NDArray>;
 * params['arg:fc_weight'].shape; // [10, 784]
 */
export function loadFromBytes(
  bytes: Uint8Array | ArrayBuffer,
  options: LoadOptions = {},
): LoadResult {
  if (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer)) {
    throw new InvalidArgumentError(
      'loadFromBytes',
      `bytes must be a Uint8Array or an ArrayBuffer, got ${describe(bytes)}`,
    );
  }
  return loadArrays(bytes, options, 'loadFromBytes');
}
