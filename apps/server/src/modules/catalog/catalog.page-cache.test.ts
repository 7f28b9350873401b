import { describe, expect, it } from 'vitest';
import { createPageCache, etagMatches, etagOf } from './catalog.page-cache.js';

function counter(pages: Record<string, string>) {
  const reads: string[] = [];
  const load = (id: string) => {
    reads.push(id);
    const document = pages[id];
    return Promise.resolve(document === undefined ? null : { document, visibility: 'public' });
  };
  return { reads, load };
}

describe('createPageCache', () => {
  it('reads a page once per TTL, then again; unknown ids are remembered too', async () => {
    let clock = 0;
    const source = counter({ prd_1: '{"name":"a"}' });
    const cache = createPageCache({ load: source.load, ttlMs: 2_000, now: () => clock });
    const first = await cache.get('prd_1');
    expect(first).toEqual({ body: '{"name":"a"}', etag: etagOf('{"name":"a"}'), visibility: 'public' });
    clock = 1_999;
    await cache.get('prd_1');
    expect(await cache.get('prd_nope')).toBeNull();
    await cache.get('prd_nope');
    expect(source.reads).toEqual(['prd_1', 'prd_nope']);
    clock = 2_000;
    await cache.get('prd_1');
    expect(source.reads).toEqual(['prd_1', 'prd_nope', 'prd_1']);
  });

  it('shares one read between concurrent misses', async () => {
    const source = counter({ prd_1: '{}' });
    const cache = createPageCache({ load: source.load });
    await Promise.all([cache.get('prd_1'), cache.get('prd_1'), cache.get('prd_1')]);
    expect(source.reads).toEqual(['prd_1']);
  });

  it('forgets everything on clear, and does not keep a read that was running during the change', async () => {
    const pages: Record<string, string> = { prd_1: '{"v":1}' };
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const cache = createPageCache({
      load: async (id) => {
        const document = pages[id];
        await gate;
        return document === undefined ? null : { document, visibility: 'public' };
      },
    });
    const before = cache.get('prd_1');
    pages.prd_1 = '{"v":2}';
    cache.clear();
    release();
    expect((await before)?.body).toBe('{"v":1}');
    expect((await cache.get('prd_1'))?.body).toBe('{"v":2}');
  });

  it('keeps at most maxEntries pages, dropping the oldest', async () => {
    const source = counter({ a: '1', b: '2', c: '3' });
    const cache = createPageCache({ load: source.load, maxEntries: 2 });
    for (const id of ['a', 'b', 'c', 'a']) await cache.get(id);
    expect(source.reads).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('etagMatches', () => {
  const tag = etagOf('{"a":1}');
  it('matches the tag itself, in a list, weak, or *', () => {
    expect(tag).toMatch(/^"[\w-]{22}"$/);
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(`"x", ${tag}`, tag)).toBe(true);
    expect(etagMatches(`W/${tag}`, tag)).toBe(true);
    expect(etagMatches('*', tag)).toBe(true);
  });
  it('does not match another tag or no header', () => {
    expect(etagMatches(etagOf('{"a":2}'), tag)).toBe(false);
    expect(etagMatches(undefined, tag)).toBe(false);
    expect(etagMatches('', tag)).toBe(false);
  });
});
