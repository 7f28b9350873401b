/**
 * `shuliu`: the node operator's command line. Each command group lives in src/commands/.
 */
import { Command } from 'commander';
import { registerStartCommand } from './commands/start.command.js';
import { registerMigrateCommand } from './commands/migrate.command.js';
import { registerVerifyLogCommand } from './commands/verify-log.command.js';
import { registerVerifyCommand } from './commands/verify.command.js';
import { registerDemoCommand } from './commands/demo.command.js';
import { registerUsersCommand } from './commands/users.command.js';
import { registerUploadCommand } from './commands/upload.command.js';

const program = new Command('shuliu').description('数流 Shuliu — data exchange node').version('0.1.0');
registerStartCommand(program);
registerMigrateCommand(program);
registerVerifyLogCommand(program);
registerVerifyCommand(program);
registerDemoCommand(program);
registerUsersCommand(program);
registerUploadCommand(program);

await program.parseAsync(process.argv);
