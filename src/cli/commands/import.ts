import type { Command } from 'commander';

export function registerImportCommand(program: Command): void {
  program.command('import').description('(being built)');
}
