import type { CommittedBatch } from '../../app/stream/stream-processor.js';
import type { DeadLetter } from '../../stream/bus.js';

const REPORT_EVERY_MS = 10_000;

interface Totals {
  applied: number;
  duplicates: number;
  rejected: number;
  decisions: number;
  tierChanges: number;
  deadLetters: number;
}

/**
 * The worker's progress on stdout: a line when it is ready, one every 10 s while events flow (totals and the rate
 * since the last line), dead letters and errors on stderr as they happen; JSON lines with --json.
 */
export function workerReporter(json: boolean) {
  const totals: Totals = {
    applied: 0,
    duplicates: 0,
    rejected: 0,
    decisions: 0,
    tierChanges: 0,
    deadLetters: 0,
  };
  let lastAt = Date.now();
  let lastEvents = 0;
  const handled = () => totals.applied + totals.duplicates + totals.rejected;
  const line = (kind: string, text: string, extra: object = {}) =>
    process.stdout.write(json ? `${JSON.stringify({ kind, ...extra })}\n` : `${text}\n`);

  const progress = () => {
    const now = Date.now();
    const rate = ((handled() - lastEvents) * 1000) / Math.max(1, now - lastAt);
    lastAt = now;
    lastEvents = handled();
    line(
      'progress',
      `applied ${totals.applied} events (${rate.toFixed(0)}/s), ${totals.duplicates} duplicates, ${totals.rejected} rejected, ${totals.tierChanges} tier changes, ${totals.deadLetters} dead letters`,
      { ...totals, eventsPerSecond: Math.round(rate) },
    );
  };
  const timer = setInterval(() => {
    if (handled() !== lastEvents) progress();
  }, REPORT_EVERY_MS);
  timer.unref();

  return {
    started: (url: string, stream: string) =>
      line('ready', `stratum worker consuming ${stream} on ${url} (Ctrl-C stops)`, { url, stream }),
    unitsRead: (units: number) =>
      line('units', `holding the rows of ${units} customers (or chains) in memory`, { units }),
    batch: (b: CommittedBatch) => {
      totals.applied += b.outcome.applied.length;
      totals.duplicates += b.outcome.duplicates.length;
      totals.rejected += b.outcome.rejected.length;
      totals.decisions += b.outcome.decisions.length;
      totals.tierChanges += b.outcome.decisions.filter((d) => d.from !== d.to).length;
    },
    deadLetter: (letter: DeadLetter) => {
      totals.deadLetters += 1;
      process.stderr.write(`dead letter ${letter.subject} #${letter.seq}: ${letter.reason}\n`);
    },
    error: (error: unknown) =>
      process.stderr.write(`stream: ${error instanceof Error ? error.message : String(error)}\n`),
    stopped: () => {
      clearInterval(timer);
      progress();
    },
  };
}
