import type { EngineKind } from '../src/sql/dialects/dialect.js';
import { CPU_GROUPS } from './process-cpu.js';
import type { StepFigures } from './stream-step.js';

/** The issue's targets. */
export const TARGET = { perS: 2_000, p99Ms: 50 } as const;

/**
 * The share of the target rate a step must commit to meet it: "sustained" runs from the first publish to the last
 * commit, so a worker that keeps up exactly falls short of the offered rate by its latency at the end. A step that
 * kept up (its backlog did not grow) with seconds of latency commits 10 % less and does not meet the target.
 */
const SUSTAINED_SHARE = 0.95;

export interface EngineResult {
  readonly engine: EngineKind;
  /** The first at the offered rate, then lower ones while they fell behind. */
  readonly steps: readonly StepFigures[];
  /** The highest offered rate a step kept up with, null when none did. */
  readonly sustainableRate: number | null;
  /** The baseline again at the sustainable rate when that is below the offered one. */
  readonly baselineAtSustainable: StepFigures | null;
}

export interface StreamBenchResult {
  readonly measuredAt: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpu: string;
    readonly memGiB: number;
    readonly node: string;
  };
  /** 1-minute load average before and after: the machine is shared, so a busy one is said. */
  readonly loadAverage: { readonly before: number; readonly after: number };
  readonly settings: {
    readonly customers: number;
    readonly seconds: number;
    readonly partitions: number;
    /** PostgreSQL workers sharing the durable consumer (DuckDB: always one). */
    readonly workers: number;
    readonly eventMix: string;
  };
  readonly baseline: StepFigures;
  readonly engines: readonly EngineResult[];
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const int = (x: number) => Math.round(x).toLocaleString('en');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

const HEADER = [
  '',
  'offered/s',
  'published/s',
  'sustained/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'batches',
  'mean batch',
  'backlog at end',
  'drained in',
  'kept up',
  'peak RSS MiB',
  'CPU µs/event: consumer, producer, NATS, PG',
];

function row(name: string, s: StepFigures): string[] {
  return [
    name,
    int(s.offeredPerS),
    int(s.publishedPerS),
    int(s.sustainedPerS),
    ms(s.p50),
    ms(s.p95),
    ms(s.p99),
    ms(s.max),
    s.batches > 0 ? int(s.batches) : '',
    s.batches > 0 ? s.meanBatch.toFixed(1) : '',
    int(s.backlogAtEnd),
    s.drained ? `${(s.drainMs / 1000).toFixed(1)} s` : `NOT (${int(s.published - s.done)} left)`,
    s.keptUp ? 'yes' : 'NO',
    int(s.peakRssMiB),
    s.cpuUsPerEvent ? CPU_GROUPS.map((g) => int(s.cpuUsPerEvent?.[g] ?? NaN)).join(', ') : '',
  ];
}

function verdict(r: EngineResult, baseline: StepFigures): string[] {
  const first = r.steps[0]!;
  const lines = [
    `${r.engine}: ${(first.sustainedPerS / baseline.sustainedPerS).toFixed(2)}× the baseline's events/s, p50 ${(first.p50 / baseline.p50).toFixed(1)}×, p99 ${(first.p99 / baseline.p99).toFixed(1)}× the baseline's`,
  ];
  if (first.keptUp) {
    const met = first.offeredPerS >= TARGET.perS && first.sustainedPerS >= SUSTAINED_SHARE * TARGET.perS;
    lines.push(
      `  kept up with ${int(first.offeredPerS)}/s (its backlog did not grow) and committed ${int(first.sustainedPerS)}/s (target ${int(TARGET.perS)}/s: ${first.offeredPerS < TARGET.perS ? 'not offered' : met ? 'met' : 'MISSED'}); p99 ${ms(first.p99)} ms (target < ${TARGET.p99Ms} ms: ${first.p99 < TARGET.p99Ms ? 'met' : 'MISSED'})`,
    );
  } else
    lines.push(
      `  did NOT keep up with ${int(first.offeredPerS)}/s (target ${int(TARGET.perS)}/s MISSED): it committed ${int(first.sustainedPerS)}/s; highest sustainable rate found: ${r.sustainableRate === null ? 'none of the steps kept up' : `${int(r.sustainableRate)}/s`}`,
    );
  const kept = r.steps.find((s) => s.offeredPerS === r.sustainableRate);
  const base = r.baselineAtSustainable;
  if (kept && base)
    lines.push(
      `  at ${int(kept.offeredPerS)}/s: p50 ${ms(kept.p50)} ms, p99 ${ms(kept.p99)} ms against the bus's p50 ${ms(base.p50)} ms, p99 ${ms(base.p99)} ms at the same rate (${(kept.p50 / base.p50).toFixed(0)}×, ${(kept.p99 / base.p99).toFixed(0)}×)`,
    );
  if (first.rejected > 0 || first.deadLetters > 0)
    lines.push(`  ${first.rejected} events rejected, ${first.deadLetters} dead-lettered (expected none)`);
  if (first.perBatchMs) {
    const total = Object.values(first.perBatchMs).reduce((a, b) => a + b, 0);
    const parts = Object.entries(first.perBatchMs).map(
      ([phase, x]) => `${phase} ${x.toFixed(1)} (${Math.round((100 * x) / total)} %)`,
    );
    lines.push(`  per batch of ${first.meanBatch.toFixed(1)} events, ms: ${parts.join(', ')}`);
  }
  return lines;
}

export function reportLines(r: StreamBenchResult): string[] {
  const s = r.settings;
  const steps = r.engines.flatMap((e) => [
    ...e.steps.map((step, i) => row(`worker ${e.engine}${i === 0 ? '' : ` step ${i + 1}`}`, step)),
    ...(e.baselineAtSustainable ? [row('  baseline, same rate', e.baselineAtSustainable)] : []),
  ]);
  return [
    `machine: ${r.machine.cpus} cores (${r.machine.cpu}), ${r.machine.memGiB.toFixed(0)} GiB, Node ${r.machine.node}; NATS, PostgreSQL and the benchmark share it (load average ${r.loadAverage.before.toFixed(1)} before, ${r.loadAverage.after.toFixed(1)} after)`,
    `data: demo of ${int(s.customers)} customers (12 months, 12 weekly runs); events: ${s.eventMix}, uniform over the customers`,
    `settings: ${s.partitions} partitions, worker concurrency ${s.partitions}, max batch 500, ${s.workers} PostgreSQL worker${s.workers === 1 ? '' : 's'}; ${s.seconds} s per step after a warm-up; latency from publish to the batch committed (worker) or the handler called (baseline)`,
    '',
    ...table(HEADER, [row('baseline: no-op handler', r.baseline), ...steps]),
    '',
    r.baseline.keptUp
      ? `baseline: the bus alone kept up with ${int(r.baseline.offeredPerS)}/s`
      : `baseline: the bus alone did NOT keep up with ${int(r.baseline.offeredPerS)}/s: ${int(r.baseline.sustainedPerS)}/s with a no-op handler`,
    ...r.engines.flatMap((e) => verdict(e, r.baseline)),
  ];
}
