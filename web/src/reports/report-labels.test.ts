import { describe, expect, it } from 'vitest';
import { downloadHref, formatBytes } from './report-labels';

describe('report labels', () => {
  it('prints sizes in B, KB and MB', () => {
    expect([formatBytes(840), formatBytes(12_800), formatBytes(1_258_291)]).toEqual([
      '840 B',
      '12.5 KB',
      '1.2 MB',
    ]);
  });

  it('links the download of a report by its escaped id', () => {
    expect(downloadHref('rpt-1/2')).toBe('/api/v1/reports/rpt-1%2F2/download');
  });
});
