// Hand-assembled MXNet NDArray files, field by field, after MXNet 1.9.1's
// src/ndarray/ndarray.cc (NDArray::Save/Load, LegacyLoad, the list Save/Load) and
// dmlc-core's serializer.h; see ndarray-file-format.ts for the layout.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { CorruptFileError } from '../errors/corrupt-file-error.js';
import { DTypeOverflowError } from '../errors/dtype-overflow-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import {
  type DecodedArray,
  type DecodedDenseArray,
  decodeNDArrayFile,
  encodeNDArrayFile,
} from './ndarray-file-format.js';

/** Little-endian fields, appended in order: each call is one field of the file. */
class Bytes {
  private readonly out: number[] = [];
  private put(size: number, set: (v: DataView) => void): this {
    const b = new Uint8Array(size);
    set(new DataView(b.buffer));
    this.out.push(...b);
    return this;
  }
  u32(v: number) {
    return this.put(4, (d) => d.setUint32(0, v, true));
  }
  i32(v: number) {
    return this.put(4, (d) => d.setInt32(0, v, true));
  }
  u64(v: number | bigint) {
    return this.put(8, (d) => d.setBigUint64(0, BigInt(v), true));
  }
  i64(v: number | bigint) {
    return this.put(8, (d) => d.setBigInt64(0, BigInt(v), true));
  }
  u16(...vs: number[]) {
    for (const v of vs) this.put(2, (d) => d.setUint16(0, v, true));
    return this;
  }
  f32(...vs: number[]) {
    for (const v of vs) this.put(4, (d) => d.setFloat32(0, v, true));
    return this;
  }
  f64(...vs: number[]) {
    for (const v of vs) this.put(8, (d) => d.setFloat64(0, v, true));
    return this;
  }
  raw(...vs: number[]) {
    this.out.push(...vs);
    return this;
  }
  /** A dmlc std::string: uint64 byte length, then the bytes. */
  str(s: string) {
    const b = new TextEncoder().encode(s);
    return this.u64(b.length).raw(...b);
  }
  /** kMXAPINDArrayListMagic, the reserved uint64, and the array count. */
  header(count: number) {
    return this.u64(0x112).u64(0).u64(count);
  }
  /** A V2 dense array's fields up to its data: magic, storage type, shape, context, type flag. */
  v2(shape: number[], typeFlag: number, magic = 0xf993fac9) {
    this.u32(magic).i32(0).i32(shape.length);
    for (const d of shape) this.i64(d);
    return this.i32(1).i32(0).i32(typeFlag); // cpu(0): dev_type kCPU = 1, dev_id 0
  }
  build(): Uint8Array {
    return new Uint8Array(this.out);
  }
}

const V2 = 0xf993fac9;
const V3 = 0xf993faca;
const V1 = 0xf993fac8;

function dense(a: DecodedArray): DecodedDenseArray {
  if (a.kind !== 'dense') throw new Error(`expected a dense array, got ${a.kind}`);
  return a;
}

function expectCorrupt(bytes: Uint8Array, offset: number, text: string): CorruptFileError {
  let err: unknown;
  try {
    decodeNDArrayFile(bytes);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(CorruptFileError);
  const c = err as CorruptFileError;
  expect(c.message).toContain(text);
  expect(c.offset).toBe(offset);
  expect(c.message).toContain('Invalid NDArray file format');
  return c;
}

// mx.nd.save('f', [mx.nd.array([1.5, -2]), mx.nd.array([[1, 2, 3], [4, 5, 6]])])
const listFile = new Bytes()
  .header(2)
  .v2([2], 0) // array 0: V2, default storage, ndim 1, dim 2, cpu(0), kFloat32
  .f32(1.5, -2)
  .v2([2, 3], 0) // array 1: ndim 2, dims 2 and 3
  .f32(1, 2, 3, 4, 5, 6)
  .u64(0) // no names: saved from a list
  .build();

// Module.save_params style: mx.nd.save('f', {'arg:fc_weight': ..., 'arg:fc_bias': ..., 'aux:bn_moving_var': ...})
const dictFile = new Bytes()
  .header(3)
  .v2([2, 2], 0)
  .f32(0.5, -0.25, 1e-3, 3)
  .v2([2], 0)
  .f32(0.125, -7)
  .v2([1], 0)
  .f32(1)
  .u64(3) // names.size()
  .str('arg:fc_weight') // uint64 13, then 13 bytes
  .str('arg:fc_bias')
  .str('aux:bn_moving_var')
  .build();

describe('list and dict files (V2, what mx.nd.save writes)', () => {
  test('a list without names', () => {
    const { names, arrays } = decodeNDArrayFile(listFile);
    expect(names).toEqual([]);
    expect(arrays.length).toBe(2);
    const [a, b] = arrays.map(dense);
    expect(a).toMatchObject({
      version: 'v2',
      shape: [2],
      dtype: 'float32',
      sourceDType: 'float32',
    });
    expect(a.context).toEqual({ devType: 1, devId: 0 });
    expect(a.offset).toBe(24);
    expect(Array.from(a.data)).toEqual([1.5, -2]);
    expect(b.shape).toEqual([2, 3]);
    expect(Array.from(b.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('encoding the list gives the same bytes', () => {
    const bytes = encodeNDArrayFile({
      arrays: [
        { shape: [2], dtype: 'float32', data: new Float32Array([1.5, -2]) },
        { shape: [2, 3], dtype: 'float32', data: new Float32Array([1, 2, 3, 4, 5, 6]) },
      ],
    });
    expect(bytes).toEqual(listFile);
  });

  test('a dict with arg:/aux: names', () => {
    const { names, arrays } = decodeNDArrayFile(dictFile);
    expect(names).toEqual(['arg:fc_weight', 'arg:fc_bias', 'aux:bn_moving_var']);
    expect(arrays.map((a) => dense(a).shape)).toEqual([[2, 2], [2], [1]]);
    expect(Array.from(dense(arrays[0]).data)).toEqual([0.5, -0.25, Math.fround(1e-3), 3]);
    const re = encodeNDArrayFile({
      arrays: arrays.map(dense),
      names,
    });
    expect(re).toEqual(dictFile);
  });

  test('an empty list, and UTF-8 names', () => {
    const empty = new Bytes().header(0).u64(0).build();
    expect(encodeNDArrayFile({ arrays: [] })).toEqual(empty);
    expect(decodeNDArrayFile(empty)).toEqual({ arrays: [], names: [] });
    const utf = new Bytes().header(1).v2([1], 0).f32(2).u64(1).str('poids_é→').build();
    expect(decodeNDArrayFile(utf).names).toEqual(['poids_é→']);
    expect(
      encodeNDArrayFile({
        arrays: [{ shape: [1], dtype: 'float32', data: new Float32Array([2]) }],
        names: ['poids_é→'],
      }),
    ).toEqual(utf);
  });

  test('float64 and int32 arrays use type flags 1 and 4', () => {
    const file = new Bytes()
      .header(2)
      .v2([3], 1) // kFloat64
      .f64(-0, Number.NaN, 1 / 3)
      .v2([3], 4) // kInt32
      .i32(-2147483648)
      .i32(2147483647)
      .i32(-1)
      .u64(0)
      .build();
    const [f, i] = decodeNDArrayFile(file).arrays.map(dense);
    expect(f.dtype).toBe('float64');
    expect(f.data).toBeInstanceOf(Float64Array);
    expect(Object.is(f.data[0], -0)).toBe(true);
    expect(f.data[1]).toBeNaN();
    expect(f.data[2]).toBe(1 / 3);
    expect(i.dtype).toBe('int32');
    expect(Array.from(i.data)).toEqual([-2147483648, 2147483647, -1]);
    expect(encodeNDArrayFile({ arrays: [f, i] })).toEqual(file);
  });

  test('the recorded context is kept both ways', () => {
    const file = new Bytes()
      .header(1)
      .u32(V2)
      .i32(0)
      .i32(1)
      .i64(1)
      .i32(2) // dev_type kGPU
      .i32(3) // dev_id 3
      .i32(0)
      .f32(9)
      .u64(0)
      .build();
    const a = dense(decodeNDArrayFile(file).arrays[0]);
    expect(a.context).toEqual({ devType: 2, devId: 3 });
    expect(encodeNDArrayFile({ arrays: [a] })).toEqual(file);
  });

  test('zero-size arrays hold no data bytes', () => {
    const file = new Bytes().header(1).v2([0, 3], 0).u64(0).build();
    const a = dense(decodeNDArrayFile(file).arrays[0]);
    expect(a.shape).toEqual([0, 3]);
    expect(a.data.length).toBe(0);
    expect(encodeNDArrayFile({ arrays: [a] })).toEqual(file);
  });

  test('bytes after the names are ignored, as MXNet does', () => {
    const padded = new Uint8Array([...listFile, 1, 2, 3]);
    expect(decodeNDArrayFile(padded).arrays.length).toBe(2);
  });

  test('a Node Buffer from a shared pool (non-zero byteOffset) and an ArrayBuffer', () => {
    const pooled = Buffer.concat([Buffer.alloc(3), Buffer.from(dictFile)]).subarray(3);
    expect(pooled.byteOffset).not.toBe(0);
    expect(decodeNDArrayFile(pooled).names[2]).toBe('aux:bn_moving_var');
    expect(decodeNDArrayFile(dictFile.slice().buffer).arrays.length).toBe(3);
  });
});

describe('0-d, 1-d and 2-d arrays; V3 (numpy shape semantics) and "none" arrays', () => {
  // Under npx.set_np() MXNet writes V3 records, where ndim 0 is a scalar and -1 unknown.
  const v3File = new Bytes()
    .header(3)
    .u32(V3)
    .i32(0)
    .i32(0) // ndim 0: a scalar, no dims
    .i32(1)
    .i32(0)
    .i32(0)
    .f32(42)
    .v2([3], 0, V3)
    .f32(1, 2, 3)
    .v2([1, 2], 0, V3)
    .f32(4, 5)
    .u64(0)
    .build();

  test('V3: a 0-d array holds one element', () => {
    const [s, v, m] = decodeNDArrayFile(v3File).arrays.map(dense);
    expect(s).toMatchObject({ version: 'v3', shape: [] });
    expect(Array.from(s.data)).toEqual([42]);
    expect(v.shape).toEqual([3]);
    expect(m.shape).toEqual([1, 2]);
    expect(Array.from(m.data)).toEqual([4, 5]);
  });

  test('encoding with npShape writes V3', () => {
    const arrays = decodeNDArrayFile(v3File).arrays.map(dense);
    expect(encodeNDArrayFile({ arrays }, { npShape: true })).toEqual(v3File);
  });

  test('a 0-d array needs npShape: V2 ndim 0 means an empty NDArray', () => {
    const scalar = { shape: [], dtype: 'float32' as const, data: new Float32Array([1]) };
    expect(() => encodeNDArrayFile({ arrays: [scalar] })).toThrow(InvalidArgumentError);
    expect(() => encodeNDArrayFile({ arrays: [scalar] })).toThrow(/npShape: true/);
  });

  test('"none" arrays: V2 ndim 0, V3 ndim -1 or a -1 dim, V1 ndim -1', () => {
    const file = new Bytes()
      .header(5)
      .u32(V2)
      .i32(0)
      .i32(0) // V2, ndim 0: none, nothing follows
      .u32(V3)
      .i32(0)
      .i32(-1) // V3, ndim -1: none
      .u32(V3)
      .i32(0)
      .i32(2)
      .i64(2)
      .i64(-1) // V3, dims (2, -1): none, after both dims
      .u32(V1)
      .i32(-1) // V1, ndim -1: none
      .v2([1], 0)
      .f32(5) // a dense array after them, to check the offsets
      .u64(0)
      .build();
    const arrays = decodeNDArrayFile(file).arrays;
    expect(arrays.map((a) => `${a.kind}/${a.version}`)).toEqual([
      'none/v2',
      'none/v3',
      'none/v3',
      'none/v1',
      'dense/v2',
    ]);
    expect(Array.from(dense(arrays[4]).data)).toEqual([5]);
  });
});

describe('legacy and V1 layouts', () => {
  // tests/python/unittest/legacy_ndarray.v0 in apache/mxnet (tag 1.9.1, 3224 bytes, git blob
  // f4306d8372021bec350f9faea44ef0b07c96d939), written by an MXNet from before NDArray
  // magic numbers and read by test_ndarray_legacy_load: six mx.nd.arange(128). Rebuilt here
  // field by field; its git blob hash proves the bytes are MXNet's.
  function legacyNdarrayV0(): Uint8Array {
    const b = new Bytes().header(6);
    for (let k = 0; k < 6; k++) {
      b.u32(1) // legacy: ndim (uint32) where later files have the magic
        .u32(128) // dim 0 (uint32)
        .i32(1) // dev_type kCPU
        .i32(0) // dev_id
        .i32(0); // kFloat32
      for (let i = 0; i < 128; i++) b.f32(i);
    }
    return b.u64(0).build();
  }

  test('the MXNet fixture legacy_ndarray.v0, byte for byte', () => {
    const bytes = legacyNdarrayV0();
    const blob = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    expect(blob).toBe('f4306d8372021bec350f9faea44ef0b07c96d939');
    const { names, arrays } = decodeNDArrayFile(bytes);
    expect(names).toEqual([]);
    expect(arrays.length).toBe(6);
    const arange = Array.from({ length: 128 }, (_, i) => i);
    for (const a of arrays.map(dense)) {
      expect(a.version).toBe('legacy');
      expect(a.shape).toEqual([128]);
      expect(Array.from(a.data)).toEqual(arange);
    }
  });

  test('legacy 0-d and 2-d shapes (1.9.1 reads ndim 0 as a scalar)', () => {
    const file = new Bytes()
      .header(2)
      .u32(0) // ndim 0
      .i32(1)
      .i32(0)
      .i32(0)
      .f32(7)
      .u32(2)
      .u32(1)
      .u32(2) // ndim 2, dims 1 and 2
      .i32(1)
      .i32(0)
      .i32(4) // kInt32
      .i32(-3)
      .i32(4)
      .u64(0)
      .build();
    const [s, m] = decodeNDArrayFile(file).arrays.map(dense);
    expect(s.shape).toEqual([]);
    expect(Array.from(s.data)).toEqual([7]);
    expect(m.shape).toEqual([1, 2]);
    expect(Array.from(m.data)).toEqual([-3, 4]);
  });

  test('V1: int64 TShape, no storage type', () => {
    const file = new Bytes()
      .header(1)
      .u32(V1)
      .i32(2)
      .i64(2)
      .i64(1) // ndim 2, dims 2 and 1 (int64)
      .i32(1)
      .i32(0)
      .i32(1) // kFloat64
      .f64(0.1, -2.5)
      .u64(1)
      .str('w')
      .build();
    const { names, arrays } = decodeNDArrayFile(file);
    const a = dense(arrays[0]);
    expect(names).toEqual(['w']);
    expect(a).toMatchObject({ version: 'v1', shape: [2, 1], dtype: 'float64' });
    expect(Array.from(a.data)).toEqual([0.1, -2.5]);
  });
});

describe('dtypes MXTS converts', () => {
  function one(typeFlag: number, fill: (b: Bytes) => void, count: number): DecodedDenseArray {
    const b = new Bytes().header(1).v2([count], typeFlag);
    fill(b);
    return dense(decodeNDArrayFile(b.u64(1).str('x').build()).arrays[0]);
  }

  test('float16 -> float32, exactly', () => {
    // 1, -2, 65504 (max), 2^-24 (min subnormal), 2^-14 (min normal), largest subnormal,
    // +inf, -inf, -0, 1/3 rounded to half.
    const a = one(
      2,
      (b) => b.u16(0x3c00, 0xc000, 0x7bff, 0x0001, 0x0400, 0x03ff, 0x7c00, 0xfc00, 0x8000, 0x3555),
      10,
    );
    expect(a).toMatchObject({ dtype: 'float32', sourceDType: 'float16' });
    expect(Array.from(a.data)).toEqual([
      1,
      -2,
      65504,
      2 ** -24,
      2 ** -14,
      1023 * 2 ** -24,
      Infinity,
      -Infinity,
      -0,
      0.333251953125,
    ]);
    expect(Object.is(a.data[8], -0)).toBe(true);
    expect(one(2, (b) => b.u16(0x7e00), 1).data[0]).toBeNaN();
  });

  test('bfloat16 -> float32', () => {
    const a = one(12, (b) => b.u16(0x3f80, 0xc040, 0x7f80), 3);
    expect(a.sourceDType).toBe('bfloat16');
    expect(Array.from(a.data)).toEqual([1, -3, Infinity]);
  });

  test('uint8, int8, bool, int16, uint16 -> int32', () => {
    expect(Array.from(one(3, (b) => b.raw(0, 255, 7), 3).data)).toEqual([0, 255, 7]);
    expect(Array.from(one(5, (b) => b.raw(0x80, 0x7f, 0xff), 3).data)).toEqual([-128, 127, -1]);
    const bool = one(7, (b) => b.raw(0, 1, 2), 3);
    expect(bool).toMatchObject({ dtype: 'int32', sourceDType: 'bool' });
    expect(Array.from(bool.data)).toEqual([0, 1, 1]);
    expect(Array.from(one(8, (b) => b.u16(0x8000, 5), 2).data)).toEqual([-32768, 5]);
    expect(Array.from(one(9, (b) => b.u16(0xffff), 1).data)).toEqual([65535]);
  });

  test('int64, uint32, uint64 -> int32 in range', () => {
    const i64 = one(
      6,
      (b) =>
        b
          .i64(-(2 ** 31))
          .i64(2 ** 31 - 1)
          .i64(-1)
          .i64(0),
      4,
    );
    expect(i64).toMatchObject({ dtype: 'int32', sourceDType: 'int64' });
    expect(Array.from(i64.data)).toEqual([-(2 ** 31), 2 ** 31 - 1, -1, 0]);
    expect(Array.from(one(10, (b) => b.u32(2 ** 31 - 1), 1).data)).toEqual([2 ** 31 - 1]);
    expect(Array.from(one(11, (b) => b.u64(12345), 1).data)).toEqual([12345]);
  });

  test.each([
    ['int64 2^31', 6, (b: Bytes) => b.i64(0).i64(2 ** 31), '2147483648'],
    ['int64 -2^31-1', 6, (b: Bytes) => b.i64(0).i64(-(2 ** 31) - 1), '-2147483649'],
    ['int64 2^40', 6, (b: Bytes) => b.i64(0).i64(2 ** 40), '1099511627776'],
    ['uint32 2^31', 10, (b: Bytes) => b.u32(0).u32(2 ** 31), '2147483648'],
    ['uint64 2^63', 11, (b: Bytes) => b.u64(0).u64(2n ** 63n), '9223372036854775808'],
  ])('%s is out of the int32 range', (_, flag, fill, value) => {
    let err: unknown;
    try {
      one(flag, fill, 2);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DTypeOverflowError);
    const o = err as DTypeOverflowError;
    expect(o.index).toBe(1);
    expect(o.value).toBe(value);
    expect(o.toDType).toBe('int32');
    expect(o.message).toContain("array 0 ('x')");
  });
});

describe('sparse storage (row_sparse, csr): layout read and skipped', () => {
  // A row_sparse 4x2 array with rows 1 and 3 stored, a csr 2x3 array with 2 values, then a
  // dense array: the dense one must be read at the right offset.
  const file = new Bytes()
    .header(3)
    .u32(V2)
    .i32(1) // kRowSparseStorage
    .i32(2)
    .i64(2)
    .i64(2) // storage shape (2, 2): two stored rows
    .i32(2)
    .i64(4)
    .i64(2) // shape (4, 2)
    .i32(1)
    .i32(0) // cpu(0)
    .i32(0) // kFloat32 values
    .i32(6) // aux 0 (row indices): kInt64
    .i32(1)
    .i64(2) // aux 0 shape (2,)
    .f32(1, 2, 3, 4) // the storage shape's 4 values
    .i64(1)
    .i64(3) // the row indices
    .u32(V2)
    .i32(2) // kCSRStorage
    .i32(1)
    .i64(2) // storage shape (2,): nnz
    .i32(2)
    .i64(2)
    .i64(3) // shape (2, 3)
    .i32(1)
    .i32(0)
    .i32(0) // kFloat32
    .i32(6)
    .i32(1)
    .i64(3) // aux 0 (indptr): int64, shape (3,)
    .i32(6)
    .i32(1)
    .i64(2) // aux 1 (column indices): int64, shape (2,)
    .f32(5, 6)
    .i64(0)
    .i64(1)
    .i64(2) // indptr
    .i64(0)
    .i64(2) // column indices
    .v2([1], 0)
    .f32(8)
    .u64(3)
    .str('arg:embed_weight')
    .str('arg:csr')
    .str('arg:bias')
    .build();

  test('sparse arrays are described, the next array is read', () => {
    const { names, arrays } = decodeNDArrayFile(file);
    expect(names).toEqual(['arg:embed_weight', 'arg:csr', 'arg:bias']);
    expect(arrays[0]).toMatchObject({
      kind: 'sparse',
      storageType: 'row_sparse',
      shape: [4, 2],
      storageShape: [2, 2],
      sourceDType: 'float32',
      auxDTypes: ['int64'],
      auxShapes: [[2]],
    });
    expect(arrays[1]).toMatchObject({
      kind: 'sparse',
      storageType: 'csr',
      shape: [2, 3],
      auxShapes: [[3], [2]],
    });
    expect(Array.from(dense(arrays[2]).data)).toEqual([8]);
  });

  test('V3 sparse records are corrupt (MXNet saves only dense in numpy semantics)', () => {
    const bad = new Bytes().header(1).u32(V3).i32(1).build();
    expectCorrupt(bad, 28, 'storage type 0 (default)');
  });

  test('truncated at every byte, the sparse file raises CorruptFileError', () => {
    for (let n = 0; n < file.length; n++) {
      expect(() => decodeNDArrayFile(file.subarray(0, n)), `cut at ${n}`).toThrow(CorruptFileError);
    }
  });
});

describe('corrupt and truncated files raise CorruptFileError naming the field and offset', () => {
  test('truncation at every byte of a dict file', () => {
    for (let n = 0; n < dictFile.length; n++) {
      let err: unknown;
      try {
        decodeNDArrayFile(dictFile.subarray(0, n));
      } catch (e) {
        err = e;
      }
      expect(err, `cut at ${n}`).toBeInstanceOf(CorruptFileError);
      const c = err as CorruptFileError;
      expect(c.offset, `cut at ${n}`).toBeLessThanOrEqual(n);
      expect(c.message, `cut at ${n}`).toMatch(/truncated/);
    }
  });

  test('truncation at every byte of the list, V3 and legacy files', () => {
    const legacy = new Bytes().header(1).u32(2).u32(1).u32(2).i32(1).i32(0).i32(0).f32(1, 2);
    for (const file of [listFile, legacy.u64(0).build()]) {
      for (let n = 0; n < file.length; n++) {
        expect(() => decodeNDArrayFile(file.subarray(0, n)), `cut at ${n}`).toThrow(
          CorruptFileError,
        );
      }
    }
  });

  test('the first fields name what was expected', () => {
    expectCorrupt(
      new Uint8Array(0),
      0,
      'the list magic 0x112 (uint64, kMXAPINDArrayListMagic) (8 bytes)',
    );
    expectCorrupt(new Uint8Array(5), 0, 'the file ends at byte 5');
    expectCorrupt(listFile.subarray(0, 20), 16, 'the array count (uint64) (8 bytes) at byte 16');
    expectCorrupt(listFile.subarray(0, 26), 16, 'it is 2, and the 2 bytes left can hold at most 0');
    expectCorrupt(listFile.subarray(0, 66), 64, "array 1's NDArray magic (uint32) (4 bytes)");
  });

  test('a file that is not an NDArray file', () => {
    const json = new TextEncoder().encode('{"nodes": [], "arg_nodes": []}');
    expectCorrupt(json, 0, 'this is not an MXNet NDArray file');
  });

  test('a huge array count fails before reading or allocating', () => {
    const file = new Bytes().header(0).build();
    new DataView(file.buffer).setBigUint64(16, 2n ** 63n, true);
    expectCorrupt(file, 16, 'it is 9223372036854775808, and the 0 bytes left');
  });

  test('an unknown per-array magic is read as a legacy ndim, and rejected when it cannot fit', () => {
    const file = new Bytes().header(1).u32(0xdeadbeef).u64(0).build();
    expectCorrupt(file, 24, 'found 0xdeadbeef, and as a legacy ndim its 3735928559 uint32');
  });

  test('bad storage type, ndim, dims and type flag', () => {
    const stype = new Bytes().header(1).u32(V2).i32(3).build();
    expectCorrupt(stype, 28, "array 0's storage type (int32: 0 default, 1 row_sparse, 2 csr)");
    const ndim = new Bytes().header(1).u32(V2).i32(0).i32(-1).build();
    expectCorrupt(ndim, 32, "array 0's shape's ndim (int32, 0 or more)");
    const ndim3 = new Bytes().header(1).u32(V3).i32(0).i32(-2).build();
    expectCorrupt(ndim3, 32, 'found -2');
    const dim = new Bytes().header(1).u32(V2).i32(0).i32(2).i64(3).i64(-1).build();
    expectCorrupt(dim, 44, "array 0's shape's dimension 1 (int64, 0 to 2^53-1)");
    const flag = new Bytes().header(1).v2([1], 13).f32(0).u64(0).build();
    expectCorrupt(flag, 52, "array 0's type flag (int32, an mshadow TypeFlag 0-12)");
    const negFlag = new Bytes().header(1).v2([1], -1).f32(0).u64(0).build();
    expectCorrupt(negFlag, 52, 'found -1');
  });

  test('a huge ndim or shape fails before allocating', () => {
    const ndim = new Bytes()
      .header(1)
      .u32(V2)
      .i32(0)
      .i32(2 ** 31 - 1)
      .build();
    expectCorrupt(
      ndim,
      36,
      "array 0's shape's 2147483647 dimensions (int64 each) (17179869176 bytes)",
    );
    const shape = new Bytes()
      .header(1)
      .u32(V2)
      .i32(0)
      .i32(2)
      .i64(2 ** 40)
      .i64(2 ** 40)
      .i32(1)
      .i32(0)
      .i32(1)
      .f64(1)
      .u64(0)
      .build();
    expectCorrupt(shape, 64, "array 0's data (1208925819614629174706176 float64 elements)");
  });

  test('name count, name length and UTF-8', () => {
    const count = new Bytes().header(1).v2([1], 0).f32(1).u64(2).build();
    expectCorrupt(count, 60, 'the name count (uint64: 0, or 1, one per array)');
    const length = new Bytes()
      .header(1)
      .v2([1], 0)
      .f32(1)
      .u64(1)
      .u64(2n ** 64n - 1n)
      .build();
    expectCorrupt(length, 76, 'name 0 (UTF-8) (18446744073709551615 bytes)');
    const utf8 = new Bytes().header(1).v2([1], 0).f32(1).u64(1).u64(2).raw(0xc3, 0x28).build();
    expectCorrupt(utf8, 76, 'its bytes are not valid UTF-8');
  });
});

describe('encodeNDArrayFile checks its input', () => {
  const f = (shape: number[], data: Float32Array) => ({ shape, dtype: 'float32' as const, data });

  test.each([
    [
      'names for some arrays',
      { arrays: [f([1], new Float32Array(1))], names: ['a', 'b'] },
      '2 names for 1 arrays',
    ],
    [
      'a size mismatch',
      { arrays: [f([2, 2], new Float32Array(3))] },
      '3 values for shape (2, 2), which holds 4',
    ],
    ['a negative dim', { arrays: [f([-1], new Float32Array(0))] }, 'non-negative integers'],
    [
      'a dtype/data mismatch',
      { arrays: [{ shape: [1], dtype: 'int32' as const, data: new Float32Array(1) }] },
      'must be a Int32Array',
    ],
    ['a NUL in a name', { arrays: [f([1], new Float32Array(1))], names: ['a\0b'] }, 'without NUL'],
  ])('%s', (_, contents, text) => {
    expect(() => encodeNDArrayFile(contents)).toThrow(InvalidArgumentError);
    expect(() => encodeNDArrayFile(contents)).toThrow(text);
  });
});
