/**
 * A thin helper over an n3 `Store` for writing DCAT graphs: prefixed names, typed literals, and the
 * controlled-vocabulary concepts DCAT-AP checks by class (`sh:class`) and scheme (`skos:inScheme`).
 * Concepts are described inside each export (type, scheme, labels) so the graph validates on its own,
 * without the harvester fetching the EU authority tables.
 */
import { DataFactory, Store, type NamedNode, type Quad_Object, type Quad_Subject } from 'n3';
import { AUTHORITY, conceptIri, NS, SCHEME_TITLES, type AuthorityConcept } from './dcat.vocabularies.js';

const namedNode = (iri: string): NamedNode => DataFactory.namedNode(iri);
const literal = (value: string, languageOrDatatype?: string | NamedNode) =>
  DataFactory.literal(value, languageOrDatatype);

type Prefix = keyof typeof NS;

/** `term('dct', 'title')` → the NamedNode of dct:title. */
export const term = (prefix: Prefix, local: string): NamedNode => namedNode(`${NS[prefix]}${local}`);

/** Extra classes a concept of each scheme carries, as the DCAT-AP range shapes expect. */
const CONCEPT_CLASSES: Record<keyof typeof AUTHORITY, NamedNode[]> = {
  frequency: [term('dct', 'Frequency')],
  dataTheme: [],
  fileType: [term('dct', 'MediaTypeOrExtent')],
  language: [term('dct', 'LinguisticSystem')],
  accessRight: [term('dct', 'RightsStatement')],
  country: [term('dct', 'Location')],
  publisherType: [],
  availability: [],
};

/** Writes triples into one store. */
export class GraphBuilder {
  readonly store = new Store();

  /** Adds one triple. */
  add(subject: Quad_Subject, predicate: NamedNode, object: Quad_Object): this {
    this.store.addQuad(subject, predicate, object);
    return this;
  }

  /** Adds `subject a class…`. */
  type(subject: Quad_Subject, ...classes: NamedNode[]): this {
    for (const c of classes) this.add(subject, term('rdf', 'type'), c);
    return this;
  }

  /** A literal in `lang` (zh by default: our metadata is written in Chinese first). */
  text(value: string, lang = 'zh') {
    return literal(value, lang);
  }

  /** An xsd:dateTime literal. */
  dateTime(value: Date) {
    return literal(value.toISOString(), term('xsd', 'dateTime'));
  }

  /** An xsd:date literal from `YYYY-MM-DD`. */
  date(value: string) {
    return literal(value, term('xsd', 'date'));
  }

  /** A plain (xsd:string) literal. */
  plain(value: string) {
    return literal(value);
  }

  /** Adds a concept of an EU authority table with its classes, scheme and labels; returns its IRI. */
  concept(concept: AuthorityConcept): NamedNode {
    const iri = namedNode(conceptIri(concept));
    const scheme = namedNode(AUTHORITY[concept.scheme]);
    this.type(iri, term('skos', 'Concept'), ...CONCEPT_CLASSES[concept.scheme])
      .add(iri, term('skos', 'inScheme'), scheme)
      .add(iri, term('skos', 'prefLabel'), this.text(concept.zh, 'zh'))
      .add(iri, term('skos', 'prefLabel'), this.text(concept.en, 'en'));
    this.scheme(concept.scheme);
    return iri;
  }

  /** Adds an authority table as a skos:ConceptScheme with its title; returns its IRI. */
  scheme(scheme: keyof typeof AUTHORITY): NamedNode {
    const iri = namedNode(AUTHORITY[scheme]);
    this.type(iri, term('skos', 'ConceptScheme')).add(
      iri,
      term('dct', 'title'),
      this.text(SCHEME_TITLES[scheme], 'en'),
    );
    return iri;
  }
}

/** A language tag for free text: zh when it holds Han characters, else en. */
export const languageOf = (value: string): string => (/\p{Script=Han}/u.test(value) ? 'zh' : 'en');

export { namedNode };
