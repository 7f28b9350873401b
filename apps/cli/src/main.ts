/**
 * `shuliu`: the node operator's command line. Each command group lives in src/commands/.
 */
import { Command } from 'commander';
import { registerStartCommand } from './commands/start.command.js';

const program = new Command('shuliu').description('数流 Shuliu — data exchange node').version('0.1.0');
registerStartCommand(program);

await program.parseAsync(process.argv);
