/**
 * Serializations of a DCAT graph: Turtle (n3 Writer) and JSON-LD (jsonld `fromRDF` + `compact`). The
 * JSON-LD context is inline and the document loader refuses every fetch: an export must never depend
 * on, or wait for, a remote context.
 */
import jsonld from 'jsonld';
import { Writer, type Store } from 'n3';
import { NS } from './dcat.vocabularies.js';

export const TURTLE_MEDIA_TYPE = 'text/turtle; charset=utf-8';
export const JSON_LD_MEDIA_TYPE = 'application/ld+json';

/** The inline JSON-LD context of every export: the prefixes, nothing remote. */
export const DCAT_JSONLD_CONTEXT: Record<string, string> = { ...NS };

/** A document loader that loads nothing (jsonld would otherwise fetch remote contexts). */
export const refuseRemoteDocuments = (url: string): Promise<never> =>
  Promise.reject(new Error(`remote JSON-LD documents are not loaded: ${url}`));

/** Writes `quads` in `format` (`Turtle` with prefixes, or `N-Quads`). */
function write(store: Store, format: 'Turtle' | 'N-Quads'): Promise<string> {
  const writer = new Writer(format === 'Turtle' ? { prefixes: { ...NS } } : { format: 'N-Quads' });
  writer.addQuads(store.getQuads(null, null, null, null));
  return new Promise((resolve, reject) => {
    writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result)));
  });
}

/** The graph as Turtle. */
export function toTurtle(store: Store): Promise<string> {
  return write(store, 'Turtle');
}

/** The graph as compacted JSON-LD with the inline context. */
export async function toJsonLd(store: Store): Promise<Record<string, unknown>> {
  const nquads = await write(store, 'N-Quads');
  const expanded = await jsonld.fromRDF(nquads, { format: 'application/n-quads' });
  return jsonld.compact(expanded, DCAT_JSONLD_CONTEXT, { documentLoader: refuseRemoteDocuments });
}
