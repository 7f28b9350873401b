import { describe, expect, it } from 'vitest';
import { hanBigrams, tokenizeDocument, tokenizeQuery } from './catalog.tokenizer.js';

describe('tokenizeDocument', () => {
  it('segments Chinese in search mode, so a long word and its parts are all indexed', () => {
    const tokens = tokenizeDocument('城市道路交通流量');
    expect(tokens).toEqual(expect.arrayContaining(['城市道路', '交通流量', '交通', '流量', '道路']));
  });

  it('lower-cases English, folds full-width letters and drops punctuation', () => {
    expect(tokenizeDocument('Traffic-Flow ＡＰＩ, v2.0 (hourly)!')).toEqual([
      'traffic',
      'flow',
      'api',
      'v2',
      '0',
      'hourly',
    ]);
  });

  it('keeps no operator or quote characters, whatever the input', () => {
    const tokens = tokenizeDocument(`a & | ! :* ( ) ' \\ 表 <-> "x" ; DROP TABLE t; --`);
    for (const token of tokens) expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(tokens).toEqual(expect.arrayContaining(['a', '表', 'drop', 'table', 't', 'x']));
  });

  it('returns nothing for blank text and cuts absurdly long runs', () => {
    expect(tokenizeDocument('   ')).toEqual([]);
    const [long] = tokenizeDocument('x'.repeat(500));
    expect(long?.length).toBe(64);
  });
});

describe('tokenizeQuery', () => {
  it('keeps a query word whole (precise mode), which the document tokens contain', () => {
    const query = tokenizeQuery('交通流量');
    expect(query).toEqual(['交通流量']);
    const doc = tokenizeDocument('数流科技·城市道路交通流量·数据集·路段级逐小时');
    for (const lexeme of query) expect(doc).toContain(lexeme);
  });

  it('dedupes and mixes scripts', () => {
    expect(tokenizeQuery('Traffic traffic 交通')).toEqual(['traffic', '交通']);
  });

  it('yields no lexeme from punctuation only', () => {
    expect(tokenizeQuery(`& | ! :* ( ) ' \\`)).toEqual([]);
  });
});

describe('hanBigrams', () => {
  it('gives the character bigrams of the Chinese runs only', () => {
    expect(hanBigrams('交通流亮 API 数据')).toEqual(['交通', '通流', '流亮', '数据']);
  });
});
