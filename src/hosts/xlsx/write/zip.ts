/**
 * A zip writer for workbook packages. Each part comes as text in pieces and is deflated piece by piece as it comes,
 * so a large sheet never exists as one string; finished parts go to a sink (a file, or a list of chunks).
 */

/** Raw deflate and CRC-32, supplied by the host: Node's zlib, or pako in a browser. */
export interface Compression {
  /**
   * Deflate one piece on its own, ended by a sync flush and not marked last, so the pieces of a part join into one
   * deflate stream. A promise lets the host compress on another thread while the next piece is being written.
   */
  deflatePiece(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
  crc32(data: Uint8Array, previous: number): number;
}

/** An empty final block: closes a stream of sync-flushed pieces. */
const LAST_BLOCK = Uint8Array.of(0x03, 0x00);
/** Pieces being compressed at once; each holds its uncompressed text until done. */
const MAX_IN_FLIGHT = 4;

export type ZipSink = (chunk: Uint8Array) => void;

interface EntryRecord {
  name: Uint8Array;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** Text is encoded and deflated once this much has gathered: big enough for good compression, small in memory. */
const PIECE_CHARS = 1 << 19;
const MAX_ZIP32 = 0xffffffff;

const encoder = new TextEncoder();

function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export class ZipWriter {
  private readonly entries: EntryRecord[] = [];
  private offset = 0;
  private readonly stamp: { time: number; day: number };

  constructor(
    private readonly compression: Compression,
    private readonly sink: ZipSink,
    date: Date,
  ) {
    this.stamp = dosDateTime(date);
  }

  /** Add one part, as text or as pieces of text and UTF-8 bytes (a generator, so a large sheet never exists whole). */
  async add(name: string, content: string | Iterable<string | Uint8Array>): Promise<void> {
    const pieces: (Uint8Array | Promise<Uint8Array>)[] = [];
    let settled = 0;
    let crc = 0;
    let size = 0;
    let pending: string[] = [];
    let pendingChars = 0;
    const piece = async (bytes: Uint8Array) => {
      crc = this.compression.crc32(bytes, crc);
      size += bytes.length;
      pieces.push(this.compression.deflatePiece(bytes));
      // Wait for the oldest piece when enough are in flight: memory stays bounded however fast text comes.
      while (pieces.length - settled > MAX_IN_FLIGHT) {
        pieces[settled] = await pieces[settled];
        settled++;
      }
    };
    const flush = async () => {
      if (pendingChars === 0) return;
      const bytes = encoder.encode(pending.join(''));
      pending = [];
      pendingChars = 0;
      await piece(bytes);
    };
    for (const item of typeof content === 'string' ? [content] : content) {
      if (typeof item !== 'string') {
        // Bytes already built: after the text before them, as a piece of their own.
        await flush();
        if (item.length) await piece(item);
        continue;
      }
      pending.push(item);
      pendingChars += item.length;
      if (pendingChars >= PIECE_CHARS) await flush();
    }
    await flush();
    const compressed = [...(await Promise.all(pieces)), LAST_BLOCK];
    let compressedSize = 0;
    for (const c of compressed) compressedSize += c.length;
    if (size > MAX_ZIP32 || compressedSize > MAX_ZIP32 || this.offset > MAX_ZIP32) {
      throw new Error(`the workbook part ${name} is larger than 4 GB`);
    }
    const nameBytes = encoder.encode(name);
    const header = new Uint8Array(30 + nameBytes.length);
    const v = new DataView(header.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    v.setUint16(6, 0x0800, true); // names are UTF-8
    v.setUint16(8, 8, true); // deflate
    v.setUint16(10, this.stamp.time, true);
    v.setUint16(12, this.stamp.day, true);
    v.setUint32(14, crc >>> 0, true);
    v.setUint32(18, compressedSize, true);
    v.setUint32(22, size, true);
    v.setUint16(26, nameBytes.length, true);
    header.set(nameBytes, 30);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, compressedSize, size, offset: this.offset });
    this.emit(header);
    for (const c of compressed) this.emit(c);
  }

  /** Write the central directory. */
  finish(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const rec = new Uint8Array(46 + e.name.length);
      const v = new DataView(rec.buffer);
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true); // made by: 2.0
      v.setUint16(6, 20, true);
      v.setUint16(8, 0x0800, true);
      v.setUint16(10, 8, true);
      v.setUint16(12, this.stamp.time, true);
      v.setUint16(14, this.stamp.day, true);
      v.setUint32(16, e.crc, true);
      v.setUint32(20, e.compressedSize, true);
      v.setUint32(24, e.size, true);
      v.setUint16(28, e.name.length, true);
      v.setUint32(42, e.offset, true);
      rec.set(e.name, 46);
      this.emit(rec);
    }
    const end = new Uint8Array(22);
    const v = new DataView(end.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, this.entries.length, true);
    v.setUint16(10, this.entries.length, true);
    v.setUint32(12, this.offset - start, true);
    v.setUint32(16, start, true);
    this.emit(end);
  }

  private emit(chunk: Uint8Array): void {
    this.offset += chunk.length;
    this.sink(chunk);
  }
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (the zip polynomial) in plain JavaScript, for hosts without a native one. */
export function crc32(data: Uint8Array, previous = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
