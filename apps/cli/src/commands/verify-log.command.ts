import type { Command } from 'commander';
import { verifyEventChain, type ChainReport, type Database } from '@shuliu/server';
import { describeDatabase, failCommand, reportCommandFailure, withConfiguredDatabase } from './database.js';
import { loadConfigOrExit } from './start.command.js';

/** `shuliu verify-log`: re-walks the event hash chain; exits 1 at the first break. */
export function registerVerifyLogCommand(program: Command): void {
  program
    .command('verify-log')
    .description('Recompute the event hash chain of the configured database and report the first break')
    .option('--json', 'print the report as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfigOrExit();
      let report: ChainReport;
      try {
        report = await withConfiguredDatabase(config, verifyLog);
      } catch (error) {
        return reportCommandFailure('verify-log', error);
      }
      process.stdout.write(
        options.json ? `${JSON.stringify(report)}\n` : formatChainReport(report, describeDatabase(config)),
      );
      if (report.firstBreak) failCommand(1);
    });
}

/** Walks the chain of `database`. */
export function verifyLog(database: Database): Promise<ChainReport> {
  return verifyEventChain(database.db);
}

/** The report as the operator reads it. */
export function formatChainReport(report: ChainReport, where: string): string {
  const lines = [
    `database     ${where}`,
    `checked      ${report.checked} event(s)`,
    `head hash    ${report.headHash}`,
    report.firstBreak
      ? `first break  event #${report.firstBreak.seq}: ${breakReasons[report.firstBreak.reason]}`
      : 'first break  none: the chain is intact',
  ];
  return `${lines.join('\n')}\n`;
}

const breakReasons: Record<NonNullable<ChainReport['firstBreak']>['reason'], string> = {
  sequence_gap: 'sequence gap (an event is missing)',
  prev_hash_mismatch: 'prev_hash does not match the previous event (events removed or reordered)',
  hash_mismatch: 'hash does not match the content (the event was altered)',
};
