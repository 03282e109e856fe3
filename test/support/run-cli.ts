import type { Command as CommandType } from 'commander';
import { Command } from 'commander';
import { vi } from 'vitest';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs stratum commands in this process (as bin/stratum.js would, with the given commands registered), capturing
 * their output and exit code.
 */
export async function runCli(
  register: readonly ((program: CommandType) => void)[],
  args: readonly string[],
): Promise<CliResult> {
  const program = new Command('stratum').exitOverride();
  for (const r of register) r(program);
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
  process.exitCode = undefined;
  try {
    await program.parseAsync([...args], { from: 'user' });
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = process.exitCode ?? 0;
  process.exitCode = undefined;
  return { code, stdout: out.join(''), stderr: err.join('') };
}
