/**
 * Upload throughput: a file sent to a real node over tus on loopback with the CLI's `uploadFile`
 * (timed from the first request to the completion answer, which includes hashing the staged bytes
 * and storing them in the content-addressed store), beside copying the same file on the same disk
 * with `fs.copyFile` and with a streamed read + write. The node runs in its own process, so client
 * and server do not share an event loop and the node's memory is measured alone.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { uploadFile } from '../../apps/cli/src/commands/upload.command.js';
import { startMeasuredChild, type ChildReport } from './measured-child.js';

/** One way of moving the file and how fast it went. */
export interface TransferFigure {
  scenario: string;
  ms: number;
  mibPerSecond: number;
}

export interface UploadFigures {
  bytes: number;
  /** The copyFile baseline first. */
  transfers: TransferFigure[];
  /** Where the node kept its database. */
  database: string;
  /** Peak resident set of the node process over its whole life (start, upload, stop). */
  nodePeakRssKiB: number;
  nodeSampledPeakKiB: number | null;
}

interface NodeReady extends ChildReport {
  url: string;
  token: string;
  datasetId: string;
  database: string;
}

function figure(scenario: string, bytes: number, ms: number): TransferFigure {
  return {
    scenario,
    ms: Math.round(ms),
    mibPerSecond: Number((bytes / 1048576 / (ms / 1000)).toFixed(1)),
  };
}

async function timed(scenario: string, bytes: number, work: () => Promise<unknown>): Promise<TransferFigure> {
  const started = performance.now();
  await work();
  return figure(scenario, bytes, performance.now() - started);
}

/** Copies `file` twice (baselines), then uploads it to a fresh node; scratch files go to `workDir`. */
export async function measureUpload(o: { file: string; workDir: string }): Promise<UploadFigures> {
  const bytes = (await stat(o.file)).size;
  const target = join(o.workDir, 'copy');
  const streamOf = () => createReadStream(o.file, { highWaterMark: 1 << 20 });
  const transfers: TransferFigure[] = [];
  transfers.push(await timed('fs.copyFile, same disk (baseline)', bytes, () => copyFile(o.file, target)));
  await rm(target, { force: true });
  transfers.push(
    await timed('streamed read + write, same disk', bytes, () =>
      pipeline(streamOf(), createWriteStream(target)),
    ),
  );
  await rm(target, { force: true });
  // A reference, not a baseline: the node hashes the staged bytes before storing them.
  transfers.push(
    await timed('streamed read + SHA-256 (reference)', bytes, () =>
      pipeline(streamOf(), createHash('sha256')),
    ),
  );

  const node = startMeasuredChild('upload-node.ts', []);
  try {
    const ready = await node.nextReport<NodeReady>();
    const started = performance.now();
    const answer = await uploadFile({
      path: o.file,
      server: ready.url,
      token: ready.token,
      datasetId: ready.datasetId,
      storageFile: join(o.workDir, 'tus-urls.json'),
    });
    const totalMs = performance.now() - started;
    if (answer.size !== bytes) throw new Error(`the node stored ${answer.size} bytes of ${bytes}`);
    transfers.push(figure('tus upload on loopback (hash + store included)', bytes, totalMs));
    node.closeInput();
    const stopped = await node.finished();
    return {
      bytes,
      transfers,
      database: ready.database,
      nodePeakRssKiB: stopped.report.maxRssKiB,
      nodeSampledPeakKiB: stopped.sampledPeakKiB,
    };
  } catch (error) {
    node.closeInput();
    await node.finished().catch(() => undefined);
    throw error;
  }
}
