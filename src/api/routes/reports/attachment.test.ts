import { describe, expect, it } from 'vitest';
import { attachmentHeader } from './attachment.js';

describe('attachmentHeader', () => {
  it('names a plain ASCII file in quotes only', () => {
    expect(attachmentHeader('stratum-week-2025-W23.pdf')).toBe(
      'attachment; filename="stratum-week-2025-W23.pdf"',
    );
  });

  it('adds the UTF-8 name as filename* with an ASCII stand-in for other characters', () => {
    const header = attachmentHeader('客户分级周报 2025-W23.pdf');
    expect(header).toBe(
      `attachment; filename="______ 2025-W23.pdf"; filename*=UTF-8''${encodeURIComponent('客户分级周报')}%202025-W23.pdf`,
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1]!;
    expect(decodeURIComponent(encoded)).toBe('客户分级周报 2025-W23.pdf');
  });

  it('never lets a quote, backslash or line break out of the quoted name', () => {
    const header = attachmentHeader('a"b\\c\r\nd (1)*.html');
    expect(header).toMatch(/^attachment; filename="a_b_c__d \(1\)\*\.html"; filename\*=UTF-8''/);
    expect(header).toContain("UTF-8''a%22b%5Cc%0D%0Ad%20%281%29%2A.html");
    expect(header).not.toMatch(/[\r\n]/);
  });
});
