import { Command } from 'commander';
import { registerCommands } from './commands/index.js';

const program = new Command('stratum')
  .description('Customer tiering and account allocation for B2B distributors')
  .showHelpAfterError();
registerCommands(program);
await program.parseAsync(process.argv);
