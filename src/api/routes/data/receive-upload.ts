import { createWriteStream } from 'node:fs';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from '../../../app/import/import-upload.js';
import { isSupportedFile, SUPPORTED_EXTENSIONS } from '../../../app/import/readers/open-reader.js';
import { safeUploadName } from '../../../app/import/upload-name.js';
import { stratumError } from '../../../contracts/errors.js';

export interface UploadLimits {
  /** Largest upload accepted (all its files together), bytes. */
  readonly bytes: number;
  /** Most files in one request. */
  readonly files: number;
}

export interface ReceivedUpload {
  readonly files: readonly UploadedFile[];
  /** Text fields of the form (the last value of each). */
  readonly fields: Readonly<Record<string, string>>;
}

const MB = 1024 * 1024;

export const formatBytes = (n: number): string =>
  n % MB === 0 ? `${n / MB} MB` : n >= MB ? `${(n / MB).toFixed(1)} MB` : `${n} bytes`;

/** The 413 of an upload over the limit. */
export const tooLarge = (name: string, limits: UploadLimits) =>
  stratumError('PAYLOAD_TOO_LARGE', `${name} is larger than the upload limit of ${formatBytes(limits.bytes)}`, {
    limitBytes: limits.bytes,
  });

/** @fastify/multipart's own errors (status 4xx, FST_* codes) as registry errors. */
function multipartError(error: unknown, limits: UploadLimits): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge('the upload', limits);
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return stratumError('INVALID_ARGUMENT', `too many parts: at most ${limits.files} files per upload`, {
        field: 'files',
      });
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return stratumError('INVALID_ARGUMENT', 'send the files as multipart/form-data', { field: 'body' });
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
      return stratumError('INVALID_ARGUMENT', `malformed multipart body: ${(error as Error).message}`, {
        field: 'body',
      });
    default:
      return error;
  }
}

/**
 * Streams every file part of a multipart request into `dir` under a generated name (`<n><ext>`; the client's
 * name is only kept, made safe, as a label), refusing a file of an unknown format as soon as its part starts and
 * one larger than the limit as soon as it passes it.
 */
export async function receiveUpload(
  request: FastifyRequest,
  dir: string,
  limits: UploadLimits,
): Promise<ReceivedUpload> {
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  let total = 0;
  try {
    const parts = request.parts({
      limits: { fileSize: limits.bytes, files: limits.files, fields: 20, fieldSize: 10_000, parts: 100 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const name = safeUploadName(part.filename);
      if (!isSupportedFile(name)) {
        part.file.resume();
        throw stratumError(
          'FILE_FORMAT_UNKNOWN',
          `${name}: unknown format "${extname(name) || '(no extension)'}" (expected ${SUPPORTED_EXTENSIONS.join(', ')})`,
          { file: name },
        );
      }
      const path = join(dir, `${files.length + 1}${extname(name).toLowerCase()}`);
      const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
      await pipeline(part.file, out);
      total += out.bytesWritten;
      if (part.file.truncated) throw tooLarge(name, limits);
      if (total > limits.bytes) throw tooLarge('the upload', limits);
      files.push({ path, name });
    }
  } catch (error) {
    throw multipartError(error, limits);
  }
  return { files, fields };
}
