import type { Context } from '../backend/context.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NDArray } from '../ndarray/ndarray.js';
import { type EncodeOptions, encodeNDArrayFile, type FileContext } from './ndarray-file-format.js';

/**
 * What `mx.nd.save` accepts, as MXNet's `data`: one NDArray (saved as a list of one), a list
 * of NDArrays (a file without names), or a dict of name -> NDArray (a file with names, in the
 * dict's key order), as a plain object or a Map.
 *
 * @example
 * await mx.nd.save('x', x);                          // [x]
 * await mx.nd.save('xy', [x, y]);                    // a list
 * await mx.nd.save('net.params', { 'arg:w': w });    // a dict
 */
export type SaveData =
  | NDArray
  | readonly NDArray[]
  | Readonly<Record<string, NDArray>>
  | ReadonlyMap<string, NDArray>;

/**
 * Options of `mx.nd.save` and `mx.nd.saveToBytes`: `npShape` writes V3 records, as MXNet
 * does under `npx.set_np()` (needed for 0-d arrays).
 *
 * @example
 * await mx.nd.save('scalar.nd', [mx.nd.array([3], { shape: [] })], { npShape: true });
 */
export type SaveOptions = EncodeOptions;

const MXNET_TYPE_ERROR = 'save only accept dict str->NDArray or list of NDArray';

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x !== 'object') return typeof x;
  return (x as object).constructor?.name ?? 'an object';
}

function checkArray(op: string, x: unknown, where: string): NDArray {
  if (x instanceof NDArray) return x;
  throw new InvalidArgumentError(op, `${MXNET_TYPE_ERROR}; ${where} is ${describe(x)}`);
}

/** @internal Splits `data` into arrays and names (null for a list), as MXNet's `save` does. */
export function collectSaveData(
  op: string,
  data: SaveData,
): { arrays: NDArray[]; names: string[] | null } {
  if (data instanceof NDArray) return { arrays: [data], names: null };
  if (Array.isArray(data)) {
    return { arrays: data.map((x, i) => checkArray(op, x, `element ${i}`)), names: null };
  }
  let entries: [unknown, unknown][];
  if (data instanceof Map) entries = [...data.entries()];
  else if (isPlainObject(data)) entries = Object.entries(data);
  else {
    throw new InvalidArgumentError(
      op,
      `data needs to either be a NDArray, dict of str, NDArray pairs or a list of NDArrays; got ${describe(data)}`,
    );
  }
  const names: string[] = [];
  const arrays: NDArray[] = [];
  for (const [k, v] of entries) {
    if (typeof k !== 'string') {
      throw new InvalidArgumentError(op, `${MXNET_TYPE_ERROR}; a key is ${typeof k}`);
    }
    names.push(k);
    arrays.push(checkArray(op, v, `the value of '${k}'`));
  }
  return { arrays, names };
}

function fileContext(ctx: Context): FileContext {
  // MXNet's Context::DeviceType: kCPU = cpu::kDevMask = 1, kGPU = gpu::kDevMask = 2.
  return { devType: ctx.deviceType === 'gpu' ? 2 : 1, devId: ctx.deviceId };
}

/** @internal `saveToBytes` with the name of the calling function for errors. */
export async function encodeSaveData(
  op: string,
  data: SaveData,
  options: SaveOptions,
): Promise<Uint8Array> {
  const { arrays, names } = collectSaveData(op, data);
  const values = await Promise.all(arrays.map((a) => a.data()));
  return encodeNDArrayFile(
    {
      arrays: arrays.map((a, i) => ({
        shape: a.shape,
        dtype: a.dtype,
        data: values[i],
        context: fileContext(a.context),
      })),
      names: names ?? [],
    },
    options,
    op,
  );
}

/**
 * The bytes `mx.nd.save` writes (MXNet's `mx.nd.save` / `MXNDArraySave`, to memory): the
 * MXNet NDArray file format, which MXNet's `mx.nd.load` and `mx.nd.load_frombuffer` read.
 * Values are read with `await x.data()`, so it works on every backend, and in browsers.
 * Arrays are written as V2 records with their context and type flag (float32 0, float64 1,
 * int32 4); `{ npShape: true }` writes V3 records (MXNet's numpy shape semantics, needed for
 * 0-d arrays; MXNet loads such files under `npx.set_np()`).
 *
 * @example
 * const bytes = await mx.nd.saveToBytes({ 'arg:fc_weight': w, 'arg:fc_bias': b });
 * const same = mx.nd.loadFromBytes(bytes); // { 'arg:fc_weight': NDArray, 'arg:fc_bias': NDArray }
 */
export function saveToBytes(data: SaveData, options: SaveOptions = {}): Promise<Uint8Array> {
  return encodeSaveData('saveToBytes', data, options);
}
