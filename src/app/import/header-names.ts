/**
 * The form headers and file stems are compared in: NFKC (full-width → half-width), lower case, without whitespace
 * (including the ideographic space), underscores, hyphens or a BOM. `客户 ID`, `客户ＩＤ` and `客户id` are one header.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-\uFEFF\u200B]/g, '');
}
