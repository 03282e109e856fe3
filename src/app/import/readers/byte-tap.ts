import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';

/** A file read stream that reports the bytes read so far (throttled to about one call per MiB). */
export function readWithProgress(path: string, onBytes?: (bytesRead: number) => void): NodeJS.ReadableStream {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  if (!onBytes) return stream;
  let total = 0;
  let reported = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total - reported >= 1 << 20) {
        reported = total;
        onBytes(total);
      }
      callback(null, chunk);
    },
    flush(callback) {
      onBytes(total);
      callback();
    },
  });
  stream.on('error', (error) => tap.destroy(error));
  return stream.pipe(tap);
}
