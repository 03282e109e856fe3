/** Printable ASCII, which a quoted filename holds as it is (but for the quote and the backslash). */
const PLAIN = /^[\x20-\x7e]*$/;

/** RFC 5987 value characters: what encodeURIComponent leaves alone, but for ' ( ) and *. */
const encodeValue = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A Content-Disposition header that downloads `filename` (RFC 6266): `filename="…"` alone when it is plain
 * ASCII, else an ASCII stand-in (other characters as _) and the exact name as `filename*=UTF-8''…`.
 */
export function attachmentHeader(filename: string): string {
  const fallback = [...filename].map((c) => (PLAIN.test(c) && c !== '"' && c !== '\\' ? c : '_')).join('');
  if (fallback === filename) return `attachment; filename="${filename}"`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeValue(filename)}`;
}
