const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** A Chinese numeral below 10 000 (三十八, 一百零五, 二〇八) as a number, or null when it is not one. */
export function parseChineseNumeral(text: string): number | null {
  if (text === '') return null;
  if ([...text].every((ch) => ch in DIGITS)) {
    // Digit by digit: 二〇八 = 208.
    return Number([...text].map((ch) => DIGITS[ch]).join(''));
  }
  let total = 0;
  let digit: number | null = null;
  const units: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch] ?? 0;
    else if (ch in units) {
      total += (digit ?? 1) * (units[ch] ?? 1);
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

const NUMERAL_BEFORE_UNIT = /([零〇一二两三四五六七八九十百千]+)(?=[号號栋幢楼层室弄单元座])/g;

/** House, building, floor and room numbers written in Chinese numerals (三十八号) become digits (38号). */
export function houseNumbersToDigits(address: string): string {
  return address.replace(NUMERAL_BEFORE_UNIT, (numeral) => {
    const n = parseChineseNumeral(numeral);
    return n === null ? numeral : String(n);
  });
}
