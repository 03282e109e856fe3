const encoder = new TextEncoder();

/**
 * Re-folds iCalendar text so that no line is longer than 75 octets (RFC 5545 §3.1). The `ics` package folds at
 * 75 characters, which a line of Chinese text (3 octets a character in UTF-8) exceeds threefold; this unfolds its
 * output and folds again by UTF-8 octets, never inside a character, continuation lines starting with a space.
 */
export function foldIcsLines(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines.map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(part);
      part = '';
      octets = 0;
      limit = 74;
    }
    part += char;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n ');
}
