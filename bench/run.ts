/**
 * `npm run bench` runs every `bench/*.bench.ts`; `npm run bench -- http` runs the named ones. Each
 * benchmark prints our figure beside a baseline measured in the same run and writes
 * bench/results/<name>.json. Benchmarks are not tests: nothing here fails on a slow figure.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(BENCH_DIR)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''))
  .sort();
/** Options that take a value (`--rows 50000`): their value is not a benchmark name. */
const VALUE_OPTIONS = new Set(['--rows', '--size-mb', '--upload-mb']);
const wanted = process.argv
  .slice(2)
  .filter((arg, i, all) => !arg.startsWith('-') && !VALUE_OPTIONS.has(all[i - 1] ?? ''));
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}\n`);
  process.exit(2);
}

for (const name of wanted.length > 0 ? wanted : available) {
  process.stdout.write(`\n== ${name}\n`);
  const module = (await import(pathToFileURL(`${BENCH_DIR}${name}.bench.ts`).href)) as {
    default?: () => Promise<void>;
  };
  if (typeof module.default !== 'function') throw new Error(`bench/${name}.bench.ts has no default export`);
  await module.default();
}
// The embedded PostgreSQL's exit hook and pg pools may keep handles open; the work is done.
process.exit(0);
