import type { Command } from 'commander';
import { ConfigError, formatDemoLogins, loadConfig, startNode } from '@shuliu/server';

/** `shuliu start`: starts the node on the configured (or embedded) database. */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('Start the node: embedded PostgreSQL by default, web app and API on SHULIU_PORT')
    .action(async () => {
      const config = loadConfigOrExit();
      const node = await startNode(config);
      const stop = () => {
        void node.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      if (node.demoLogins.length > 0)
        process.stdout.write(`${formatDemoLogins(node.demoLogins, node.url)}\n`);
      process.stdout.write(
        `\n  数流 Shuliu is running at ${node.url}\n  API reference: ${node.url}/api/docs\n\n`,
      );
    });
}

/** Loads config, printing every problem and exiting 78 (EX_CONFIG) when invalid. */
export function loadConfigOrExit() {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
