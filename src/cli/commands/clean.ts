import type { Command } from 'commander';

export function registerCleanCommand(program: Command): void {
  program.command('clean').description('(being built)');
}
