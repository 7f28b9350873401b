/**
 * `shuliu upload <file> --dataset <id>`: sends a file to a node over the tus resumable-upload protocol
 * with a progress bar, as the dataset's next version. An interrupted upload resumes where it stopped
 * when the same command runs again (upload addresses are remembered in ~/.shuliu/uploads.json).
 * With `--wait` it follows the version's processing and prints its summary.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import * as tus from 'tus-js-client';
import { failCommand, reportCommandFailure } from './database.js';

// The Node build exports a file-backed URL store that the package's types do not declare.
const { FileUrlStorage } = tus as unknown as { FileUrlStorage: new (path: string) => tus.UrlStorage };

/** Prints `message` to stderr and sets a failing exit code. */
function fail(message: string): void {
  process.stderr.write(`shuliu upload: ${message}\n`);
  failCommand(1);
}

interface UploadOptions {
  dataset: string;
  server: string;
  token?: string;
  checksum: boolean;
  wait: boolean;
  progress: boolean;
}

/** What the node answers when the last byte arrives. */
export interface UploadResult {
  uploadId: string;
  sha256: string;
  size: number;
  datasetId: string;
  versionId: string | null;
  versionNumber: number | null;
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>)
    hash.update(chunk);
  return hash.digest('hex');
}

/** Uploads `path` for `datasetId`; `onProgress` gets (sent, total). Resolves with the node's answer. */
export async function uploadFile(options: {
  path: string;
  server: string;
  token: string;
  datasetId: string;
  sha256?: string;
  storageFile?: string;
  /** Bytes per PATCH (default 16 MiB). */
  chunkSize?: number;
  onProgress?: (sent: number, total: number) => void;
  /** Lets a caller stop the upload half-way (tests of resumption); the promise then never settles. */
  onStart?: (upload: tus.Upload) => void;
}): Promise<UploadResult> {
  const size = (await stat(options.path)).size;
  const storageFile = options.storageFile ?? join(homedir(), '.shuliu', 'uploads.json');
  await mkdir(join(storageFile, '..'), { recursive: true });
  return new Promise<UploadResult>((resolve, reject) => {
    const upload = new tus.Upload(createReadStream(options.path), {
      endpoint: `${options.server.replace(/\/$/, '')}/api/uploads`,
      uploadSize: size,
      chunkSize: options.chunkSize ?? 16 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000],
      headers: { Authorization: `Bearer ${options.token}` },
      metadata: {
        filename: basename(options.path),
        datasetId: options.datasetId,
        ...(options.sha256 ? { sha256: options.sha256 } : {}),
      },
      urlStorage: new FileUrlStorage(storageFile),
      fingerprint: () =>
        Promise.resolve(`shuliu:${options.server}:${options.datasetId}:${options.path}:${size}`),
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => options.onProgress?.(sent, total),
      onError: (error) => reject(error),
      onSuccess: ({ lastResponse }) => {
        try {
          resolve(JSON.parse(lastResponse.getBody()) as UploadResult);
        } catch {
          reject(new Error(`unexpected answer from the node: ${lastResponse.getStatus()}`));
        }
      },
    });
    upload
      .findPreviousUploads()
      .then((previous) => {
        const last = previous[0];
        if (last) upload.resumeFromPreviousUpload(last);
        options.onStart?.(upload);
        upload.start();
      })
      .catch(reject);
  });
}

interface VersionState {
  state: string;
  progress: number;
  stage: string | null;
  rowCount: number | null;
  qualityScore: number | null;
  qualityGrade: string | null;
  personalInfoColumns: string[];
  ingest: { problems: { code: string; message: string; line?: number }[] } | null;
}

/** Polls the version until processing ends, showing its progress. */
async function followProcessing(o: UploadOptions & { token: string }, number: number, bar: SingleBar | null) {
  const url = `${o.server.replace(/\/$/, '')}/api/datasets/${o.dataset}/versions/${number}`;
  for (;;) {
    const res = await fetch(url, { headers: { Authorization: `Bearer ${o.token}` } });
    if (!res.ok) throw new Error(`version query failed: HTTP ${res.status}`);
    const version = (await res.json()) as VersionState;
    bar?.update(version.progress, { stage: version.stage ?? version.state });
    if (version.state === 'ready' || version.state === 'failed') return version;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Registers `shuliu upload`. */
export function registerUploadCommand(program: Command): void {
  program
    .command('upload')
    .description('Upload a data file as a dataset’s next version (resumable; shows progress)')
    .argument('<file>', 'CSV, TSV, JSON, NDJSON, Parquet or XLSX file')
    .requiredOption('-d, --dataset <id>', 'dataset id (dst_…)')
    .option('-s, --server <url>', 'node URL', process.env.SHULIU_SERVER ?? 'http://localhost:8080')
    .option('-t, --token <token>', 'API token slt_… with write scope (or SHULIU_TOKEN)')
    .option('--no-checksum', 'do not send the file’s SHA-256 for the node to check')
    .option('-w, --wait', 'follow the processing and print the result', false)
    .option('--no-progress', 'no progress bar (for logs)')
    .action(async (file: string, options: UploadOptions) => {
      try {
        const token = options.token ?? process.env.SHULIU_TOKEN;
        if (!token)
          return fail(
            '缺少 API 令牌：用 --token 或环境变量 SHULIU_TOKEN 提供（在“账户 → API 令牌”创建，需 write 权限）。',
          );
        const size = (await stat(file)).size;
        const sha256 = options.checksum ? await sha256OfFile(file) : undefined;
        const bar = options.progress
          ? new SingleBar(
              {
                format: '{label} [{bar}] {percentage}% | {value}/{total} {unit} | {stage}',
                hideCursor: true,
              },
              Presets.shades_classic,
            )
          : null;
        bar?.start(size, 0, { label: '上传', unit: 'bytes', stage: basename(file) });
        const result = await uploadFile({
          path: file,
          server: options.server,
          token,
          datasetId: options.dataset,
          ...(sha256 ? { sha256 } : {}),
          onProgress: (sent) => bar?.update(sent),
        });
        bar?.stop();
        process.stdout.write(
          `✓ 已上传 ${result.size} 字节 · sha256 ${result.sha256} · 版本 ${result.versionNumber ?? '-'}\n`,
        );
        if (!options.wait || !result.versionNumber) return;
        const processing = options.progress
          ? new SingleBar({ format: '处理 [{bar}] {percentage}% | {stage}' }, Presets.shades_classic)
          : null;
        processing?.start(100, 0, { stage: 'queued' });
        const version = await followProcessing({ ...options, token }, result.versionNumber, processing);
        processing?.stop();
        if (version.state === 'failed') {
          for (const p of version.ingest?.problems ?? [])
            process.stdout.write(`✗ ${p.code}${p.line ? ` (第 ${p.line} 行)` : ''}: ${p.message}\n`);
          return fail('处理失败，见上方问题报告。');
        }
        process.stdout.write(
          `✓ 处理完成 · ${version.rowCount ?? 0} 行 · 质量 ${version.qualityScore ?? '-'} (${version.qualityGrade ?? '-'})` +
            (version.personalInfoColumns.length
              ? ` · 含个人信息列: ${version.personalInfoColumns.join('、')}`
              : '') +
            '\n',
        );
      } catch (error) {
        reportCommandFailure('upload', error);
      }
    });
}
