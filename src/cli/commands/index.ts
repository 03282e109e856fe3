import type { Command } from 'commander';
import { registerCleanCommand } from './clean.js';
import { registerDemoCommand } from './demo.js';
import { registerGenerateCommand } from './generate.js';
import { registerImportCommand } from './import.js';

/** Every command registers itself here, one file per command. */
export function registerCommands(program: Command): void {
  registerGenerateCommand(program);
  registerImportCommand(program);
  registerCleanCommand(program);
  registerDemoCommand(program);
}
