import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeEachEngine, freshEngine, TEST_TZ } from '../../../test/support/engines.js';
import type { Engine } from '../../engines/engine.js';
import { importFiles } from './import-files.js';

const NOW = new Date('2025-06-01T00:00:00Z');

const REGIONS = 'city,district,delivery_cost_per_order,competition_index\n北京,朝阳区,12.5,0.4\n';
const CUSTOMERS =
  'customer_id,name,customer_type,city,district,created_date\n' +
  'C1,川味小馆,single,北京,朝阳区,2023-01-02\n' +
  'C2,川味小馆(朝阳),single,北京,朝阳区,2023-03-04\n';
/** An export of a survey tool with Chinese headers, labels and a comment holding a comma. */
const SURVEYS =
  '问卷编号,客户编号,回复时间,渠道,问卷类型,评分,客户意见,客户经理编号\n' +
  'S1,C1,2025-05-01 10:00,微信,净推荐值,9,"送货准时,质量稳定",\n' + // good
  'S2,C2,2025-05-02 11:00,电话,nps,3,太慢,R7\n' + // good, of the duplicate merged into C1
  'S3,C1,2025-05-03 12:00,app,nps,11,,\n' + // NPS above 10
  'S4,C1,2025-05-04 12:00,sms,满意度,0,,\n' + // CSAT below 1
  'S5,C1,2025-05-05 12:00,visit,csat,7,,R7\n' + // CSAT above 5
  'S6,C1,2025-05-06 12:00,上门,csat,5,很好,\n' + // good
  'S7,C404,2025-05-07 12:00,app,nps,8,,\n' + // unknown customer
  'S8,C1,2025-05-08 12:00,fax,survey,4.5,,\n'; // three faults: channel, kind, score

describeEachEngine('import of survey responses', (kind) => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('validates each score against its kind, quarantines with file, row and field, and maps merged customers', async () => {
    const db = await freshEngine(kind);
    engine = db.engine;
    const dir = await mkdtemp(join(tmpdir(), 'stratum-surveys-'));
    const files = { 'regions.csv': REGIONS, 'customers.csv': CUSTOMERS, '满意度调查.csv': SURVEYS };
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    const result = await importFiles(engine, { target: { kind: 'dir', dir }, timeZone: TEST_TZ, now: NOW });
    const surveys = result.files.find((f) => f.source === 'survey_responses');
    expect([surveys?.read, surveys?.loaded, surveys?.quarantined]).toEqual([8, 3, 5]);
    const file = join(dir, '满意度调查.csv');
    expect(result.quarantine.filter((q) => q.file === file)).toEqual([
      { file, row: 4, field: 'score', reason: '11 is outside 0–10 for kind nps' },
      { file, row: 5, field: 'score', reason: '0 is outside 1–5 for kind csat' },
      { file, row: 6, field: 'score', reason: '7 is outside 1–5 for kind csat' },
      { file, row: 8, field: 'customer_id', reason: 'unknown customer C404' },
      {
        file,
        row: 9,
        field: 'channel',
        reason: '"fax" is not one of app, mini_program, wechat, phone, sms, email, visit, other',
      },
      { file, row: 9, field: 'kind', reason: '"survey" is not one of nps, csat' },
      { file, row: 9, field: 'score', reason: '"4.5" is not a whole number' },
    ]);
    expect(
      await engine.all(
        'SELECT response_id, customer_id, channel, kind, score, comment, rep_id FROM survey_responses ORDER BY 1',
      ),
    ).toEqual([
      {
        response_id: 'S1',
        customer_id: 'C1',
        channel: 'wechat',
        kind: 'nps',
        score: 9,
        comment: '送货准时,质量稳定',
        rep_id: null,
      },
      {
        response_id: 'S2',
        customer_id: 'C2',
        channel: 'phone',
        kind: 'nps',
        score: 3,
        comment: '太慢',
        rep_id: 'R7',
      },
      {
        response_id: 'S6',
        customer_id: 'C1',
        channel: 'visit',
        kind: 'csat',
        score: 5,
        comment: '很好',
        rep_id: null,
      },
    ]);

    // Cleaning merged C2 into C1: the clean view answers for the survivor and keeps the imported id.
    await engine.run(`INSERT INTO customer_merges VALUES ('C2', 'C1', 'C1', 'same_phone', 0.95, '{}', 'r1')`);
    expect(
      await engine.all(
        'SELECT response_id, customer_id, source_customer_id FROM survey_responses_clean ORDER BY 1',
      ),
    ).toEqual([
      { response_id: 'S1', customer_id: 'C1', source_customer_id: 'C1' },
      { response_id: 'S2', customer_id: 'C1', source_customer_id: 'C2' },
      { response_id: 'S6', customer_id: 'C1', source_customer_id: 'C1' },
    ]);

    // A re-import adds nothing twice.
    const again = await importFiles(engine, { target: { kind: 'dir', dir }, timeZone: TEST_TZ, now: NOW });
    const second = again.files.find((f) => f.source === 'survey_responses');
    expect([second?.loaded, second?.duplicates]).toEqual([0, 3]);
  });
});
