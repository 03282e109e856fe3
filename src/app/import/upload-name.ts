const MAX_NAME_LENGTH = 120;

/**
 * A client's file name made safe to show and log: its last path segment only, without control characters or
 * characters reserved in file names, without leading dots, at most 120 characters (keeping the extension).
 * Never used as a path: uploads are saved under generated names.
 */
export function safeUploadName(clientName: string | undefined): string {
  const last = (clientName ?? '').split(/[\\/]/).at(-1) ?? '';
  const cleaned = last
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim();
  if (cleaned === '') return 'upload';
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
}
