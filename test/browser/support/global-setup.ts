import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A directory that lives as long as the vitest run, shared by its test files (browser tests cache demos there). */
    runScratch: string;
  }
}

/** Vitest global setup: a scratch directory for this run, removed at its end. Costs nothing when unused. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'stratum-run-'));
  project.provide('runScratch', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
