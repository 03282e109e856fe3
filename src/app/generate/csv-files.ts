import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { csvHeader, TABLE_NAMES } from '../../domain/generation/row-buffer.js';

export interface WrittenFile {
  readonly table: string;
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

/** One CSV file per source table, written chunk list by chunk list (writev: one syscall per batch). */
export class CsvFiles {
  private constructor(
    private readonly handles: FileHandle[],
    private readonly paths: string[],
    private readonly rows: number[],
    private readonly bytes: number[],
  ) {}

  static async create(dir: string): Promise<CsvFiles> {
    const paths = TABLE_NAMES.map((name) => join(dir, `${name}.csv`));
    const handles = await Promise.all(paths.map((p) => open(p, 'w')));
    const files = new CsvFiles(
      handles,
      paths,
      TABLE_NAMES.map(() => 0),
      TABLE_NAMES.map(() => 0),
    );
    await files.write(
      TABLE_NAMES.map((_, t) => [Buffer.from(csvHeader(t))]),
      TABLE_NAMES.map(() => 0),
    );
    return files;
  }

  async write(chunks: readonly (readonly Uint8Array[])[], rows: readonly number[]): Promise<void> {
    await Promise.all(
      this.handles.map(async (handle, t) => {
        const parts = chunks[t] ?? [];
        if (parts.length > 0) await handle.writev(parts as Uint8Array[]);
        this.rows[t] = (this.rows[t] ?? 0) + (rows[t] ?? 0);
        this.bytes[t] = (this.bytes[t] ?? 0) + parts.reduce((sum, p) => sum + p.byteLength, 0);
      }),
    );
  }

  async close(): Promise<WrittenFile[]> {
    await Promise.all(this.handles.map((h) => h.close()));
    return TABLE_NAMES.map((table, t) => ({
      table,
      path: this.paths[t] ?? '',
      rows: this.rows[t] ?? 0,
      bytes: this.bytes[t] ?? 0,
    }));
  }
}
