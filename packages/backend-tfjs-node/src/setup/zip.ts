import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';

/** One file of a zip archive, as its central directory lists it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Reads a zip's central directory (zip64 included): every entry by name. */
export async function readZipIndex(file: string): Promise<Map<string, ZipEntry>> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new Error(`${file} is not a zip archive (no end of central directory)`);
    let count = tail.readUInt16LE(at + 10);
    let dirSize = tail.readUInt32LE(at + 12);
    let dirOffset = tail.readUInt32LE(at + 16);
    if (at >= 20 && tail.readUInt32LE(at - 20) === EOCD64_LOCATOR) {
      const rec = Buffer.alloc(56);
      await fh.read(rec, 0, 56, Number(tail.readBigUInt64LE(at - 20 + 8)));
      count = Number(rec.readBigUInt64LE(32));
      dirSize = Number(rec.readBigUInt64LE(40));
      dirOffset = Number(rec.readBigUInt64LE(48));
    }
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (dir.readUInt32LE(p) !== CENTRAL) throw new Error(`${file}: corrupt central directory`);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const e: ZipEntry = {
        name: dir.toString('utf8', p + 46, p + 46 + nameLength),
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        localHeaderOffset: dir.readUInt32LE(p + 42),
      };
      // Zip64: the sizes and offset that overflow 32 bits are in extra field 0x0001, in order.
      let x = p + 46 + nameLength;
      const end = x + extraLength;
      while (x + 4 <= end) {
        const id = dir.readUInt16LE(x);
        const len = dir.readUInt16LE(x + 2);
        if (id === 1) {
          let q = x + 4;
          for (const key of ['size', 'compressedSize', 'localHeaderOffset'] as const) {
            if (e[key] === 0xffffffff) {
              e[key] = Number(dir.readBigUInt64LE(q));
              q += 8;
            }
          }
        }
        x += 4 + len;
      }
      entries.set(e.name, e);
      p = end + commentLength;
    }
    return entries;
  } finally {
    await fh.close();
  }
}

/** Writes one entry's contents to `dest`, streaming (stored or deflated). */
export async function extractZipEntry(file: string, entry: ZipEntry, dest: string): Promise<void> {
  const fh = await open(file, 'r');
  let dataStart: number;
  try {
    const h = Buffer.alloc(30);
    await fh.read(h, 0, 30, entry.localHeaderOffset);
    if (h.readUInt32LE(0) !== LOCAL) throw new Error(`${file}: corrupt entry ${entry.name}`);
    dataStart = entry.localHeaderOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  } finally {
    await fh.close();
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new Error(`${file}: entry ${entry.name} uses compression method ${entry.method}`);
  }
  const out = createWriteStream(dest);
  if (entry.compressedSize === 0) {
    await new Promise<void>((done, fail) => {
      out.on('error', fail);
      out.end(() => done());
    });
    return;
  }
  const src = createReadStream(file, {
    start: dataStart,
    end: dataStart + entry.compressedSize - 1,
  });
  if (entry.method === 0) await pipeline(src, out);
  else await pipeline(src, createInflateRaw(), out);
  if (out.bytesWritten !== entry.size) {
    throw new Error(
      `${file}: entry ${entry.name} gave ${out.bytesWritten} bytes, expected ${entry.size}`,
    );
  }
}
