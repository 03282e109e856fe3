import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ALL_TABLES } from '../../contracts/data-model/all-tables.js';
import { duckdbDialect } from '../../sql/dialects/duckdb.js';
import { dataModelMarkdown } from './data-model-markdown.js';

describe('docs/data-model.md', () => {
  it('is up to date with the table definitions (run `npm run docs` after changing them)', async () => {
    const onDisk = await readFile(new URL('../../../docs/data-model.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(dataModelMarkdown(duckdbDialect, ALL_TABLES));
  });

  it('documents every column of every table', () => {
    const md = dataModelMarkdown(duckdbDialect, ALL_TABLES);
    for (const t of ALL_TABLES) for (const c of t.columns) expect(md).toContain(`| \`${c.name}\` |`);
  });
});
