import * as mx from '@mxts/core';
import { check, expectClose, expectExact, expectShape, expectThrows } from '../assertions.js';
import { defineSuite } from '../conformance-case.js';

const { nd } = mx;

/**
 * Little-endian fields of a hand-assembled MXNet NDArray file, after MXNet 1.9.1's
 * src/ndarray/ndarray.cc (NDArray::Save/Load) and dmlc-core's serializer.h.
 */
class FileBytes {
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
  i32(...vs: number[]) {
    for (const v of vs) this.put(4, (d) => d.setInt32(0, v, true));
    return this;
  }
  u64(v: number | bigint) {
    return this.put(8, (d) => d.setBigUint64(0, BigInt(v), true));
  }
  i64(...vs: (number | bigint)[]) {
    for (const v of vs) this.put(8, (d) => d.setBigInt64(0, BigInt(v), true));
    return this;
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
  /** A dmlc std::string: uint64 byte length, then UTF-8 bytes. */
  str(s: string) {
    const b = new TextEncoder().encode(s);
    this.u64(b.length);
    this.out.push(...b);
    return this;
  }
  /** kMXAPINDArrayListMagic (0x112), reserved 0, the array count. */
  header(count: number) {
    return this.u64(0x112).u64(0).u64(count);
  }
  /** A dense array's fields before its data: magic, storage 0, TShape, context, type flag. */
  array(shape: number[], typeFlag: number, magic = 0xf993fac9, devType = 1) {
    this.u32(magic)
      .i32(0, shape.length)
      .i64(...shape);
    return this.i32(devType, 0, typeFlag);
  }
  build(): Uint8Array {
    return new Uint8Array(this.out);
  }
}

function asList(r: mx.nd.LoadResult, what: string): mx.NDArray[] {
  check(Array.isArray(r), `${what}: expected a list (a file without names), got a dict`);
  return r;
}

function asDict(r: mx.nd.LoadResult, what: string): Record<string, mx.NDArray> {
  check(!Array.isArray(r), `${what}: expected a dict (a file with names), got a list`);
  return r;
}

function sameBytes(what: string, actual: Uint8Array, expected: Uint8Array): void {
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  check(
    i === actual.length && i === expected.length,
    `${what}: bytes differ at offset ${i} (got ${actual.length} bytes, expected ${expected.length}; byte ${actual[i]} vs ${expected[i]})`,
  );
}

function hasDType(d: mx.DType): boolean {
  return mx.backendFor(mx.currentContext()).capabilities.dtypes.includes(d);
}

// mx.nd.save('f', {'arg:fc_weight': [[1, -2, 0.5], [4, 5, 6]], 'arg:fc_bias': [0.25, -1]}),
// as MXNet 1.9.1 writes it: V2 arrays, each with its context (dev_type 1 = cpu, 2 = gpu).
const fcParamsOn = (devType: number) =>
  new FileBytes()
    .header(2)
    .array([2, 3], 0, undefined, devType)
    .f32(1, -2, 0.5, 4, 5, 6)
    .array([2], 0, undefined, devType)
    .f32(0.25, -1)
    .u64(2)
    .str('arg:fc_weight')
    .str('arg:fc_bias')
    .build();
const fcParams = fcParamsOn(1);

/** `mx.nd.save` / `mx.nd.load` in MXNet's binary NDArray file format (`.params` files). */
export const serializationCases = defineSuite('serialization', [
  {
    name: 'S1-list-round-trip',
    async run() {
      const a = nd.array([
        [1, 2, 3],
        [4, 5, 6],
      ]);
      const b = nd.array([-0.5]);
      const out = asList(nd.loadFromBytes(await nd.saveToBytes([a, b])), 'load(save([a, b]))');
      check(out.length === 2, `2 arrays, got ${out.length}`);
      await expectExact('a', out[0], [
        [1, 2, 3],
        [4, 5, 6],
      ]);
      await expectExact('b', out[1], [-0.5]);
      check(out[0].context.equals(mx.currentContext()), 'loaded on the current context');
    },
  },
  {
    name: 'S2-dict-round-trip-arg-aux-names',
    async run() {
      const params = {
        'arg:fc_weight': nd.ones([3, 2]),
        'arg:fc_bias': nd.zeros([3]),
        'aux:bn_moving_var': nd.full([1], 2),
      };
      const out = asDict(nd.loadFromBytes(await nd.saveToBytes(params)), 'load(save(dict))');
      const keys = Object.keys(out).join();
      check(keys === 'arg:fc_weight,arg:fc_bias,aux:bn_moving_var', `keys in file order: ${keys}`);
      await expectExact('arg:fc_weight', out['arg:fc_weight'], [
        [1, 1],
        [1, 1],
        [1, 1],
      ]);
      await expectExact('arg:fc_bias', out['arg:fc_bias'], [0, 0, 0]);
      await expectExact('aux:bn_moving_var', out['aux:bn_moving_var'], [2]);
    },
  },
  {
    name: 'S3-single-array-saves-as-list-of-one',
    async run() {
      const out = asList(nd.loadFromBytes(await nd.saveToBytes(nd.arange(4))), 'load(save(x))');
      check(out.length === 1, `a list of one, got ${out.length}`);
      await expectExact('x', out[0], [0, 1, 2, 3]);
    },
  },
  {
    name: 'S4-save-writes-mxnet-bytes',
    async run() {
      const bytes = await nd.saveToBytes({
        'arg:fc_weight': nd.array([
          [1, -2, 0.5],
          [4, 5, 6],
        ]),
        'arg:fc_bias': nd.array([0.25, -1]),
      });
      const devType = mx.currentContext().deviceType === 'gpu' ? 2 : 1;
      sameBytes('saveToBytes(fc params)', bytes, fcParamsOn(devType));
    },
  },
  {
    name: 'S5-load-hand-assembled-mxnet-file',
    async run() {
      const out = asDict(nd.loadFromBytes(fcParams), 'load(fc params)');
      await expectExact('arg:fc_weight', out['arg:fc_weight'], [
        [1, -2, 0.5],
        [4, 5, 6],
      ]);
      await expectExact('arg:fc_bias', out['arg:fc_bias'], [0.25, -1]);
      check(out['arg:fc_weight'].dtype === 'float32', 'float32');
    },
  },
  {
    name: 'S6-float32-bit-exact',
    async run() {
      const special = [Number.NaN, -0, Infinity, -Infinity, 1e-45, 3.4028234663852886e38, 0.1];
      const out = asList(nd.loadFromBytes(await nd.saveToBytes([nd.array(special)])), 'load');
      await expectExact('specials', out[0], special);
    },
  },
  {
    name: 'S7-int32-round-trip',
    requires: { dtypes: ['int32'] },
    async run() {
      const x = nd.array([-2147483648, 2147483647, 0, -1], { dtype: 'int32' });
      const bytes = await nd.saveToBytes([x]);
      check(bytes[24 + 4 + 4 + 4 + 8 + 8] === 4, 'int32 is written with type flag 4 (kInt32)');
      const [y] = asList(nd.loadFromBytes(bytes), 'load');
      check(y.dtype === 'int32', `int32 stays int32, got ${y.dtype}`);
      await expectExact('values', y, [-2147483648, 2147483647, 0, -1]);
    },
  },
  {
    name: 'S8-float64-round-trip',
    requires: { dtypes: ['float64'] },
    async run() {
      const x = nd.array([0.1, 1e300, -0], { dtype: 'float64' });
      const bytes = await nd.saveToBytes([x]);
      check(bytes[24 + 4 + 4 + 4 + 8 + 8] === 1, 'float64 is written with type flag 1 (kFloat64)');
      const [y] = asList(nd.loadFromBytes(bytes), 'load');
      check(y.dtype === 'float64', `float64 stays float64, got ${y.dtype}`);
      await expectExact('values', y, [0.1, 1e300, -0]);
    },
  },
  {
    name: 'S9-float64-file-on-any-backend',
    async run() {
      // A float64 file loads as float64 where the backend has it, else as float32.
      const file = new FileBytes().header(1).array([2], 1).f64(0.1, -3).u64(0).build();
      const [y] = asList(nd.loadFromBytes(file), 'load');
      const expected = hasDType('float64') ? 'float64' : 'float32';
      check(y.dtype === expected, `dtype ${y.dtype}, expected ${expected}`);
      await expectClose('values', y, [0.1, -3], { rtol: 1e-7, atol: 0 });
    },
  },
  {
    name: 'S10-float16-loads-as-float32',
    async run() {
      // kFloat16 (flag 2): 1, -2, 65504, 2^-24, -0.
      const file = new FileBytes()
        .header(1)
        .array([5], 2)
        .u16(0x3c00, 0xc000, 0x7bff, 0x0001, 0x8000)
        .u64(1)
        .str('h')
        .build();
      const { h } = asDict(nd.loadFromBytes(file), 'load');
      check(h.dtype === 'float32', `float16 becomes float32, got ${h.dtype}`);
      await expectExact('h', h, [1, -2, 65504, 2 ** -24, -0]);
    },
  },
  {
    name: 'S11-int64-loads-as-int32-with-range-check',
    requires: { dtypes: ['int32'] },
    async run() {
      const ok = new FileBytes().header(1).array([3], 6).i64(-5, 2147483647, -2147483648);
      const [ids] = asList(nd.loadFromBytes(ok.u64(0).build()), 'load');
      check(ids.dtype === 'int32', `int64 becomes int32, got ${ids.dtype}`);
      await expectExact('ids', ids, [-5, 2147483647, -2147483648]);
      const big = new FileBytes()
        .header(1)
        .array([2], 6)
        .i64(1, 2 ** 31);
      const bytes = big.u64(1).str('ids').build();
      await expectThrows(
        'int64 2^31',
        () => nd.loadFromBytes(bytes),
        mx.DTypeOverflowError,
        "array 0 ('ids') holds int64 values; MXTS converts them to int32, but element 1 is 2147483648",
      );
    },
  },
  {
    name: 'S12-legacy-format',
    async run() {
      // Before the magic numbers: u32 ndim, u32 dims, context, type flag, data (as in MXNet's
      // tests/python/unittest/legacy_ndarray.v0); and V1 (0xF993FAC8, int64 TShape).
      const file = new FileBytes()
        .header(2)
        .u32(2)
        .u32(2)
        .u32(1)
        .i32(1, 0, 0)
        .f32(7, 8)
        .u32(0xf993fac8)
        .i32(1)
        .i64(3)
        .i32(1, 0, 0)
        .f32(1, 2, 3)
        .u64(0)
        .build();
      const [a, b] = asList(nd.loadFromBytes(file), 'load');
      await expectExact('legacy', a, [[7], [8]]);
      await expectExact('V1', b, [1, 2, 3]);
    },
  },
  {
    name: 'S13-0d-array-needs-npShape',
    async run() {
      const s = nd.array([3], { shape: [] });
      await expectThrows(
        'save 0-d in V2',
        () => nd.saveToBytes([s]),
        mx.InvalidArgumentError,
        'npShape: true',
      );
      const bytes = await nd.saveToBytes([s], { npShape: true });
      check(bytes[24] === 0xca, 'V3 magic 0xF993FACA');
      const [t] = asList(nd.loadFromBytes(bytes), 'load');
      expectShape('0-d', t, []);
      check((await t.data())[0] === 3, 'value 3');
    },
  },
  {
    name: 'S14-truncated-at-every-byte',
    async run() {
      for (let n = 0; n < fcParams.length; n++) {
        await expectThrows(
          `cut at byte ${n}`,
          () => nd.loadFromBytes(fcParams.subarray(0, n)),
          mx.CorruptFileError,
          'Invalid NDArray file format: expected',
        );
      }
    },
  },
  {
    name: 'S15-corrupt-fields-are-named',
    async run() {
      const json = new TextEncoder().encode('{"nodes": []}');
      await expectThrows(
        'not a file',
        () => nd.loadFromBytes(json),
        mx.CorruptFileError,
        'at byte 0',
      );
      const flag = new FileBytes().header(1).array([1], 99).f32(0).u64(0).build();
      await expectThrows(
        'type flag 99',
        () => nd.loadFromBytes(flag),
        mx.CorruptFileError,
        "array 0's type flag (int32, an mshadow TypeFlag 0-12) at byte 52, but found 99",
      );
      const names = new FileBytes().header(1).array([1], 0).f32(0).u64(5).build();
      await expectThrows(
        'name count',
        () => nd.loadFromBytes(names),
        mx.CorruptFileError,
        'the name count (uint64: 0, or 1, one per array) at byte 60',
      );
      const huge = new FileBytes()
        .header(1)
        .array([2 ** 40, 2 ** 40], 0)
        .u64(0)
        .build();
      await expectThrows(
        'huge shape',
        () => nd.loadFromBytes(huge),
        mx.CorruptFileError,
        'truncated',
      );
    },
  },
  {
    name: 'S16-sparse-storage-is-a-typed-error',
    async run() {
      // row_sparse (storage type 1) of shape (3,) with no stored rows.
      const file = new FileBytes()
        .header(1)
        .u32(0xf993fac9)
        .i32(1)
        .i32(1)
        .i64(0) // storage shape (0,)
        .i32(1)
        .i64(3) // shape (3,)
        .i32(1, 0, 0) // cpu(0), kFloat32
        .i32(6, 1)
        .i64(0) // aux 0: kInt64, shape (0,)
        .u64(1)
        .str('arg:embed_weight')
        .build();
      await expectThrows(
        'row_sparse',
        () => nd.loadFromBytes(file),
        mx.UnsupportedStorageTypeError,
        "array 0 ('arg:embed_weight') has the unsupported storage type 'row_sparse'",
      );
    },
  },
  {
    name: 'S17-ctx-option-and-computed-arrays',
    async run() {
      const x = nd.array([1, 2, 3]);
      x.attachGrad();
      const y = mx.autograd.record(() => x.mul(x).sum());
      y.backward();
      const bytes = await nd.saveToBytes({ x, 'x.grad': x.grad!, y: nd.exp(x) });
      const out = asDict(nd.loadFromBytes(bytes, { ctx: mx.currentContext() }), 'load');
      check(out.x.context.equals(mx.currentContext()), 'on the given context');
      await expectExact('x.grad', out['x.grad'], [2, 4, 6]);
      await expectClose('exp(x)', out.y, [Math.exp(1), Math.exp(2), Math.exp(3)]);
    },
  },
  {
    name: 'S18-bad-save-arguments',
    async run() {
      await expectThrows(
        'a number in the list',
        () => nd.saveToBytes([nd.ones([1]), 2 as never]),
        mx.InvalidArgumentError,
        'save only accept dict str->NDArray or list of NDArray',
      );
      const x = nd.ones([1]);
      x.dispose();
      await expectThrows('a disposed array', () => nd.saveToBytes([x]), mx.DisposedArrayError);
    },
  },
]);
