import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { EngineLocation } from '../../../src/engines/registry.js';
import type { StreamNames } from '../../../src/stream/subjects.js';
import { TEST_NATS_URL } from '../../support/buses.js';
import { TEST_TZ } from '../../support/engines.js';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code and the signal that ended it. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
  /** Everything it printed, stdout and stderr. */
  output(): string;
}

/** The --db or --pg option naming an engine location (the schema as the URL's `schema` parameter). */
export function databaseArgs(location: EngineLocation): string[] {
  if (location.kind === 'duckdb') return ['--db', location.path];
  const url = location.schema
    ? `${location.url}${location.url.includes('?') ? '&' : '?'}schema=${location.schema}`
    : location.url;
  return ['--pg', url];
}

/**
 * `stratum worker … --json` as a process of its own (from the sources, as the other process tests run the CLI);
 * resolves once it printed its `ready` line, i.e. consumes.
 */
export function startWorkerProcess(
  location: EngineLocation,
  names: StreamNames,
  ackWaitSeconds: number,
): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'worker',
      ...databaseArgs(location),
      '--nats',
      TEST_NATS_URL,
      '--stream',
      names.stream,
      '--subject-prefix',
      names.prefix,
      '--durable',
      names.durable,
      '--partitions',
      String(names.partitions),
      '--ack-wait',
      String(ackWaitSeconds),
      '--json',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        STRATUM_TZ: TEST_TZ,
        STRATUM_DB: '',
        STRATUM_DATABASE_URL: '',
        STRATUM_NATS_URL: '',
      },
    },
  );
  let out = '';
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const worker: WorkerProcess = { child, exited, output: () => out };
  return new Promise((ready, failed) => {
    child.stdout.on('data', () => {
      const complete = stdout.split('\n').slice(0, -1);
      if (complete.some((l) => (JSON.parse(l) as { kind?: unknown }).kind === 'ready')) ready(worker);
    });
    void exited.then(({ code, signal }) =>
      failed(new Error(`stratum worker exited (${code ?? signal}) before it was ready:\n${out}`)),
    );
  });
}

/** SIGTERM: the worker finishes its running batch, acks it and exits. */
export async function stopWorkerProcess(worker: WorkerProcess) {
  worker.child.kill('SIGTERM');
  return worker.exited;
}
