import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StratumError } from '../../contracts/errors.js';
import { readChurnModelFile } from './read-churn-model.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stratum-churn-model-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const failure = async (path: string) => {
  const error = await readChurnModelFile(path, 'tags: churn_warning.model.file').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StratumError);
  return error as StratumError;
};

describe('reading a saved churn model', () => {
  it('names the file and where its path came from when it cannot be read', async () => {
    const e = await failure(join(dir, 'missing.json'));
    expect(e.code).toBe('FILE_UNREADABLE');
    expect(e.message).toContain('missing.json (tags: churn_warning.model.file)');
  });

  it('reports text that is not JSON, and JSON that is not a model, as CONFIG_INVALID with the file', async () => {
    await writeFile(join(dir, 'broken.json'), '{"format": ');
    const broken = await failure(join(dir, 'broken.json'));
    expect(broken.code).toBe('CONFIG_INVALID');
    expect(broken.details).toMatchObject({ file: join(dir, 'broken.json') });
    expect(String((broken.details as { issues: string[] }).issues[0])).toMatch(/^not JSON: /);
    await writeFile(join(dir, 'other.json'), '{"format": "something else"}');
    const other = await failure(join(dir, 'other.json'));
    expect(other.code).toBe('CONFIG_INVALID');
    expect((other.details as { issues: string[] }).issues.some((i) => i.startsWith('format:'))).toBe(true);
  });
});
