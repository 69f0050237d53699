/**
 * Builds XML as UTF-8 bytes directly, for the rows of large sheets: no string per cell, nothing to flatten or
 * encode afterwards. Full buffers are taken away whole (the zip writer may still be compressing them).
 */
const encoder = new TextEncoder();

export const asciiBytes = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

export class ByteBuilder {
  private buf: Uint8Array;
  private at = 0;

  constructor(private readonly pieceBytes = 1 << 20) {
    this.buf = new Uint8Array(pieceBytes + 64 * 1024);
  }

  get full(): boolean {
    return this.at >= this.pieceBytes;
  }

  /** The bytes so far; the builder starts a new buffer. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.at);
    this.buf = new Uint8Array(this.pieceBytes + 64 * 1024);
    this.at = 0;
    return out;
  }

  bytes(b: Uint8Array): void {
    const n = b.length;
    if (this.at + n > this.buf.length) this.grow(n);
    // Pieces of a cell are a few bytes: a loop beats set() for those.
    if (n > 32) this.buf.set(b, this.at);
    else for (let i = 0, at = this.at; i < n; i++) this.buf[at + i] = b[i];
    this.at += n;
  }

  /** A non-negative whole number. */
  uint(n: number): void {
    if (this.at + 16 > this.buf.length) this.grow(16);
    let digits = 1;
    // Small integer arithmetic where it fits (row numbers, string ids), doubles above.
    if (n < 0x80000000) {
      for (let m = n; m >= 10; m = (m / 10) | 0) digits++;
      let i = this.at + digits;
      this.at = i;
      do {
        this.buf[--i] = 48 + (n % 10);
        n = (n / 10) | 0;
      } while (n > 0);
      return;
    }
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    let i = this.at + digits;
    this.at = i;
    do {
      this.buf[--i] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /** A finite number as XML Schema's double (what String() gives). */
  number(n: number): void {
    if (Number.isInteger(n) && n >= 0 && n < 1e15) this.uint(n);
    else this.text(String(n));
  }

  /** Any text, UTF-8 encoded (already escaped for XML by the caller). */
  text(s: string): void {
    if (this.at + s.length * 3 > this.buf.length) this.grow(s.length * 3);
    this.at += encoder.encodeInto(s, this.buf.subarray(this.at)).written;
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.at + needed + 1024));
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
  }
}
