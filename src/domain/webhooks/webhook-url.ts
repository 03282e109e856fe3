/** Why a subscription URL is refused, or the URL in canonical form. */
export type UrlCheck =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

const MAX_URL_LENGTH = 2048;

/**
 * A webhook endpoint: an absolute http or https URL without user name, password or fragment. Private and
 * loopback hosts are allowed on purpose: CRM and ERP systems usually sit on the company network.
 */
export function checkWebhookUrl(text: string): UrlCheck {
  if (text.length > MAX_URL_LENGTH) return { ok: false, reason: `longer than ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: `scheme ${url.protocol.replace(/:$/, '')} is not http or https` };
  if (url.username !== '' || url.password !== '')
    return { ok: false, reason: 'credentials in the URL are not allowed' };
  if (url.hash !== '') return { ok: false, reason: 'a fragment is not allowed' };
  if (url.hostname === '') return { ok: false, reason: 'no host' };
  return { ok: true, url: url.toString() };
}
