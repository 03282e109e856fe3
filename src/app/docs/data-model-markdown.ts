import type { ColumnDef } from '../../contracts/data-model/column.js';
import type { TableDef } from '../../contracts/data-model/table.js';
import type { Dialect } from '../../sql/dialects/dialect.js';

const HEADER = `# Data model

Generated from the table definitions in \`src/contracts/data-model/\` by \`npm run docs\`; a test fails when
this file is out of date. Types are the DuckDB/PostgreSQL types the engines create. Money is \`DECIMAL(18,2)\` in
yuan (¥), never a float. Timestamps are \`TIMESTAMPTZ\`: a source value without an offset is wall-clock time in the
configured zone (\`STRATUM_TZ\`, default Asia/Shanghai). Columns marked **personal** are personal data, masked for
roles that do not need them.

Cleaning adds derived tables and views (normalised customers, the merge map, outlier flags, \`orders_clean\`…),
described in [cleaning.md](cleaning.md); import headers, encodings and mappings are in [import.md](import.md).
`;

function checks(c: ColumnDef): string {
  const out: string[] = [];
  for (const k of c.checks ?? []) {
    if (k.kind === 'min') out.push(k.exclusive ? `> ${k.value}` : `≥ ${k.value}`);
    if (k.kind === 'max') out.push(`≤ ${k.value}`);
    if (k.kind === 'notFuture') out.push('not in the future');
    if (k.kind === 'notBefore') out.push(`not before ${k.column}`);
    if (k.kind === 'dateRanges') out.push('each item `YYYY-MM-DD..YYYY-MM-DD`, from ≤ to');
    if (k.kind === 'rangeBy')
      out.push(
        Object.entries(k.ranges)
          .map(([value, [min, max]]) => `${min}–${max} when ${k.column} is \`${value}\``)
          .join(', '),
      );
  }
  if (c.type.kind === 'enum') out.push(`one of ${c.type.values.map((v) => `\`${v}\``).join(', ')}`);
  return out.join('; ');
}

const cell = (s: string) => s.replaceAll('|', '\\|');

function table(d: Dialect, t: TableDef): string {
  const lines = [
    `## ${t.title} — \`${t.name}\``,
    '',
    t.description,
    '',
    `- Source system: ${t.origin}`,
    `- Primary key: (${t.primaryKey.join(', ')})`,
    ...t.foreignKeys.map(
      (fk) => `- References: (${fk.columns.join(', ')}) → ${fk.table} (${fk.refColumns.join(', ')})`,
    ),
    `- Re-import of an existing key: ${t.onExistingKey === 'update' ? 'the record is updated (master data)' : 'skipped and counted as a duplicate (facts are immutable)'}`,
  ];
  if (t.fileAliases.length)
    lines.push(
      `- File names recognised by \`import --dir\`: ${[t.name, ...t.fileAliases].map((a) => `\`${a}\``).join(', ')}`,
    );
  lines.push(
    '',
    '| Column | Type | Required | Unit | Meaning | Constraints | Import headers |',
    '|---|---|---|---|---|---|---|',
  );
  for (const c of t.columns) {
    lines.push(
      `| \`${c.name}\` | ${d.columnType(c.type)} | ${c.required ? 'yes' : ''} | ${c.unit ?? ''} | ${cell(c.description)}${c.personal ? ' (**personal**)' : ''} | ${cell(checks(c))} | ${c.aliases.join(', ')} |`,
    );
  }
  return lines.join('\n');
}

export function dataModelMarkdown(d: Dialect, tables: readonly TableDef[]): string {
  return `${HEADER}\n${tables.map((t) => table(d, t)).join('\n\n')}\n`;
}
