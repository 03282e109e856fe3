import { describe, expect, it } from 'vitest';
import { csvHeaderLine, csvLine, EXPORT_COLUMNS } from './export-format.js';

describe('CSV export lines', () => {
  it('start with a BOM and the columns, and quote fields per RFC 4180', () => {
    expect(csvHeaderLine()).toBe(`\ufeff${EXPORT_COLUMNS.join(',')}\r\n`);
    const line = csvLine({
      customer_id: 'C1',
      name: '老王烧烤, "总店"',
      tags: ['high_risk', 'churn_warning'],
      monetary: 1234.5,
      score: 0.25,
      address: '北京市朝阳区\n建国路',
      dedicated_manager: true,
      tier: null,
    });
    expect(line.endsWith('\r\n')).toBe(true);
    expect(line).toContain('C1,"老王烧烤, ""总店""",');
    expect(line).toContain(',high_risk|churn_warning,');
    expect(line).toContain(',1234.50,');
    expect(line).toContain('"北京市朝阳区\n建国路"');
    expect(line.split(',')).toHaveLength(EXPORT_COLUMNS.length + 1); // one comma inside the quoted name
  });
});
