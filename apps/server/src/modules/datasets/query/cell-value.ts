/**
 * DuckDB values turned into JSON-safe cells for previews, queries and exports. Starts from
 * `@duckdb/node-api`'s own JSON converter and changes only what a reader of our API needs otherwise:
 * integers as numbers while exact, timestamps in ISO 8601, binary as base64.
 */
import {
  DuckDBBlobValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  JsonDuckDBValueConverter,
  type DuckDBValue,
  type DuckDBValueConverter,
} from '@duckdb/node-api';

/** One value of a result row as the API sends it. */
export type Cell = string | number | boolean | null;

export interface CellOptions {
  /**
   * Binary values up to this many bytes are sent as `base64:<data>`; longer ones as
   * `[binary N bytes]`, so one large value cannot swell a preview page. `Infinity` sends all.
   */
  maxBinaryBytes: number;
}

/**
 * A converter for `DuckDBDataChunk.convertRows` / `DuckDBResultReader.convertRows` producing cells:
 * - BIGINT, HUGEINT and unsigned kin → number when exactly representable, else decimal text;
 * - DECIMAL → text (`'12.30'`, exact); DOUBLE → number, or `'NaN'`/`'Infinity'` text;
 * - DATE → `'YYYY-MM-DD'`; TIMESTAMP → `'YYYY-MM-DDTHH:MM:SS[.ffffff]'` (no zone: the value has none);
 *   TIMESTAMP WITH TIME ZONE → the same in UTC with `Z`; out-of-range, BC and infinite values keep
 *   DuckDB's text;
 * - BLOB → `base64:…` or `[binary N bytes]` (see `maxBinaryBytes`);
 * - lists, structs and maps → their JSON text.
 *
 * @example
 * const rows = reader.convertRows(createCellConverter({ maxBinaryBytes: 1024 }));
 */
export function createCellConverter(options: CellOptions): DuckDBValueConverter<Cell> {
  const integer = (value: DuckDBValue) => (typeof value === 'bigint' ? integerCell(value) : String(value));
  const timestamp = (value: DuckDBValue) => isoTimestamp(String(value), '');
  const special: Partial<Record<DuckDBTypeId, (value: DuckDBValue) => Cell>> = {
    [DuckDBTypeId.BIGINT]: integer,
    [DuckDBTypeId.UBIGINT]: integer,
    [DuckDBTypeId.HUGEINT]: integer,
    [DuckDBTypeId.UHUGEINT]: integer,
    [DuckDBTypeId.TIMESTAMP]: timestamp,
    [DuckDBTypeId.TIMESTAMP_S]: timestamp,
    [DuckDBTypeId.TIMESTAMP_MS]: timestamp,
    [DuckDBTypeId.TIMESTAMP_NS]: timestamp,
    // Its own toString() renders in the server's local zone; the plain form of the same micros is UTC.
    [DuckDBTypeId.TIMESTAMP_TZ]: (value) =>
      value instanceof DuckDBTimestampTZValue
        ? isoTimestamp(new DuckDBTimestampValue(value.micros).toString(), 'Z')
        : String(value),
    [DuckDBTypeId.BLOB]: (value) =>
      value instanceof DuckDBBlobValue ? binaryCell(value.bytes, options.maxBinaryBytes) : String(value),
  };
  return (value, type) => {
    if (value === null) return null;
    const convert = special[type.typeId];
    if (convert) return convert(value);
    const json = JsonDuckDBValueConverter(value, type, JsonDuckDBValueConverter);
    return json === null || typeof json !== 'object' ? json : JSON.stringify(json);
  };
}

function integerCell(value: bigint): number | string {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value.toString();
}

/** DuckDB's `YYYY-MM-DD HH:MM:SS[.f]` as ISO 8601; any other form (BC, year > 9999, infinity) as it is. */
function isoTimestamp(text: string, zone: '' | 'Z'): string {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/.exec(text);
  return match ? `${match[1]}T${match[2]}${zone}` : text;
}

function binaryCell(bytes: Uint8Array, maxBytes: number): string {
  if (bytes.byteLength > maxBytes) return `[binary ${bytes.byteLength} bytes]`;
  return `base64:${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}
