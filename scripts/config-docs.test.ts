import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONFIG_DOC_PATH, describeArea, renderConfigDocs, ROOT } from './config-docs.js';

describe('docs/config.md', () => {
  it('matches the configuration schemas', async () => {
    const expected = await renderConfigDocs();
    const committed = await readFile(join(ROOT, CONFIG_DOC_PATH), 'utf8').catch(() => '(missing)');
    expect(committed === expected, `${CONFIG_DOC_PATH} is stale: run npm run config:docs`).toBe(true);
  });

  it('documents the default the schema applies, the accepted values and the description', () => {
    const area = z.object({
      A_PORT: z.coerce.number().int().min(1).max(9).default(3).describe('A port'),
      A_FLAG: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .default(true)
        .describe('A flag'),
      A_URL: z.url().optional().describe('Somewhere'),
    });
    expect(describeArea(area)).toEqual([
      { name: 'A_PORT', defaultValue: '`3`', accepts: 'integer 1–9', description: 'A port' },
      { name: 'A_FLAG', defaultValue: '`true`', accepts: '`true`, `false`', description: 'A flag' },
      { name: 'A_URL', defaultValue: '(unset)', accepts: 'URL', description: 'Somewhere' },
    ]);
  });
});
