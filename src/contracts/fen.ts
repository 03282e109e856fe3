/** Yuan (2 decimals) as whole fen, so that sums are exact like the engines' DECIMAL sums. */
export const toFen = (yuan: number): number => Math.round(yuan * 100);
