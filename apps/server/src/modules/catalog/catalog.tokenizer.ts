/**
 * Chinese and English text → search lexemes. PostgreSQL cannot segment Chinese here (zhparser and
 * pg_jieba are not installable), so we segment with jieba in the application and give PostgreSQL
 * space-separated tokens for a `simple` tsvector. Documents use jieba's search mode (every dictionary
 * sub-word of a long word is indexed too); queries use its precise mode, so a query word is one
 * lexeme that the document's search-mode output contains.
 */
import { createRequire } from 'node:module';

interface JiebaInstance {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
}

const require = createRequire(import.meta.url);
let jieba: JiebaInstance | undefined;

/** The jieba segmenter, loaded on first use (≈170 ms for the dictionary), then shared. */
function segmenter(): JiebaInstance {
  if (!jieba) {
    const { Jieba } = require('@node-rs/jieba') as {
      Jieba: { withDict(dict: Uint8Array): JiebaInstance };
    };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/** Longest lexeme kept; longer runs (hashes, base64) are cut, PostgreSQL allows 2 KB. */
const MAX_TOKEN_CHARS = 64;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Lower-cases, folds full-width forms (ＡＰＩ → api) and splits a jieba token on punctuation. */
function normalizeToken(token: string): string[] {
  return token
    .normalize('NFKC')
    .toLowerCase()
    .split(SEPARATORS)
    .filter((t) => t.length > 0)
    .map((t) => (t.length > MAX_TOKEN_CHARS ? Array.from(t).slice(0, MAX_TOKEN_CHARS).join('') : t));
}

/**
 * Tokens of a document text: jieba search mode, lower-cased, punctuation dropped, English words kept.
 * @example tokenizeDocument('城市道路交通流量 API') → ['城市', '道路', '城市道路', '交通', …, 'api']
 */
export function tokenizeDocument(text: string): string[] {
  if (text.trim() === '') return [];
  return segmenter().cutForSearch(text.normalize('NFKC'), true).flatMap(normalizeToken);
}

/** Distinct tokens of a query text (jieba precise mode), in order of appearance. */
export function tokenizeQuery(text: string): string[] {
  if (text.trim() === '') return [];
  const tokens = segmenter().cut(text.normalize('NFKC'), true).flatMap(normalizeToken);
  return [...new Set(tokens)];
}

/**
 * Character bigrams of the Chinese runs in `text` (城市道路 → 城市 市道 道路). Indexed for names and
 * used by the fuzzy fallback: pg_trgm ignores Chinese characters in a C-locale database, so a
 * one-character typo in a Chinese name is matched by most of its bigrams instead.
 */
export function hanBigrams(text: string): string[] {
  const grams: string[] = [];
  for (const run of text.normalize('NFKC').match(HAN_RUN) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) grams.push(`${chars[i]}${chars[i + 1]}`);
  }
  return [...new Set(grams)];
}
