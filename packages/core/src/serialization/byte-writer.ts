/**
 * Collects little-endian fields and byte chunks, then joins them into one buffer: the
 * writing side of MXNet's dmlc::Stream for the NDArray file format.
 *
 * @example
 * const w = new ByteWriter();
 * w.u64(0x112n); w.u64(0n);
 * const bytes = w.finish();
 */
export class ByteWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  private field(size: number, set: (view: DataView) => void): void {
    const chunk = new Uint8Array(size);
    set(new DataView(chunk.buffer));
    this.bytes(chunk);
  }

  /** A uint32. */
  u32(v: number): void {
    this.field(4, (d) => d.setUint32(0, v, true));
  }

  /** An int32. */
  i32(v: number): void {
    this.field(4, (d) => d.setInt32(0, v, true));
  }

  /** A uint64. */
  u64(v: bigint): void {
    this.field(8, (d) => d.setBigUint64(0, v, true));
  }

  /** An int64. */
  i64(v: bigint): void {
    this.field(8, (d) => d.setBigInt64(0, v, true));
  }

  /** Raw bytes; the writer keeps the chunk, so callers must not change it afterwards. */
  bytes(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.byteLength;
  }

  /** The bytes written so far, as one array. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  }
}
