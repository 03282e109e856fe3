import { open } from 'node:fs/promises';
import type { EncodingChoice } from './source-reader.js';

/** The iconv-lite names a text file is decoded with. GBK exports are read as GB18030, its superset. */
export type TextEncoding = 'utf8' | 'gb18030' | 'utf16le';

const SAMPLE_BYTES = 64 * 1024;

/**
 * BOM → its encoding; a strict UTF-8 decode of the first 64 KiB succeeds → utf8; else gb18030 (what Chinese ERPs
 * and Excel on a Chinese Windows export). `choice` other than auto overrides the detection.
 */
export async function detectEncoding(path: string, choice: EncodingChoice): Promise<TextEncoding> {
  if (choice === 'utf8') return 'utf8';
  if (choice === 'gbk') return 'gb18030';
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return encodingOfSample(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export function encodingOfSample(sample: Uint8Array): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}
