import type { GenerateResult } from '../../app/generate/generate-dataset.js';

const fmt = new Intl.NumberFormat('en-US');

/** The summary `stratum generate` (and `stratum demo`) prints: rows and size per file, truth counts, time. */
export function generateSummaryLines(r: GenerateResult): string[] {
  const width = Math.max(...r.files.map((f) => `${f.table}.csv`.length));
  const t = r.truthCounts;
  const seconds = (r.elapsedMs / 1000).toFixed(1);
  return [
    `Generated ${fmt.format(r.spec.customers)} customers × ${r.spec.months} months (${r.from} … ${r.to}), seed ${r.spec.seed}, in ${seconds} s → ${r.outDir}`,
    ...r.files.map(
      (f) =>
        `  ${`${f.table}.csv`.padEnd(width)}  ${fmt.format(f.rows).padStart(12)} rows  ${(f.bytes / 1e6).toFixed(1).padStart(8)} MB`,
    ),
    `  truth.json: ${fmt.format(t.duplicates)} duplicates, ${fmt.format(t.brushing)} brushing orders, ${fmt.format(t.hugeRefunds)} huge refunds, ${fmt.format(t.churned)} churned, ${fmt.format(t.fastGrowing)} fast growing, ${fmt.format(t.risky)} risky, ${fmt.format(t.detractors)} detractors`,
  ];
}
