/**
 * `npm run config:docs`: writes docs/config.md from the configuration schemas.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_DOC_PATH, renderConfigDocs, ROOT } from './config-docs.js';

const file = join(ROOT, CONFIG_DOC_PATH);
const content = await renderConfigDocs();
const before = await readFile(file, 'utf8').catch(() => null);
if (before === content) process.stdout.write(`unchanged ${CONFIG_DOC_PATH}\n`);
else {
  await writeFile(file, content);
  process.stdout.write(`wrote     ${CONFIG_DOC_PATH}\n`);
}
