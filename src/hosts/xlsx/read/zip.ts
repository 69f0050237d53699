/**
 * The zip container of a package: its central directory, checked so that every reader sees the same parts (no
 * duplicate names, local headers that agree with the directory, no two parts sharing bytes), and parts unpacked
 * one at a time with their size and CRC-32 checked.
 */
import { Inflate } from 'pako';
import { concatBytes } from '../concat';
import { crc32 as jsCrc32 } from '../write/zip';

/**
 * Inflate raw DEFLATE data (no zlib header), e.g. Node's zlib.inflateRawSync. `size` is the size the zip
 * directory declares: an implementation should stop (throw) beyond it, so a part that lies about its size
 * cannot unpack to more than the limits allowed.
 */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;
export type Crc32 = (data: Uint8Array, previous: number) => number;

/**
 * Raw inflate in pure JavaScript (pako) that stops past the declared size (+1 to notice a part that lies about it),
 * so the size limits hold in a browser as they do with Node's zlib.
 */
export const pakoInflateRaw: InflateRaw = (data, size) => {
  const inflater = new Inflate({ raw: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  inflater.onData = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > size + 1) throw new Error('a part unpacks to more than its declared size');
    chunks.push(chunk);
  };
  inflater.push(data, true);
  if (inflater.err) throw new Error(inflater.msg || 'damaged compressed data');
  return concatBytes(chunks);
};

export interface ZipEntry {
  /** As stored (a leading "/" kept); UTF-8 when the entry says so, else Latin-1 (as jszip reads names). */
  name: string;
  /**
   * The part name as the limits and the reader both use it: without a leading "/", percent-escapes decoded,
   * ASCII letters in lower case (OPC compares part names case-insensitively).
   */
  key: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  localOffset: number;
  /** Where the stored name starts in the central directory, and its length in bytes. */
  nameAt: number;
  nameLength: number;
}

export function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

export function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 2 ** 32;
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** The one interpretation of a part name (an entry's name, or a relationship's resolved target). */
export function partKey(name: string): string {
  let key = name.startsWith('/') ? name.slice(1) : name;
  if (key.indexOf('%') >= 0) {
    try {
      key = decodeURIComponent(key);
    } catch {
      // A malformed escape is kept as written.
    }
  }
  return key.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** Read the zip's central directory; undefined when the end record or directory is missing or damaged. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | undefined {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: the locator sits just before the end record and points at the ZIP64 end record.
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== 0x07064b50) return undefined;
    const z = u64(bytes, loc + 8);
    if (z + 56 > bytes.length || u32(bytes, z) !== 0x06064b50) return undefined;
    count = u64(bytes, z + 32);
    size = u64(bytes, z + 40);
    offset = u64(bytes, z + 48);
  }
  if (offset + size > bytes.length) return undefined;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return undefined;
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc32 = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    if (p + 46 + nameLength + extraLen > bytes.length) return undefined;
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = flags & 0x800 ? utf8.decode(rawName) : latin1.decode(rawName);
    // ZIP64 extra field carries the real sizes and offset when the 32-bit fields are saturated.
    let e = p + 46 + nameLength;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
      }
      e += 4 + len;
    }
    entries.push({ name, key: partKey(name), method, flags, crc32, compressedSize, uncompressedSize, localOffset, nameAt: p + 46, nameLength });
    p += 46 + nameLength + extraLen + commentLen;
  }
  return entries;
}

/** Why a zip's entries cannot be trusted to mean one thing. */
export type ZipConflict = { kind: 'duplicate'; part: string } | { kind: 'header' | 'overlap' | 'outside'; part: string };

/** Where each entry's data starts (after its local header), or the first conflict among the entries. */
export function checkEntries(bytes: Uint8Array, entries: ZipEntry[]): { dataStarts: Map<ZipEntry, number> } | ZipConflict {
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.key.endsWith('/') && e.uncompressedSize === 0) continue; // a folder
    if (seen.has(e.key)) return { kind: 'duplicate', part: e.name };
    seen.add(e.key);
  }
  const dataStarts = new Map<ZipEntry, number>();
  const ranges: { start: number; end: number; entry: ZipEntry }[] = [];
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) return { kind: 'header', part: e.name };
    const nameLength = u16(bytes, at + 26);
    // The local header must name the same part as the directory: else two readers see two different packages.
    if (nameLength !== e.nameLength || !sameBytes(bytes, at + 30, e.nameAt, nameLength)) return { kind: 'header', part: e.name };
    const start = at + 30 + nameLength + u16(bytes, at + 28);
    const end = start + e.compressedSize;
    if (end > bytes.length) return { kind: 'outside', part: e.name };
    dataStarts.set(e, start);
    ranges.push({ start: at, end, entry: e });
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) if (ranges[i].start < ranges[i - 1].end) return { kind: 'overlap', part: ranges[i].entry.name };
  return { dataStarts };
}

function sameBytes(b: Uint8Array, x: number, y: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (b[x + i] !== b[y + i]) return false;
  return true;
}

/** A checked zip: its parts by key, each unpacked on request. */
export class ZipArchive {
  private readonly byKey = new Map<string, ZipEntry>();

  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: ZipEntry[],
    private readonly dataStarts: Map<ZipEntry, number>,
  ) {
    for (const e of entries) if (!(e.key.endsWith('/') && e.uncompressedSize === 0)) this.byKey.set(e.key, e);
  }

  /** The archive over these bytes, or why its entries are ambiguous. */
  static open(bytes: Uint8Array, entries: ZipEntry[]): ZipArchive | ZipConflict {
    const checked = checkEntries(bytes, entries);
    return 'kind' in checked ? checked : new ZipArchive(bytes, entries, checked.dataStarts);
  }

  /** The entry of a part, by any spelling of its name (see partKey). */
  entry(name: string): ZipEntry | undefined {
    return this.byKey.get(partKey(name));
  }

  /** Unpack one part; throws when its data is damaged, not the size its directory declares, or fails its CRC-32. */
  read(entry: ZipEntry, inflateRaw: InflateRaw, crc32: Crc32 = jsCrc32): Uint8Array {
    const start = this.dataStarts.get(entry);
    if (start === undefined) throw new Error(`Corrupted zip: ${entry.name} is not in this archive`);
    if (entry.flags & 1) throw new Error(`Corrupted zip: ${entry.name} is encrypted`);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    let out: Uint8Array;
    if (entry.method === 0) out = data;
    else if (entry.method === 8) out = inflateRaw(data, entry.uncompressedSize);
    else throw new Error(`Corrupted zip: unsupported compression method ${entry.method} for ${entry.name}`);
    // A part whose size is not the declared one is damaged (or a zip bomb lying about its size).
    if (out.length !== entry.uncompressedSize) throw new Error(`Corrupted zip: ${entry.name} is not the size its directory declares`);
    if (crc32(out, 0) !== entry.crc32) throw new Error(`Corrupted zip: ${entry.name} fails its CRC-32 check`);
    return out;
  }
}
