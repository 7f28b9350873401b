/**
 * Text encoding of an uploaded table: byte order marks, UTF-8 or GB18030 judged line by line, mixed
 * files caught with the lines that disagree, and a UTF-8 copy written when the file is not already
 * UTF-8 — everything DuckDB reads afterwards is UTF-8.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import type { IngestProblem, TextEncoding } from '@shuliu/core';
import { byteCounter, subSpan, type ProgressSpan } from './progress.js';
import { IngestFailure, fail, type ProblemLog } from './problems.js';
import { scanLines, type LineScan, type LineSet } from './line-scan.js';
import { transcodeLineByLine } from './line-transcode.js';

export interface EncodingOptions {
  inputPath: string;
  workDir: string;
  /** File name of the UTF-8 copy, when one is needed. */
  outputName: string;
  /** Longest line allowed (tables, NDJSON); null for JSON arrays, which may be one line. */
  maxLineBytes: number | null;
  /** Write a copy without the UTF-8 byte order mark (DuckDB's JSON reader refuses one). */
  stripBom: boolean;
  maxProblems: number;
  log: ProblemLog;
  span: ProgressSpan;
}

export interface EncodingResult {
  encoding: TextEncoding;
  /** The UTF-8 file to read: the input itself or a copy in the work directory. */
  path: string;
}

/** Share of non-ASCII lines in the minority encoding from which a file is refused, not repaired. */
const MIXED_FATAL_SHARE = 0.01;
const CHARDET_SAMPLE_BYTES = 64 * 1024;
const GB_FAMILY = new Set(['GB18030', 'GBK', 'GB2312']);

/** Finds the file's encoding and returns a UTF-8 file to read; bad encodings end the ingest. */
export async function normalizeEncoding(options: EncodingOptions): Promise<EncodingResult> {
  const { inputPath, span } = options;
  const output = join(options.workDir, options.outputName);
  const { bom, size } = await readBom(inputPath);

  if (bom === 'utf-16le' || bom === 'utf-16be') {
    await decodeWhole(inputPath, 0, bom, output, byteCounter(subSpan(span, 0, 0.5), size));
    const copied = (await stat(output)).size;
    checkLineLength(await scan(output, 0, options, byteCounter(subSpan(span, 0.5, 1), copied)), options);
    return { encoding: bom, path: output };
  }

  const start = bom === 'utf-8-bom' ? 3 : 0;
  const result = await scan(inputPath, start, options, byteCounter(subSpan(span, 0, 0.6), size));
  checkLineLength(result, options);
  const utf8 = bom ?? 'utf-8';
  if (result.invalidUtf8.count === 0) {
    if (bom !== null && options.stripBom) {
      await pipeline(createReadStream(inputPath, { start }), createWriteStream(output));
      return { encoding: utf8, path: output };
    }
    return { encoding: utf8, path: inputPath };
  }

  const isUtf8Chosen = result.multibyteUtf8.count >= result.invalidUtf8.count;
  if (!isUtf8Chosen) await confirmGb18030(inputPath, result.invalidUtf8);
  const chosen: TextEncoding = isUtf8Chosen ? utf8 : 'gb18030';
  const disagreeing = isUtf8Chosen ? result.invalidUtf8 : result.multibyteUtf8;
  const rest = subSpan(span, 0.6, 1);
  if (disagreeing.count === 0) {
    await decodeWhole(inputPath, start, 'gb18030', output, byteCounter(rest, size));
    return { encoding: chosen, path: output };
  }

  const isFatal = disagreeing.count >= MIXED_FATAL_SHARE * result.nonAsciiLines;
  const problems = mixedEncodingProblems(disagreeing, isUtf8Chosen, isFatal, options.maxProblems);
  if (isFatal) throw new IngestFailure(problems, disagreeing.count > problems.length);
  for (const problem of problems) options.log.add(problem);
  if (disagreeing.count > problems.length) options.log.truncated = true;
  if (options.maxLineBytes !== null) {
    // Lines are bounded, so each can be decoded on its own in the encoding it is really in.
    await transcodeLineByLine(inputPath, start, output, byteCounter(rest, size));
  } else {
    await decodeWhole(inputPath, start, isUtf8Chosen ? 'utf-8' : 'gb18030', output, byteCounter(rest, size));
  }
  return { encoding: chosen, path: output };
}

type Bom = 'utf-8-bom' | 'utf-16le' | 'utf-16be';

async function readBom(path: string): Promise<{ bom: Bom | null; size: number }> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(3);
    const { bytesRead } = await handle.read(head, 0, 3, 0);
    const size = (await handle.stat()).size;
    if (bytesRead >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
      return { bom: 'utf-8-bom', size };
    if (bytesRead >= 2 && head[0] === 0xff && head[1] === 0xfe) return { bom: 'utf-16le', size };
    if (bytesRead >= 2 && head[0] === 0xfe && head[1] === 0xff) return { bom: 'utf-16be', size };
    return { bom: null, size };
  } finally {
    await handle.close();
  }
}

function scan(
  path: string,
  start: number,
  options: EncodingOptions,
  onBytes: (bytes: number) => void,
): Promise<LineScan> {
  return scanLines(path, { start, maxLineBytes: options.maxLineBytes, keep: options.maxProblems, onBytes });
}

function checkLineLength(result: LineScan, options: EncodingOptions): void {
  if (result.longLine === null || options.maxLineBytes === null) return;
  const limit = formatBytes(options.maxLineBytes);
  fail('line_too_long', `第 ${result.longLine} 行长度超过 ${limit}，可能不是逐行记录的表格，请检查换行符`, {
    line: result.longLine,
  });
}

/** `4 MiB`, `512 KiB`: a limit in the unit a person reads easily. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 30) return `${+(bytes / (1 << 30)).toFixed(1)} GiB`;
  if (bytes >= 1 << 20) return `${+(bytes / (1 << 20)).toFixed(1)} MiB`;
  if (bytes >= 1 << 10) return `${+(bytes / (1 << 10)).toFixed(1)} KiB`;
  return `${bytes} 字节`;
}

/** Checks that the non-UTF-8 lines look like GB18030 before decoding the whole file as such. */
async function confirmGb18030(path: string, invalid: LineSet): Promise<void> {
  const sample = await readLines(path, invalid, CHARDET_SAMPLE_BYTES);
  const guesses = analyse(sample);
  const top = guesses[0];
  if (top && GB_FAMILY.has(top.name)) return;
  const guess = top ? `，疑似 ${top.name}` : '';
  fail('unsupported_encoding', `无法识别文件的文字编码${guess}，请另存为 UTF-8 编码后重新上传`, {
    line: invalid.first[0]?.line,
  });
}

async function readLines(path: string, lines: LineSet, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const parts: Buffer[] = [];
    let total = 0;
    for (const { start, length } of lines.first) {
      const take = Math.min(length, maxBytes - total);
      if (take <= 0) break;
      const part = Buffer.alloc(take);
      await handle.read(part, 0, take, start);
      parts.push(part, Buffer.from('\n'));
      total += take + 1;
    }
    return Buffer.concat(parts);
  } finally {
    await handle.close();
  }
}

function mixedEncodingProblems(
  lines: LineSet,
  isUtf8Chosen: boolean,
  isFatal: boolean,
  max: number,
): IngestProblem[] {
  const minority = isUtf8Chosen ? 'GB18030' : 'UTF-8';
  return lines.first.slice(0, max).map(({ line }) => ({
    code: 'mixed_encoding',
    line,
    message: isFatal
      ? `第 ${line} 行的编码与文件其余部分不一致（GB18030 与 UTF-8 混用），请统一另存为 UTF-8 后重新上传`
      : `第 ${line} 行的编码与文件其余部分不一致（该行为 ${minority}），已单独转换，请核对该行内容`,
  }));
}

/** Decodes a whole file from `encoding` into a UTF-8 file, streaming. */
async function decodeWhole(
  path: string,
  start: number,
  encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be',
  output: string,
  onBytes: (bytes: number) => void,
): Promise<void> {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
  const source: Readable = createReadStream(path, { start, highWaterMark: 1 << 20 });
  await pipeline(
    source,
    counter,
    iconv.decodeStream(encoding),
    createWriteStream(output, { encoding: 'utf8' }),
  );
}
