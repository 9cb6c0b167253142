import { CorruptFileError } from '../errors/corrupt-file-error.js';

/**
 * A bounds-checked little-endian cursor over a file's bytes, as dmlc::Stream::Read is used
 * by MXNet's loaders. Every read names the field it expects, so a short or corrupt file
 * raises a CorruptFileError with that name and the byte offset instead of reading past
 * the end.
 *
 * @example
 * const r = new ByteReader(bytes);
 * const magic = r.u64('the list magic 0x112 (uint64)');
 */
export class ByteReader {
  /** Offset of the next byte to read. */
  offset = 0;
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Bytes left after the cursor. */
  get remaining(): number {
    return this.bytes.byteLength - this.offset;
  }

  /** Throws unless `n` more bytes are there for `what` (`n` may be a uint64 from the file). */
  need(n: number | bigint, what: string): void {
    if (BigInt(n) > BigInt(this.remaining)) {
      throw new CorruptFileError(
        this.offset,
        `${what} (${n} bytes)`,
        `the file ends at byte ${this.bytes.byteLength} (${this.remaining} bytes left): it is truncated`,
      );
    }
  }

  /** A uint32 (dmlc's `Read(&uint32_t)`). */
  u32(what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }

  /** An int32 (`int32_t`, and the C++ `int` of TShape's ndim and Context's dev_type). */
  i32(what: string): number {
    this.need(4, what);
    const v = this.view.getInt32(this.offset, true);
    this.offset += 4;
    return v;
  }

  /** A uint64 (counts and lengths of dmlc's vector and string serializers). */
  u64(what: string): bigint {
    this.need(8, what);
    const v = this.view.getBigUint64(this.offset, true);
    this.offset += 8;
    return v;
  }

  /** An int64 (`dim_t`, a TShape dimension). */
  i64(what: string): bigint {
    this.need(8, what);
    const v = this.view.getBigInt64(this.offset, true);
    this.offset += 8;
    return v;
  }

  /** The next `n` bytes, as a view (no copy). */
  take(n: number | bigint, what: string): Uint8Array {
    this.need(n, what);
    const length = Number(n);
    const v = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return v;
  }
}
