import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from './webhook-url.js';

describe('webhook URLs', () => {
  it('accepts http and https endpoints, private hosts included', () => {
    expect(checkWebhookUrl('https://crm.example.com/hooks/stratum?x=1')).toEqual({
      ok: true,
      url: 'https://crm.example.com/hooks/stratum?x=1',
    });
    expect(checkWebhookUrl('http://127.0.0.1:8080/in').ok).toBe(true);
    expect(checkWebhookUrl('http://10.0.0.5/erp').ok).toBe(true);
  });

  it.each([
    ['ftp://crm.example.com/x', 'scheme ftp is not http or https'],
    ['file:///etc/passwd', 'scheme file is not http or https'],
    ['javascript:alert(1)', 'scheme javascript is not http or https'],
    ['/relative/path', 'not an absolute URL'],
    ['https://user:pass@crm.example.com/', 'credentials in the URL are not allowed'],
    ['https://crm.example.com/#frag', 'a fragment is not allowed'],
    [`https://crm.example.com/${'x'.repeat(2100)}`, 'longer than 2048 characters'],
  ])('refuses %s', (url, reason) => {
    expect(checkWebhookUrl(url)).toEqual({ ok: false, reason });
  });
});
