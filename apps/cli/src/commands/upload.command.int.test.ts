/**
 * `shuliu upload` against a real node on a loopback port: tus over HTTP with an API token, an upload
 * interrupted half-way and resumed by the next run, and `--wait` following the processing job.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerParticipantOrg, type ParticipantOrg } from '../../../server/src/test/factories.js';
import { startTestNode, type TestNode } from '../../../server/src/test/test-node.js';
import { registerUploadCommand, uploadFile } from './upload.command.js';

let node: TestNode;
let server: ServerType;
let baseUrl: string;
let holder: ParticipantOrg;
let token: string;
let datasetId: string;
let dir: string;

beforeAll(async () => {
  node = await startTestNode();
  server = serve({ fetch: node.platform.built.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  holder = await registerParticipantOrg(node, ['provider']);
  const created = await holder.owner.send('POST', '/api/me/tokens', { name: 'cli', scopes: ['write'] });
  token = ((await created.json()) as { token: string }).token;
  const dataset = await holder.owner.send('POST', '/api/datasets', {
    organizationId: holder.organizationId,
    name: '传感器读数',
  });
  datasetId = ((await dataset.json()) as { id: string }).id;
  dir = await mkdtemp(join(tmpdir(), 'shuliu-cli-upload-'));
}, 120_000);

afterAll(async () => {
  server.close();
  await node.close();
  await rm(dir, { recursive: true, force: true });
});

/** A CSV of about `rows` lines. */
function sensorCsv(rows: number): string {
  const lines = ['站点,时间,温度,湿度'];
  for (let i = 0; i < rows; i++)
    lines.push(`S${i % 50},2026-11-0${(i % 9) + 1} 0${i % 10}:00:00,${(i % 400) / 10},${i % 100}`);
  return lines.join('\n') + '\n';
}

describe('shuliu upload', () => {
  it('resumes an interrupted upload where it stopped instead of starting again', async () => {
    const path = join(dir, 'readings.csv');
    await writeFile(path, sensorCsv(60_000));
    const storageFile = join(dir, 'uploads.json');
    const sent: number[] = [];
    // First run: stop after the first 256 KiB chunk arrived.
    await new Promise<void>((resolve, reject) => {
      uploadFile({
        path,
        server: baseUrl,
        token,
        datasetId,
        storageFile,
        chunkSize: 256 * 1024,
        onStart: (upload) => {
          const original = upload.options.onChunkComplete;
          upload.options.onChunkComplete = (size, accepted, total) => {
            original?.(size, accepted, total);
            sent.push(accepted);
            void upload.abort().then(resolve, reject);
          };
        },
      }).catch(reject);
    });
    expect(sent[0]).toBe(256 * 1024);
    // Second run: picks the upload up from the remembered URL and finishes it.
    const progress: number[] = [];
    const result = await uploadFile({
      path,
      server: baseUrl,
      token,
      datasetId,
      storageFile,
      chunkSize: 256 * 1024,
      onProgress: (bytes) => progress.push(bytes),
    });
    expect(result.versionNumber).toBe(1);
    expect(Math.min(...progress)).toBeGreaterThanOrEqual(256 * 1024);
    const opened = await node.platform.deps.database.db.execute<{ n: string }>(
      `SELECT count(*)::text AS n FROM uploads WHERE dataset_id = '${datasetId}'`,
    );
    expect(opened.rows[0]?.n).toBe('1');
  }, 60_000);

  it('uploads with a progress bar and follows processing with --wait', async () => {
    const path = join(dir, 'more.csv');
    await writeFile(path, sensorCsv(5_000));
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    try {
      const program = new Command('shuliu').exitOverride();
      registerUploadCommand(program);
      await program.parseAsync(
        [
          'upload',
          path,
          '--dataset',
          datasetId,
          '--server',
          baseUrl,
          '--token',
          token,
          '--wait',
          '--no-progress',
        ],
        { from: 'user' },
      );
    } finally {
      spy.mockRestore();
    }
    const text = out.join('');
    expect(text).toMatch(/已上传 \d+ 字节 · sha256 [0-9a-f]{64} · 版本 2/);
    expect(text).toMatch(/处理完成 · 5000 行 · 质量 \d+/);
  }, 90_000);

  it('refuses a token without write scope', async () => {
    const created = await holder.owner.send('POST', '/api/me/tokens', { name: 'ro', scopes: ['read'] });
    const readOnly = ((await created.json()) as { token: string }).token;
    const path = join(dir, 'ro.csv');
    await writeFile(path, randomBytes(10).toString('hex'));
    await expect(
      uploadFile({ path, server: baseUrl, token: readOnly, datasetId, storageFile: join(dir, 'ro.json') }),
    ).rejects.toThrow(/403/);
  });
});
