import type { MessageKey } from '../i18n/messages';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The steps a run reports (src/app/tiering/run-tiering.ts), by their English label. */
const STEPS: Readonly<Record<string, MessageKey>> = {
  'Computing features': 'runs.step.features',
  'Scoring and tiering': 'runs.step.scoring',
  'Tags and policies': 'runs.step.tags',
  'Writing the snapshot': 'runs.step.writing',
};
const BACKFILL = /^Run (\d+) of (\d+), as of (\d{4}-\d{2}-\d{2})$/;

/** A job's step in the current language; a step this version does not know is shown as the server wrote it. */
export function stepLabel(step: string | null, t: T): string {
  if (step === null) return t('runs.step.waiting');
  const known = STEPS[step];
  if (known) return t(known);
  const m = BACKFILL.exec(step);
  if (m) return t('runs.step.backfill', { n: m[1]!, total: m[2]!, asOf: m[3]! });
  return step;
}
