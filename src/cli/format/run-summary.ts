import type { RunSummary } from '../../app/tiering/run-tiering.js';
import { DIFFERENCE_EXPLANATIONS, DIFFERENCE_REASONS } from '../../domain/tiering/stream/reconciliation.js';
import { TAG_NAMES, TIER_NAMES, TIERS, TAGS } from '../../contracts/tiering/tiers.js';

const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number, total: number) => (total ? `${((100 * x) / total).toFixed(1)} %` : '–');

export function runSummaryLines(s: RunSummary): string[] {
  const ranked = TIERS.reduce((sum, t) => sum + s.tiers[t], 0);
  return [
    `Run ${s.runId} as of ${s.asOf}: ${n(s.customers)} customers in ${(s.durationMs / 1000).toFixed(1)} s`,
    ...TIERS.map(
      (t) =>
        `  ${TIER_NAMES[t].zh} ${TIER_NAMES[t].en.padEnd(9)} ${n(s.tiers[t]).padStart(9)}  ${pct(s.tiers[t], ranked).padStart(7)}`,
    ),
    ...(s.excluded ? [`  excluded as inactive ${n(s.excluded)}`] : []),
    `  tags: ${TAGS.map((t) => `${TAG_NAMES[t].zh} ${TAG_NAMES[t].en} ${n(s.tags[t])}`).join(', ')}`,
    s.previousRunId ? `  previous run: ${s.previousRunId}` : '  first run: no previous snapshot',
    ...pilotLines(s),
    ...streamLines(s),
  ];
}

/** Each pilot's customers and tiers (included in the totals above), and cities no customer is in. */
function pilotLines(s: RunSummary): string[] {
  return s.pilots.flatMap((p) => {
    const who = p.experiment
      ? `experiment ${p.experiment.name}, variant ${p.experiment.variant}`
      : p.cities.join('、');
    const tiers = TIERS.map((t) => `${TIER_NAMES[t].zh} ${n(p.tiers[t])}`).join(' / ');
    return [
      `  pilot ${p.name} (${who}): ${n(p.customers)} customers, ${tiers}`,
      ...(p.unknownCities.length
        ? [
            `    warning: no customer in ${p.unknownCities.join('、')} (check the spelling in the customer master)`,
          ]
        : []),
      ...(p.experiment && p.customers === 0
        ? [
            '    warning: no customer assigned to this variant (is the experiment assigned, and its name right?)',
          ]
        : []),
    ];
  });
}

/** The reconciliation with the stream's decisions since the previous run. */
function streamLines(s: RunSummary): string[] {
  const r = s.stream;
  if (!r) return [];
  const why = DIFFERENCE_REASONS.filter((k) => r.reasons[k] > 0).map(
    (k) => `${n(r.reasons[k])} ${k.replace('_', ' ')} (${DIFFERENCE_EXPLANATIONS[k]})`,
  );
  return [
    `  stream: ${n(r.decided)} customers decided since the previous run; ${n(r.agree)} agree with this run, ${n(r.differ)} differ`,
    ...why.map((w) => `    ${w}`),
  ];
}
