const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Full-width ASCII forms (ＡＢＣ１２３（）) become their half-width forms; the ideographic space becomes a space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST)
      out += String.fromCodePoint(code - FULL_TO_HALF_OFFSET);
    else if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else out += ch;
  }
  return out;
}
