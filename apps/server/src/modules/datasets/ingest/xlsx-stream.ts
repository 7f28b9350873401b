/**
 * The XLSX the spreadsheet reader actually sees: a new, uncompressed ZIP stream holding only the
 * parts needed for the first sheet, each inflated by yauzl from the central directory while the
 * bytes are counted. The reader never inflates anything itself, so a directory that lies about
 * sizes, or local headers that disagree with it, cannot make it inflate more than we allow.
 */
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import type { Entry, ZipFile } from 'yauzl';
import { IngestFailure } from './problems.js';
import { refuseBomb } from './zip-directory.js';

/** One part of the new ZIP: inflated from an entry of the upload, or given bytes. */
export type ZipPart = { name: string; entry: Entry } | { name: string; content: Buffer };

/** Counts inflated bytes across all parts and stops the stream past the limit. */
export interface InflateGuard {
  limit: number;
  /** Bytes inflated per part name, for progress. */
  onBytes?: (name: string, bytes: number) => void;
}

/** Why a stream stopped early; read it after the reader is done (the reader sees a cut ZIP). */
export interface StreamOutcome {
  /** The file is a bomb (or lies about its sizes). */
  failure: IngestFailure | null;
  /** The file could not be inflated. */
  error: Error | null;
}

/**
 * Inflates one entry, holding it to the size its directory declares: more bytes than declared is
 * a bomb, fewer a broken file. (yauzl's own size check is off so the two can be told apart.)
 */
export async function* inflateEntry(zip: ZipFile, entry: Entry): AsyncGenerator<Buffer> {
  let inflated = 0;
  const source = await zip.openReadStreamPromise(entry);
  for await (const chunk of source as AsyncIterable<Buffer>) {
    inflated += chunk.length;
    if (inflated > entry.uncompressedSize) refuseBomb(inflated, entry.compressedSize);
    yield chunk;
  }
  if (inflated !== entry.uncompressedSize) throw new Error(`${entry.fileName}: fewer bytes than declared`);
}

/**
 * A readable ZIP of `parts` (stored, no compression). On any error the stream just ends, the cause
 * goes to `outcome` and `stopped` resolves: the reader pipes the stream without forwarding errors
 * and may wait forever on a cut entry, so its consumer must race it against `stopped`.
 */
export function verifiedZipStream(
  zip: ZipFile,
  parts: ZipPart[],
  guard: InflateGuard,
): {
  stream: Readable;
  outcome: StreamOutcome;
  stopped: Promise<void>;
} {
  const outcome: StreamOutcome = { failure: null, error: null };
  let stop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  async function* generate(): AsyncGenerator<Buffer> {
    const central: Buffer[] = [];
    let offset = 0;
    let total = 0;
    try {
      for (const part of parts) {
        const name = Buffer.from(part.name, 'utf8');
        const size = 'entry' in part ? part.entry.uncompressedSize : part.content.length;
        const crc = 'entry' in part ? part.entry.crc32 : crc32(part.content);
        const local = localHeader(name, size, crc);
        central.push(centralHeader(name, size, crc, offset));
        offset += local.length + size;
        yield local;
        if ('content' in part) {
          yield part.content;
          continue;
        }
        for await (const chunk of inflateEntry(zip, part.entry)) {
          total += chunk.length;
          if (total > guard.limit) refuseBomb(total, part.entry.compressedSize);
          guard.onBytes?.(part.name, chunk.length);
          yield chunk;
        }
      }
    } catch (error) {
      if (error instanceof IngestFailure) outcome.failure = error;
      else outcome.error = error instanceof Error ? error : new Error(String(error));
      stop();
      return;
    }
    const directory = Buffer.concat(central);
    yield directory;
    yield endOfDirectory(parts.length, directory.length, offset);
  }
  return { stream: Readable.from(generate(), { objectMode: false }), outcome, stopped };
}

/** Iterates `iterable` until it ends or `stopped` resolves, whichever comes first. */
export async function* untilStopped<T>(
  iterable: AsyncIterable<T>,
  stopped: Promise<void>,
): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  const stop = stopped.then(() => null);
  for (;;) {
    const next = iterator.next();
    // An abandoned reader may still fail later; that failure is already known and handled.
    next.catch(() => undefined);
    const result = await Promise.race([next, stop]);
    if (result === null || result.done === true) return;
    yield result.value;
  }
}

/** DOS date of 1980-01-01, the earliest a ZIP can hold. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 11: names are UTF-8. */
const UTF8_FLAG = 0x0800;

function localHeader(name: Buffer, size: number, crc: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(UTF8_FLAG, 6);
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function centralHeader(name: Buffer, size: number, crc: number, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(UTF8_FLAG, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(0, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(crc >>> 0, 16);
  header.writeUInt32LE(size, 20);
  header.writeUInt32LE(size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, name]);
}

function endOfDirectory(count: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
}
