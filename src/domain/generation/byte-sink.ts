const CHUNK = 1 << 20;
const encoder = new TextEncoder();
const COMMA = 44;
const NEWLINE = 10;
const ZERO = 48;

/** The fast paths of int() and money() use 32-bit integer arithmetic. */
const MAX_INT32 = 2_147_483_647;

/** Decimal digits of a non-negative integer up to MAX_INT32. */
function digitCount(n: number): number {
  if (n < 10) return 1;
  if (n < 100) return 2;
  if (n < 1000) return 3;
  if (n < 10000) return 4;
  if (n < 100000) return 5;
  if (n < 1000000) return 6;
  if (n < 10000000) return 7;
  if (n < 100000000) return 8;
  if (n < 1000000000) return 9;
  return 10;
}

/** UTF-8 bytes of a string, for the small fixed texts written again and again (categories, enums). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * CSV bytes written straight into 1 MiB chunks. Building each row as a JavaScript string and encoding it
 * later costs several allocations per row; at tens of millions of rows that dominates the run time.
 */
export class ByteSink {
  private buf = new Uint8Array(0);
  private pos = 0;
  private readonly full: Uint8Array[] = [];

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    if (this.pos > 0) this.full.push(this.buf.subarray(0, this.pos));
    this.buf = new Uint8Array(Math.max(CHUNK, bytes));
    this.pos = 0;
  }

  /** An ASCII-only string (ids, dates, numbers as text). */
  ascii(s: string): this {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
    return this;
  }

  bytes(b: Uint8Array): this {
    const n = b.length;
    this.room(n);
    if (n > 32) {
      this.buf.set(b, this.pos);
      this.pos += n;
      return this;
    }
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = b[i] as number;
    this.pos = p;
    return this;
  }

  /** Any text, UTF-8 encoded, quoted as RFC 4180 requires when it holds a comma, quote or line break. */
  text(s: string): this {
    if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
    this.room(s.length * 3);
    this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
    return this;
  }

  /** A non-negative integer, optionally zero-padded to `width` digits. */
  int(n: number, width = 1): this {
    if (n > MAX_INT32) return this.ascii(String(n).padStart(width, '0'));
    this.room(20);
    const len = Math.max(width, digitCount(n));
    const buf = this.buf;
    let p = this.pos + len - 1;
    let v = n;
    for (let i = 0; i < len; i++) {
      const q = (v / 10) | 0;
      buf[p--] = ZERO + v - q * 10;
      v = q;
    }
    this.pos += len;
    return this;
  }

  /** Cents as money text with two decimals: 123456 → 1234.56. */
  money(cents: number): this {
    const whole = cents > MAX_INT32 ? Math.floor(cents / 100) : (cents / 100) | 0;
    const frac = cents - whole * 100;
    this.int(whole);
    const buf = this.buf;
    const tens = (frac / 10) | 0;
    buf[this.pos++] = 46;
    buf[this.pos++] = ZERO + tens;
    buf[this.pos++] = ZERO + frac - tens * 10;
    return this;
  }

  /** A local timestamp: the date bytes, a space and HH:MM:SS of `second` (0–86399). */
  timestamp(date: Uint8Array, second: number): this {
    this.bytes(date);
    this.room(9);
    const buf = this.buf;
    const h = Math.floor(second / 3600);
    const m = Math.floor((second % 3600) / 60);
    const s = second % 60;
    buf[this.pos++] = 32;
    buf[this.pos++] = ZERO + Math.floor(h / 10);
    buf[this.pos++] = ZERO + (h % 10);
    buf[this.pos++] = 58;
    buf[this.pos++] = ZERO + Math.floor(m / 10);
    buf[this.pos++] = ZERO + (m % 10);
    buf[this.pos++] = 58;
    buf[this.pos++] = ZERO + Math.floor(s / 10);
    buf[this.pos++] = ZERO + (s % 10);
    return this;
  }

  comma(): this {
    this.room(1);
    this.buf[this.pos++] = COMMA;
    return this;
  }

  end(): void {
    this.room(1);
    this.buf[this.pos++] = NEWLINE;
  }

  /** The bytes written so far, as chunks; the sink starts afresh. */
  drain(): Uint8Array[] {
    if (this.pos > 0) this.full.push(this.buf.subarray(0, this.pos));
    this.buf = new Uint8Array(0);
    this.pos = 0;
    return this.full.splice(0);
  }
}
