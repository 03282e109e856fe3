import * as OpenCC from 'opencc-js';

// Taiwan and Hong Kong standards differ for a few characters (衞/衛, 着/著…): converting from both catches
// either form; each conversion leaves simplified characters unchanged.
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** Traditional Chinese (Taiwan or Hong Kong forms) to simplified; simplified text is returned unchanged. */
export function toSimplified(text: string): string {
  return fromHongKong(fromTaiwan(text));
}
