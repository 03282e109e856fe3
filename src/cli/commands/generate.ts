import type { Command } from 'commander';

export function registerGenerateCommand(program: Command): void {
  program.command('generate').description('(being built)');
}
