/**
 * Repairs a file that mixes UTF-8 and GB18030 line by line: every line that is valid UTF-8 is kept,
 * every other line is decoded as GB18030. Only used once the lines are known to be bounded.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';

/** Writes a UTF-8 copy of `path` (from byte `start`) to `output`, decoding each line on its own. */
export async function transcodeLineByLine(
  path: string,
  start: number,
  output: string,
  onBytes: (bytes: number) => void,
): Promise<void> {
  let carry: Buffer = Buffer.alloc(0);
  const splitter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      onBytes(chunk.length);
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const parts: Buffer[] = [];
      let from = 0;
      for (let newline = data.indexOf(0x0a, from); newline !== -1; newline = data.indexOf(0x0a, from)) {
        parts.push(toUtf8(data.subarray(from, newline + 1)));
        from = newline + 1;
      }
      carry = Buffer.from(data.subarray(from));
      callback(null, parts.length > 0 ? Buffer.concat(parts) : undefined);
    },
    flush(callback) {
      callback(null, carry.length > 0 ? toUtf8(carry) : undefined);
    },
  });
  await pipeline(
    createReadStream(path, { start, highWaterMark: 1 << 20 }),
    splitter,
    createWriteStream(output),
  );
}

function toUtf8(line: Buffer): Buffer {
  return isUtf8(line) ? line : Buffer.from(iconv.decode(line, 'gb18030'), 'utf8');
}
