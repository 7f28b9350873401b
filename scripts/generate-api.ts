/**
 * `npm run api:generate`: writes docs/api/openapi.json and packages/sdk/src/schema.d.ts from the
 * routes the code defines. No database is needed: the app is built on inert dependencies.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { renderApiArtifacts, ROOT } from './api-artifacts.js';

for (const [path, content] of Object.entries(await renderApiArtifacts())) {
  const file = join(ROOT, path);
  const before = await readFile(file, 'utf8').catch(() => null);
  if (before === content) {
    process.stdout.write(`unchanged ${path}\n`);
    continue;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  process.stdout.write(`wrote     ${path}\n`);
}
