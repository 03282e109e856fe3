import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, freshEngine } from '../../../test/support/engines.js';
import { maskName, maskPhone } from '../../domain/access/masking.js';
import { Rng } from '../../domain/generation/prng.js';
import type { Engine } from '../../engines/engine.js';
import { maskedNameSql, maskedPhoneSql, personalColumnsSql } from '../../sql/access/masking-sql.js';

describeEachEngine('masking SQL', (kind) => {
  let engine: Engine;
  let dir: string;
  beforeAll(async () => {
    ({ engine, dir } = await freshEngine(kind));
  });
  afterAll(async () => {
    await engine?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const ALPHABET = [
    ...'0123456789',
    ...'0123456789',
    ...' -+()#',
    '\t',
    '\n',
    '\u3000',
    '\u00a0',
    '\ufeff',
    ...'张王李欧阳娜伟先生女士',
    ...'abcXYZ',
    ...'０１２３',
    '😀',
    '\u0301',
    '👨‍👩‍👧',
    "'",
    '"',
    '\\',
    '%',
    '_',
    '*',
  ];

  /** Random strings over an alphabet of digits, separators, Unicode white space, CJK, emoji and quotes. */
  function samples(count: number): string[] {
    const rng = new Rng(7, 11);
    const out = [
      '',
      ' ',
      '\u3000张三\u3000',
      '13812345678',
      '+86 138-1234-5678',
      '010-8888 6666',
      '123456',
      '1234567',
      '张',
      '张三',
      '欧阳娜娜',
      '😀😀',
      'A',
      '  王 五  ',
      '\t\n',
      '４００８００１２３４',
    ];
    while (out.length < count) {
      const length = rng.int(0, 16);
      let s = '';
      for (let i = 0; i < length; i++) s += rng.pick(ALPHABET);
      out.push(s);
    }
    return out;
  }

  async function masked(values: readonly string[], mask: typeof maskedPhoneSql): Promise<(string | null)[]> {
    await engine.run('DROP TABLE IF EXISTS samples');
    await engine.run('CREATE TEMP TABLE samples (i INTEGER, v VARCHAR)');
    await engine.bulkLoad(
      'samples',
      ['i', 'v'],
      values.map((v, i) => [String(i), v]),
    );
    await engine.run('INSERT INTO samples VALUES (-1, NULL)');
    const rows = await engine.all(`SELECT i, ${mask(engine.dialect, 'v')} AS m FROM samples ORDER BY i`);
    return rows.map((r) => (r.m === null ? null : String(r.m)));
  }

  describe('masking in SQL', () => {
    const values = samples(3000);

    it('masks phones exactly like maskPhone', async () => {
      expect(await masked(values, maskedPhoneSql)).toEqual([null, ...values.map(maskPhone)]);
    });

    it('masks names exactly like maskName', async () => {
      expect(await masked(values, maskedNameSql)).toEqual([null, ...values.map(maskName)]);
    });

    it('replaces the address by the district unless personal data is visible', async () => {
      const d = engine.dialect;
      const hidden = personalColumnsSql(d, 'c', false);
      const shown = personalColumnsSql(d, 'c', true);
      const [row] = await engine.all(
        `SELECT ${hidden.phone} AS p, ${hidden.contactName} AS n, ${hidden.address} AS a,
              ${shown.phone} AS sp, ${shown.contactName} AS sn, ${shown.address} AS sa
       FROM (SELECT '13812345678' AS phone, '张三' AS contact_name, '北京市朝阳区建国路88号' AS address, '朝阳区' AS district) c`,
      );
      expect(row).toEqual({
        p: '138****5678',
        n: '张*',
        a: '朝阳区',
        sp: '13812345678',
        sn: '张三',
        sa: '北京市朝阳区建国路88号',
      });
    });
  });
});
