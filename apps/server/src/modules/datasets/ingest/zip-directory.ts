/**
 * Reading a ZIP's central directory (names and declared sizes) without inflating anything, and the
 * compression-bomb checks made on it before an XLSX is opened.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { fail } from './problems.js';

/** An open ZIP and its entries, in directory order. */
export interface ZipDirectory {
  zip: ZipFile;
  entries: Entry[];
}

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  maxEntryUncompressed: number;
  maxRatio: number;
}

/** Entries smaller than this are not judged by their ratio (tiny XML files compress very well). */
const RATIO_MIN_ENTRY_BYTES = 1 << 20;

/**
 * Opens a ZIP and reads its directory; more than `maxEntries` entries is a bomb (checked from the
 * end-of-directory record before any entry is read). A broken ZIP ends the ingest as `invalid_xlsx`.
 * Entry sizes are checked by `inflateEntry`, not by yauzl, so that a lie reads as a bomb.
 */
export async function openZipDirectory(path: string, maxEntries: number): Promise<ZipDirectory> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: false });
  } catch {
    return fail('invalid_xlsx', 'XLSX 文件已损坏（ZIP 结构无法读取），请在 Excel 中重新保存后上传');
  }
  if (zip.entryCount > maxEntries) {
    zip.close();
    return fail('zip_bomb', `XLSX 文件包含 ${zip.entryCount} 个内部文件，数量异常，疑似压缩炸弹，已拒绝处理`);
  }
  try {
    return { zip, entries: await readEntries(zip) };
  } catch {
    zip.close();
    return fail('invalid_xlsx', 'XLSX 文件已损坏（ZIP 目录无法读取），请在 Excel 中重新保存后上传');
  }
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** Refuses a ZIP whose directory declares more than the limits allow; never inflates. */
export function checkDeclaredSizes(entries: Entry[], limits: ZipLimits): void {
  let total = 0;
  let worstRatio = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > RATIO_MIN_ENTRY_BYTES) {
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      worstRatio = Math.max(worstRatio, ratio);
    }
    if (entry.uncompressedSize > limits.maxEntryUncompressed)
      refuseBomb(entry.uncompressedSize, entry.compressedSize);
  }
  if (worstRatio > limits.maxRatio) refuseBomb(worstRatio, 1);
  if (total > limits.maxUncompressedBytes) {
    const compressed = entries.reduce((sum, entry) => sum + entry.compressedSize, 0);
    refuseBomb(total, compressed);
  }
}

/** Ends the ingest as a compression bomb, naming the ratio seen. */
export function refuseBomb(uncompressed: number, compressed: number): never {
  const ratio = Math.round(uncompressed / Math.max(1, compressed));
  return fail('zip_bomb', `XLSX 文件解压后体积异常（压缩比 ${ratio}:1），疑似压缩炸弹，已拒绝处理`);
}
