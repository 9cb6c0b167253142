// MXNet's binary NDArray file format (`mx.nd.save`, `Module.save_params`, Gluon
// `save_parameters`), after MXNet 1.9.1's src/ndarray/ndarray.cc (NDArray::Save, LegacyLoad,
// NDArray::Load and the list Save/Load, lines 1595-1866), include/mxnet/tuple.h
// (Tuple::Save/Load, lines 730-758), include/mxnet/base.h (Context::Save/Load, lines 156-170)
// and dmlc-core's include/dmlc/serializer.h (vector and string handlers). Little-endian:
//
//   file   := u64 0x112 (kMXAPINDArrayListMagic) | u64 reserved (0)
//             | u64 N | N x array | u64 K (0 or N) | K x (u64 byteLength | UTF-8 bytes)
//   array  := V2/V3:  u32 magic (0xF993FAC9 / 0xF993FACA) | i32 storage type (0 default,
//                     1 row_sparse, 2 csr) | [shape: storage shape, sparse only] | shape
//                     | (stop here for a "none" array) | context | i32 type flag
//                     | [sparse: per aux array i32 type flag | shape] | data | [aux data]
//             V1:     u32 0xF993FAC8 | shape | (stop if none) | context | i32 type flag | data
//             legacy: u32 ndim (where later files have the magic) | ndim x u32 dims
//                     | context | i32 type flag | data
//   shape  := i32 ndim | ndim x i64 dims   (TShape::Save<int64>)
//   context:= i32 dev_type (1 cpu, 2 gpu, 3 cpu_pinned, 5 cpu_shared) | i32 dev_id
//   data   := size(shape) elements of the type flag's size, row-major (sparse: size of the
//             storage shape, then each aux array's elements)
//
// "None" arrays (MXNet's empty `NDArray()`): V2 ndim 0 (legacy shape semantics, where 0-d
// means unknown); V1/V3 ndim -1 or any dim -1 (numpy shape semantics, where ndim 0 is a
// scalar). MXNet writes V3 only under `npx.set_np()`, and loads it only there.

import { CorruptFileError } from '../errors/corrupt-file-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { DType, HostArray } from '../ndarray/dtype.js';
import { sizeOf } from '../ndarray/shape.js';
import { littleEndianBytes } from './byte-order.js';
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { decodeElements } from './decode-elements.js';
import {
  type MXNetDTypeName,
  type TypeFlagInfo,
  typeFlagInfo,
  typeFlagOf,
} from './mshadow-type-flag.js';

/** `kMXAPINDArrayListMagic`: the first uint64 of every NDArray file. */
export const NDARRAY_LIST_MAGIC = 0x112n;
/** Per-array magic of version 1 (int64 TShape, no storage type). */
export const NDARRAY_V1_MAGIC = 0xf993fac8;
/** Per-array magic of version 2 (storage type added); what `mx.nd.save` writes. */
export const NDARRAY_V2_MAGIC = 0xf993fac9;
/** Per-array magic of version 3 (numpy shape semantics); what MXNet writes under `npx.set_np()`. */
export const NDARRAY_V3_MAGIC = 0xf993faca;

/** Which per-array layout an array was stored in. */
export type NDArrayFileVersion = 'legacy' | 'v1' | 'v2' | 'v3';

/** MXNet's device of an array in a file: `dev_type` (1 cpu, 2 gpu, 3 cpu_pinned, 5 cpu_shared), `dev_id`. */
export interface FileContext {
  readonly devType: number;
  readonly devId: number;
}

/** One dense array as host values: what `encodeNDArrayFile` writes. */
export interface NDArrayFileArray {
  readonly shape: readonly number[];
  readonly dtype: DType;
  /** Row-major values; a Float32Array, Float64Array or Int32Array matching `dtype`. */
  readonly data: HostArray;
  /** The device recorded in the file; cpu(0) (`{ devType: 1, devId: 0 }`) by default. */
  readonly context?: FileContext;
}

/** The arrays of a file and their names (none, or one per array). */
export interface NDArrayFileContents {
  readonly arrays: readonly NDArrayFileArray[];
  /** Empty or omitted: a list file (`mx.nd.save(f, [a, b])`); else a dict file. */
  readonly names?: readonly string[];
}

/** Options of `encodeNDArrayFile`. */
export interface EncodeOptions {
  /**
   * Write every array as V3 (MXNet's numpy shape semantics, `npx.set_np()`), which can hold
   * 0-d arrays; MXNet then loads the file only under numpy semantics. Default false: V2,
   * what `mx.nd.save` writes and every MXNet 1.x loads.
   */
  readonly npShape?: boolean;
}

/** A dense array read from a file, converted to an MXTS dtype (see `TYPE_FLAGS`). */
export interface DecodedDenseArray {
  readonly kind: 'dense';
  readonly version: NDArrayFileVersion;
  /** Byte offset of the array's first field (its magic). */
  readonly offset: number;
  readonly shape: number[];
  /** The MXTS dtype of `data`. */
  readonly dtype: DType;
  readonly data: HostArray;
  /** The file's dtype, before conversion. */
  readonly sourceDType: MXNetDTypeName;
  readonly context: FileContext;
}

/** A sparse array (row_sparse or csr): its layout, read and checked, but not its values. */
export interface DecodedSparseArray {
  readonly kind: 'sparse';
  readonly version: NDArrayFileVersion;
  readonly offset: number;
  readonly storageType: 'row_sparse' | 'csr';
  readonly shape: number[];
  readonly storageShape: number[];
  readonly sourceDType: MXNetDTypeName;
  readonly auxDTypes: MXNetDTypeName[];
  readonly auxShapes: number[][];
  readonly context: FileContext;
}

/** MXNet's empty `NDArray()` (undefined storage): no shape, no data. */
export interface DecodedNoneArray {
  readonly kind: 'none';
  readonly version: NDArrayFileVersion;
  readonly offset: number;
}

/** One array of a decoded file. */
export type DecodedArray = DecodedDenseArray | DecodedSparseArray | DecodedNoneArray;

/** What `decodeNDArrayFile` returns: arrays in file order and their names (empty for a list). */
export interface DecodedNDArrayFile {
  readonly arrays: DecodedArray[];
  readonly names: string[];
}

const CPU0: FileContext = { devType: 1, devId: 0 };
// The smallest array record: a V1 "none" array (u32 magic, i32 ndim -1).
const MIN_ARRAY_BYTES = 8;
const STORAGE_TYPES = ['default', 'row_sparse', 'csr'] as const;

function corrupt(offset: number, expected: string, found: string): never {
  throw new CorruptFileError(offset, expected, found);
}

// TShape::Load<int64>: i32 ndim, then ndim int64 dims. Returns null for a "none" shape.
function readShape(r: ByteReader, what: string, numpy: boolean): number[] | null {
  const at = r.offset;
  const ndim = r.i32(`${what}'s ndim (int32)`);
  if (numpy ? ndim < -1 : ndim < 0) {
    corrupt(at, `${what}'s ndim (int32, ${numpy ? '-1 or more' : '0 or more'})`, `found ${ndim}`);
  }
  if (ndim === -1) return null;
  r.need(ndim * 8, `${what}'s ${ndim} dimensions (int64 each)`);
  const dims: number[] = [];
  let unknown = false;
  for (let d = 0; d < ndim; d++) {
    const dimAt = r.offset;
    const v = r.i64(`${what}'s dimension ${d} (int64)`);
    if (v === -1n && numpy) unknown = true;
    else if (v < 0n || v > BigInt(Number.MAX_SAFE_INTEGER)) {
      corrupt(dimAt, `${what}'s dimension ${d} (int64, 0 to 2^53-1)`, `found ${v}`);
    }
    dims.push(Number(v));
  }
  // Legacy shape semantics (V2): ndim 0 is an unknown shape; numpy's (V1, V3): any -1.
  return unknown || (!numpy && ndim === 0) ? null : dims;
}

// The pre-V1 shape: the uint32 already read as the magic is ndim, then ndim uint32 dims.
function readLegacyShape(r: ByteReader, at: number, ndim: number, what: string): number[] {
  if (ndim * 4 > r.remaining) {
    corrupt(
      at,
      `${what}: an NDArray magic (uint32: 0xF993FAC9 V2, 0xF993FACA V3, 0xF993FAC8 V1) or a legacy ndim`,
      `found 0x${ndim.toString(16).padStart(8, '0')}, and as a legacy ndim its ${ndim} uint32 dimensions do not fit in the ${r.remaining} bytes left`,
    );
  }
  const dims: number[] = [];
  for (let d = 0; d < ndim; d++) dims.push(r.u32(`${what}'s legacy dimension ${d} (uint32)`));
  return dims;
}

function readContext(r: ByteReader, what: string): FileContext {
  const devType = r.i32(`${what}'s context dev_type (int32)`);
  const devId = r.i32(`${what}'s context dev_id (int32)`);
  return { devType, devId };
}

function readTypeFlag(r: ByteReader, what: string): TypeFlagInfo {
  const at = r.offset;
  const flag = r.i32(`${what}'s type flag (int32)`);
  const info = typeFlagInfo(flag);
  if (info === undefined) {
    corrupt(at, `${what}'s type flag (int32, an mshadow TypeFlag 0-12)`, `found ${flag}`);
  }
  return info;
}

// The byte length of `shape`'s elements, checked against the bytes left before anything
// is allocated.
function takeElements(r: ByteReader, shape: readonly number[], info: TypeFlagInfo, what: string) {
  let count = 1n;
  for (const d of shape) count *= BigInt(d);
  const nbytes = count * BigInt(info.bytes);
  const bytes = r.take(nbytes, `${what}'s data (${count} ${info.name} elements)`);
  return { count: Number(count), bytes };
}

interface PendingDense {
  readonly kind: 'pending';
  readonly version: NDArrayFileVersion;
  readonly offset: number;
  readonly shape: number[];
  readonly info: TypeFlagInfo;
  readonly count: number;
  readonly bytes: Uint8Array;
  readonly context: FileContext;
}

function readDense(
  r: ByteReader,
  version: NDArrayFileVersion,
  offset: number,
  shape: number[],
  what: string,
): PendingDense {
  const context = readContext(r, what);
  const info = readTypeFlag(r, what);
  const { count, bytes } = takeElements(r, shape, info, what);
  return { kind: 'pending', version, offset, shape, info, count, bytes, context };
}

// NDArray::Load for V2/V3 (ndarray.cc 1728-1836).
function readVersioned(
  r: ByteReader,
  version: 'v2' | 'v3',
  offset: number,
  what: string,
): PendingDense | DecodedArray {
  const numpy = version === 'v3';
  const stypeAt = r.offset;
  const stype = r.i32(`${what}'s storage type (int32)`);
  if (stype !== 0 && stype !== 1 && stype !== 2) {
    corrupt(
      stypeAt,
      `${what}'s storage type (int32: 0 default, 1 row_sparse, 2 csr)`,
      `found ${stype}`,
    );
  }
  if (numpy && stype !== 0) {
    corrupt(
      stypeAt,
      `${what}'s storage type 0 (default): MXNet saves only dense arrays in numpy shape semantics (V3)`,
      `found ${stype}`,
    );
  }
  const nad = stype; // num_aux_data: 0 default, 1 row_sparse (indices), 2 csr (indptr, indices)
  const storageShape = nad > 0 ? readShape(r, `${what}'s storage shape`, false) : null;
  const shape = readShape(r, `${what}'s shape`, numpy);
  if (shape === null) return { kind: 'none', version, offset };
  if (nad === 0) return readDense(r, version, offset, shape, what);

  const context = readContext(r, what);
  const info = readTypeFlag(r, what);
  const auxInfos: TypeFlagInfo[] = [];
  const auxShapes: number[][] = [];
  for (let i = 0; i < nad; i++) {
    auxInfos.push(readTypeFlag(r, `${what}'s aux array ${i}`));
    auxShapes.push(readShape(r, `${what}'s aux array ${i} shape`, false) ?? []);
  }
  takeElements(r, storageShape ?? [], info, `${what}'s storage`);
  auxInfos.forEach((aux, i) => {
    takeElements(r, auxShapes[i], aux, `${what}'s aux array ${i}`);
  });
  return {
    kind: 'sparse',
    version,
    offset,
    storageType: STORAGE_TYPES[stype] as 'row_sparse' | 'csr',
    shape,
    storageShape: storageShape ?? [],
    sourceDType: info.name,
    auxDTypes: auxInfos.map((a) => a.name),
    auxShapes,
    context,
  };
}

function readArray(r: ByteReader, index: number): PendingDense | DecodedArray {
  const what = `array ${index}`;
  const offset = r.offset;
  const magic = r.u32(`${what}'s NDArray magic (uint32)`);
  if (magic === NDARRAY_V2_MAGIC) return readVersioned(r, 'v2', offset, what);
  if (magic === NDARRAY_V3_MAGIC) return readVersioned(r, 'v3', offset, what);
  // NDArray::LegacyLoad (ndarray.cc 1681-1726).
  if (magic === NDARRAY_V1_MAGIC) {
    const shape = readShape(r, `${what}'s shape`, true);
    if (shape === null) return { kind: 'none', version: 'v1', offset };
    return readDense(r, 'v1', offset, shape, what);
  }
  const shape = readLegacyShape(r, offset, magic, what);
  return readDense(r, 'legacy', offset, shape, what);
}

function arrayLabel(index: number, names: readonly string[]): string {
  return names.length > 0 ? `array ${index} ('${names[index]}')` : `array ${index}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes an MXNet NDArray file (MXNet's `NDArray::Load` of a list, as `mx.nd.load` and
 * `mx.nd.load_frombuffer` run it) into host arrays and names, without a backend. Dense values
 * are converted to MXTS dtypes: float16 and bfloat16 to float32, uint8/int8/bool/int16/uint16
 * to int32, int64/uint32/uint64 to int32 (a DTypeOverflowError when a value does not fit).
 * Sparse arrays are checked and skipped (`kind: 'sparse'`), "none" arrays reported
 * (`kind: 'none'`). Bytes after the names are ignored, as MXNet does.
 *
 * A malformed file raises CorruptFileError naming the field and its byte offset; every count
 * and size is checked against the bytes left before anything is allocated.
 *
 * @example
 * const { names, arrays } = decodeNDArrayFile(bytes);
 * names[0]; // 'arg:fc_weight'
 * arrays[0].kind === 'dense' && arrays[0].shape; // [2, 3]
 */
export function decodeNDArrayFile(
  input: Uint8Array | ArrayBuffer,
  op = 'load',
): DecodedNDArrayFile {
  // A plain Uint8Array view: Node's Buffer has a `slice` that does not copy.
  const bytes =
    input instanceof Uint8Array
      ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
      : new Uint8Array(input);
  const r = new ByteReader(bytes);
  const header = r.u64('the list magic 0x112 (uint64, kMXAPINDArrayListMagic)');
  if (header !== NDARRAY_LIST_MAGIC) {
    corrupt(
      0,
      'the list magic 0x112 (uint64, kMXAPINDArrayListMagic)',
      `found 0x${header.toString(16)}: this is not an MXNet NDArray file`,
    );
  }
  r.u64('the reserved field (uint64)');
  const countAt = r.offset;
  const count = r.u64('the array count (uint64)');
  if (count * BigInt(MIN_ARRAY_BYTES) > BigInt(r.remaining)) {
    corrupt(
      countAt,
      'the array count (uint64)',
      `it is ${count}, and the ${r.remaining} bytes left can hold at most ${Math.floor(r.remaining / MIN_ARRAY_BYTES)} arrays (the file is truncated or corrupt)`,
    );
  }
  const pending: (PendingDense | DecodedArray)[] = [];
  for (let i = 0; i < Number(count); i++) pending.push(readArray(r, i));

  const namesAt = r.offset;
  const nameCount = r.u64('the name count (uint64)');
  if (nameCount !== 0n && nameCount !== count) {
    corrupt(
      namesAt,
      `the name count (uint64: 0, or ${count}, one per array)`,
      `found ${nameCount}`,
    );
  }
  const names: string[] = [];
  for (let i = 0; i < Number(nameCount); i++) {
    const length = r.u64(`name ${i}'s byte length (uint64)`);
    const at = r.offset;
    const raw = r.take(length, `name ${i} (UTF-8)`);
    try {
      names.push(utf8.decode(raw));
    } catch {
      corrupt(at, `name ${i} (UTF-8)`, 'its bytes are not valid UTF-8');
    }
  }

  const arrays = pending.map((p, i): DecodedArray => {
    if (p.kind !== 'pending') return p;
    const data = decodeElements(p.bytes, p.info, p.count, op, arrayLabel(i, names));
    return {
      kind: 'dense',
      version: p.version,
      offset: p.offset,
      shape: p.shape,
      dtype: p.info.target,
      data,
      sourceDType: p.info.name,
      context: p.context,
    };
  });
  return { arrays, names };
}

const DATA_CLASS = { float32: Float32Array, float64: Float64Array, int32: Int32Array } as const;
const utf8Encoder = new TextEncoder();

function checkArray(op: string, a: NDArrayFileArray, i: number, npShape: boolean): void {
  const what = `array ${i}`;
  if (!(a.dtype in DATA_CLASS)) {
    throw new InvalidArgumentError(
      op,
      `${what} has dtype '${String(a.dtype)}'; MXTS writes float32, float64 and int32`,
    );
  }
  if (!(a.data instanceof DATA_CLASS[a.dtype])) {
    throw new InvalidArgumentError(
      op,
      `${what}'s data must be a ${DATA_CLASS[a.dtype].name} for dtype ${a.dtype}`,
    );
  }
  if (!a.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new InvalidArgumentError(
      op,
      `${what}'s shape (${a.shape.join(', ')}) must hold non-negative integers`,
    );
  }
  if (sizeOf(a.shape) !== a.data.length) {
    throw new InvalidArgumentError(
      op,
      `${what} has ${a.data.length} values for shape (${a.shape.join(', ')}), which holds ${sizeOf(a.shape)}`,
    );
  }
  if (a.shape.length === 0 && !npShape) {
    throw new InvalidArgumentError(
      op,
      `${what} is 0-d: MXNet's default (legacy) shape semantics read a 0-d shape as an empty NDArray. Save it with { npShape: true } (MXNet then loads the file under npx.set_np()), or reshape it to (1,)`,
    );
  }
}

/**
 * Encodes arrays (and names) as an MXNet NDArray file, byte for byte what MXNet's
 * `NDArray::Save` of a list writes (`mx.nd.save`): V2 arrays by default, V3 with `npShape`.
 * float32, float64 and int32 are written with type flags 0, 1 and 4.
 *
 * @example
 * const bytes = encodeNDArrayFile({
 *   arrays: [{ shape: [2], dtype: 'float32', data: new Float32Array([1, 2]) }],
 *   names: ['arg:bias'],
 * });
 */
export function encodeNDArrayFile(
  contents: NDArrayFileContents,
  options: EncodeOptions = {},
  op = 'saveToBytes',
): Uint8Array {
  const { arrays } = contents;
  const names = contents.names ?? [];
  const npShape = options.npShape ?? false;
  if (names.length !== 0 && names.length !== arrays.length) {
    throw new InvalidArgumentError(
      op,
      `${names.length} names for ${arrays.length} arrays; give one name per array, or none`,
    );
  }
  arrays.forEach((a, i) => {
    checkArray(op, a, i, npShape);
  });
  for (const n of names) {
    if (typeof n !== 'string' || n.includes('\0')) {
      throw new InvalidArgumentError(
        op,
        `name ${JSON.stringify(n)} must be a string without NUL characters (MXNet passes names as C strings)`,
      );
    }
  }
  const w = new ByteWriter();
  w.u64(NDARRAY_LIST_MAGIC);
  w.u64(0n); // reserved
  w.u64(BigInt(arrays.length)); // dmlc ComposeVectorHandler: count, then each NDArray::Save
  for (const a of arrays) {
    const ctx = a.context ?? CPU0;
    w.u32(npShape ? NDARRAY_V3_MAGIC : NDARRAY_V2_MAGIC);
    w.i32(0); // kDefaultStorage
    w.i32(a.shape.length);
    for (const d of a.shape) w.i64(BigInt(d));
    w.i32(ctx.devType);
    w.i32(ctx.devId);
    w.i32(typeFlagOf(a.dtype));
    w.bytes(littleEndianBytes(a.data));
  }
  w.u64(BigInt(names.length)); // dmlc vector<string>: count, then (u64 length, bytes) each
  for (const n of names) {
    const b = utf8Encoder.encode(n);
    w.u64(BigInt(b.byteLength));
    w.bytes(b);
  }
  return w.finish();
}
