const REPLACEMENTS: readonly (readonly [RegExp, string])[] = [
  [/[（【〔［｛{〈《]/g, '('],
  [/[）】〕］｝}〉》]/g, ')'],
  [/\[/g, '('],
  [/]/g, ')'],
  [/[·・•‧∙⋅]/g, ''],
  [/[‐‑‒–—―－~〜～_]+/g, '-'],
  [/[，、]/g, ','],
  [/[。．]/g, '.'],
  [/[：]/g, ':'],
  [/[；]/g, ';'],
  [/[‘’`´]/g, "'"],
  [/["“”「」『』]/g, ''],
  [/\s+/g, ' '],
];

/**
 * Uniform punctuation: every bracket style becomes ( ), interpuncts and quotation marks go, apostrophes are
 * straight, dashes become -, runs of whitespace one space. Apply after toHalfWidth.
 */
export function normalisePunctuation(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  return out.trim();
}

const CJK = '\\u3400-\\u9fff';
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=[${CJK}()])\\s+|\\s+(?=[${CJK}()])`, 'g');

/** Spaces next to a Chinese character or bracket carry no meaning in a name ("老王 面馆"); spaces between Latin words do. */
export function dropCjkSpaces(text: string): string {
  return text.replace(SPACE_NEXT_TO_CJK, '');
}
