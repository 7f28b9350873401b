/**
 * Test helpers for ingest: a scratch directory and a real DuckDB per test file, a one-call ingest of
 * a file written from bytes, and a small ZIP writer that can build compression bombs (and ZIPs
 * whose directory lies) without holding their inflated size in memory.
 */
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, crc32 } from 'node:zlib';
import type { IngestProblem } from '@shuliu/core';
import { openDuckDb, quoteLiteral, type DuckDb } from '../../../platform/duckdb/duckdb.js';
import { ingestFile, type IngestLimits, type IngestResult } from './ingest.js';

export interface IngestBench {
  dir: string;
  duckdb: DuckDb;
  /** Writes `content` as `filename` and ingests it in a fresh work directory. */
  ingest(filename: string, content: string | Uint8Array, options?: BenchOptions): Promise<IngestResult>;
  /** Ingests a file already on disk. */
  ingestPath(path: string, filename: string, options?: BenchOptions): Promise<IngestResult>;
  /** All rows of a normalized copy. */
  rows(parquetPath: string | null): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface BenchOptions {
  limits?: Partial<IngestLimits>;
  onProgress?: (share: number) => void;
}

/** A scratch directory and a DuckDB instance for one test file. */
export async function openBench(): Promise<IngestBench> {
  const dir = await mkdtemp(join(tmpdir(), 'shuliu-ingest-'));
  const duckdb = await openDuckDb({ threads: 2, memoryLimit: '512MB', tempDir: join(dir, 'duckdb-tmp') });
  let runs = 0;
  const ingestPath = async (path: string, filename: string, options: BenchOptions = {}) => {
    runs += 1;
    const workDir = join(dir, `work-${runs}`);
    await mkdir(workDir);
    return ingestFile({ inputPath: path, filename, workDir, duckdb, ...options });
  };
  return {
    dir,
    duckdb,
    ingestPath,
    async ingest(filename, content, options) {
      const path = join(dir, `input-${runs + 1}-${filename}`);
      await writeFile(path, content);
      return ingestPath(path, filename, options);
    },
    async rows(parquetPath) {
      if (parquetPath === null) throw new Error('no normalized copy');
      return duckdb.all(`SELECT * FROM read_parquet(${quoteLiteral(parquetPath)})`);
    },
    async close() {
      duckdb.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Codes of a report's problems, in order. */
export function codesOf(result: IngestResult): string[] {
  return result.report.problems.map((problem) => problem.code);
}

/** Line numbers of the problems with `code`. */
export function linesOf(result: IngestResult, code: string): (number | undefined)[] {
  return result.report.problems
    .filter((problem: IngestProblem) => problem.code === code)
    .map((problem) => problem.line);
}

export interface ZipFixtureEntry {
  name: string;
  /** The entry's bytes, possibly as many chunks (streamed through the compressor). */
  chunks: Iterable<Uint8Array>;
  /** Written to the headers instead of the real size: a directory that lies. */
  declaredSize?: number;
}

/** Writes a deflated ZIP; only the compressed bytes are ever held in memory. */
export async function writeZip(path: string, entries: ZipFixtureEntry[]): Promise<void> {
  const files: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const deflate = createDeflateRaw({ level: 9 });
    const compressed: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => compressed.push(chunk));
    const ended = once(deflate, 'end');
    let crc = 0;
    let size = 0;
    for (const chunk of entry.chunks) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      if (!deflate.write(chunk)) await once(deflate, 'drain');
    }
    deflate.end();
    await ended;
    const data = Buffer.concat(compressed);
    const name = Buffer.from(entry.name, 'utf8');
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc >>> 0, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(declared, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    files.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(path, Buffer.concat([...files, directory, end]));
}

/** `count` copies of `chunk`, lazily. */
export function* repeated(chunk: Uint8Array, count: number): Iterable<Uint8Array> {
  for (let i = 0; i < count; i++) yield chunk;
}

/** The XML parts every workbook fixture needs besides its sheet. */
export function workbookParts(sheetXml: Iterable<Uint8Array>, declaredSize?: number): ZipFixtureEntry[] {
  const text = (value: string): Iterable<Uint8Array> => [Buffer.from(value)];
  return [
    {
      name: '[Content_Types].xml',
      chunks: text(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      chunks: text(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: text(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', chunks: sheetXml, declaredSize },
  ];
}
