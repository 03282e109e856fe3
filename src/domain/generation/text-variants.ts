import * as OpenCC from 'opencc-js/cn2t';

/**
 * How a second registration of the same restaurant differs from the first. Each variant changes the name
 * and/or the address in a way a clerk or a customer re-typing it plausibly would.
 */
export const DUPLICATE_VARIANTS = [
  'branch_suffix',
  'spacing',
  'city_dropped',
  'traditional',
  'fullwidth',
] as const;

export type DuplicateVariant = (typeof DUPLICATE_VARIANTS)[number];

export interface NameAndAddress {
  readonly name: string;
  readonly address: string;
}

let toTraditional: ((text: string) => string) | undefined;

/** Simplified → traditional (Taiwan) characters, via opencc-js; the dictionaries load on first use. */
export function traditional(text: string): string {
  const convert = (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return convert(text);
}

/** ASCII letters, digits and punctuation → their full-width forms (88号 → ８８号). */
export function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

const SUFFIX_RE = /^(.*?)\s*[（(]([^（）()]+)[）)]$/;

/** Adds, removes or restyles a branch suffix: 蜀香阁（朝阳店） ↔ 蜀香阁(朝阳店) ↔ 蜀香阁 朝阳店 ↔ 蜀香阁. */
export function changeBranchSuffix(name: string, pick: number, district: string): string {
  const m = SUFFIX_RE.exec(name);
  if (m) {
    const [, base = name, suffix = ''] = m;
    const options = [`${base}(${suffix})`, `${base} ${suffix}`, base, `${base}${suffix}`];
    return options[pick % options.length] ?? base;
  }
  const options = [`${name}（${district}店）`, `${name}(总店)`, `${name} ${district}店`];
  return options[pick % options.length] ?? name;
}

/** Inserts a space inside the name (or removes its spaces) and one after the district in the address. */
export function changeSpacing(value: NameAndAddress, pick: number, district: string): NameAndAddress {
  const chars = [...value.name];
  const name = value.name.includes(' ')
    ? value.name.replace(/\s+/g, '')
    : `${chars.slice(0, 1 + (pick % Math.max(1, chars.length - 1))).join('')} ${chars
        .slice(1 + (pick % Math.max(1, chars.length - 1)))
        .join('')}`.trim();
  const address = value.address.replace(district, `${district} `);
  return { name, address };
}

export function dropCity(address: string, city: string): string {
  return address.startsWith(`${city}市`) ? address.slice(city.length + 1) : address.replace(city, '');
}

/** Applies the variants in a fixed order, so that the result depends only on the set chosen. */
export function applyVariants(
  original: NameAndAddress,
  variants: readonly DuplicateVariant[],
  ctx: { city: string; district: string; shortDistrict: string; pick: number },
): NameAndAddress {
  let value = original;
  for (const variant of DUPLICATE_VARIANTS) {
    if (!variants.includes(variant)) continue;
    switch (variant) {
      case 'branch_suffix':
        value = { ...value, name: changeBranchSuffix(value.name, ctx.pick, ctx.shortDistrict) };
        break;
      case 'spacing':
        value = changeSpacing(value, ctx.pick, ctx.district);
        break;
      case 'city_dropped':
        value = { ...value, address: dropCity(value.address, ctx.city) };
        break;
      case 'traditional':
        value = { name: traditional(value.name), address: traditional(value.address) };
        break;
      case 'fullwidth':
        value = { name: fullWidth(value.name), address: fullWidth(value.address) };
        break;
    }
  }
  return value;
}
