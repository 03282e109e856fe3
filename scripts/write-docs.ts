import { writeFile } from 'node:fs/promises';
import { dataModelMarkdown } from '../src/app/docs/data-model-markdown.js';
import { ALL_TABLES } from '../src/contracts/data-model/all-tables.js';
import { duckdbDialect } from '../src/sql/dialects/duckdb.js';

await writeFile('docs/data-model.md', dataModelMarkdown(duckdbDialect, ALL_TABLES));
