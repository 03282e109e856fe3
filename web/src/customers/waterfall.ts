/** One bar of a waterfall: where it starts and ends on the score axis. */
export interface WaterfallStep {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'up' | 'down' | 'total';
}

/** Running totals of the contributions, then the total as a bar from 0 to the score. */
export function waterfallSteps(
  terms: readonly { readonly label: string; readonly contribution: number }[],
  totalLabel: string,
): WaterfallStep[] {
  let running = 0;
  const steps: WaterfallStep[] = terms.map((term) => {
    const start = running;
    running += term.contribution;
    return { label: term.label, start, end: running, kind: term.contribution < 0 ? 'down' : 'up' };
  });
  steps.push({ label: totalLabel, start: 0, end: running, kind: 'total' });
  return steps;
}

/**
 * The three stacked series that draw a waterfall with ordinary bars: an invisible base, then the visible part
 * above zero and the part below zero. ECharts stacks positive and negative values separately, so a bar that
 * crosses zero is drawn as both parts from a base of 0; one entirely below zero hangs from its upper end.
 */
export function waterfallStacks(steps: readonly WaterfallStep[]): {
  base: number[];
  positive: number[];
  negative: number[];
} {
  const base: number[] = [];
  const positive: number[] = [];
  const negative: number[] = [];
  for (const s of steps) {
    const lo = Math.min(s.start, s.end);
    const hi = Math.max(s.start, s.end);
    if (lo >= 0) {
      base.push(lo);
      positive.push(hi - lo);
      negative.push(0);
    } else if (hi <= 0) {
      base.push(hi);
      positive.push(0);
      negative.push(lo - hi);
    } else {
      base.push(0);
      positive.push(hi);
      negative.push(lo);
    }
  }
  return { base, positive, negative };
}
