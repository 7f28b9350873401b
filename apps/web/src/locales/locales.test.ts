/**
 * Both languages must say everything: same namespace files, same keys, same {{placeholders}}, no
 * empty strings. A key added in one language only fails here instead of showing a raw key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const LANGUAGES = ['zh-CN', 'en'] as const;

type Tree = { [key: string]: string | Tree };

function load(lang: string, file: string): Tree {
  return JSON.parse(readFileSync(join(DIR, lang, file), 'utf8')) as Tree;
}

/** Every leaf as `a.b.c` → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const files = (lang: string) =>
  readdirSync(join(DIR, lang))
    .filter((f) => f.endsWith('.json'))
    .sort();

describe('locales', () => {
  it('has the same namespace files in every language', () => {
    expect(files('en')).toEqual(files('zh-CN'));
  });

  for (const file of files('zh-CN')) {
    describe(file, () => {
      const [zh, en] = LANGUAGES.map((lang) => flatten(load(lang, file)));
      if (!zh || !en) throw new Error('unreachable');

      it('has the same keys in zh-CN and en', () => {
        const onlyZh = [...zh.keys()].filter((k) => !en.has(k));
        const onlyEn = [...en.keys()].filter((k) => !zh.has(k));
        expect({ onlyZh, onlyEn }).toEqual({ onlyZh: [], onlyEn: [] });
      });

      it('uses the same placeholders in both languages', () => {
        const differing = [...zh.entries()]
          .filter(
            ([key, text]) =>
              en.has(key) && placeholders(text).join() !== placeholders(en.get(key) ?? '').join(),
          )
          .map(([key]) => key);
        expect(differing).toEqual([]);
      });

      it('has no empty strings', () => {
        const empty = [...zh.entries(), ...en.entries()]
          .filter(([, text]) => text.trim() === '')
          .map(([k]) => k);
        expect(empty).toEqual([]);
      });
    });
  }
});
