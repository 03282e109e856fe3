import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../contracts/experiments/experiment-spec.js';
import { parseConfigText, readConfigFile } from './parse-config-text.js';

describe('configuration files', () => {
  it('reads the example experiment spec shipped in config/', async () => {
    const spec = await readConfigFile(ExperimentSpecSchema, join('config', 'experiment.example.yaml'));
    expect(spec).toMatchObject({ unit: 'customer', strata: ['tier', 'city'], preDays: 90 });
    expect(spec.variants.map((v) => v.extraRebatePct)).toEqual([0, 1]);
  });

  it('names the file and every key path that is wrong, and the file that cannot be read', async () => {
    const text = 'name: x\nvariants:\n  - name: a\n    extraRebatePct: 90\nstart: 2025-02-30\n';
    expect(() => parseConfigText(ExperimentSpecSchema, text, 'exp.yaml')).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        details: expect.objectContaining({
          file: 'exp.yaml',
          issues: expect.arrayContaining([
            expect.stringMatching(/^variants\[0\]\.extraRebatePct: /),
            expect.stringMatching(/^start: /),
          ]),
        }),
      }),
    );
    expect(() => parseConfigText(ExperimentSpecSchema, 'name: [x', 'bad.yaml')).toThrow(/bad\.yaml/);
    await expect(readConfigFile(ExperimentSpecSchema, 'nope.yaml')).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
    });
  });
});
