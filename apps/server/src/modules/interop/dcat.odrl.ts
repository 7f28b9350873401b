/**
 * The product's usage policy as ODRL triples: `toOdrlOffer` (packages/core) is the one definition of
 * the policy's ODRL form; this walks its JSON-LD output into RDF so the Offer travels inside the DCAT
 * graph without resolving the remote ODRL context.
 */
import { toOdrlOffer, type UsagePolicy } from '@shuliu/core';
import { DataFactory, type NamedNode } from 'n3';
import { namedNode, term, type GraphBuilder } from './dcat.graph.js';

const blankNode = () => DataFactory.blankNode();
const literal = (value: string, datatype?: NamedNode) => DataFactory.literal(value, datatype);

type Offer = ReturnType<typeof toOdrlOffer>;
type Rule = Offer['permission'][number];
type RightOperand = string | string[] | number | { '@value': string; '@type': string };

function rightOperandTerms(value: RightOperand) {
  if (Array.isArray(value)) return value.map((v) => literal(v));
  if (typeof value === 'number') return [literal(String(value), term('xsd', 'integer'))];
  if (typeof value === 'string') return [literal(value)];
  const local = value['@type'].replace(/^xsd:/, '');
  return [literal(value['@value'], term('xsd', local))];
}

function addRule(graph: GraphBuilder, policy: NamedNode, kind: 'permission' | 'prohibition', rule: Rule) {
  const node = blankNode();
  graph
    .add(policy, term('odrl', kind), node)
    .type(node, term('odrl', kind === 'permission' ? 'Permission' : 'Prohibition'))
    .add(node, term('odrl', 'target'), namedNode(rule.target))
    .add(node, term('odrl', 'action'), term('odrl', rule.action));
  const constraints: Record<string, unknown>[] =
    'constraint' in rule && rule.constraint ? rule.constraint : [];
  for (const c of constraints) {
    const constraint = blankNode();
    graph
      .add(node, term('odrl', 'constraint'), constraint)
      .type(constraint, term('odrl', 'Constraint'))
      .add(constraint, term('odrl', 'leftOperand'), term('odrl', String(c.leftOperand)))
      .add(constraint, term('odrl', 'operator'), term('odrl', String(c.operator)));
    for (const operand of rightOperandTerms(c.rightOperand as RightOperand))
      graph.add(constraint, term('odrl', 'rightOperand'), operand);
  }
}

/**
 * Adds the policy as an `odrl:Offer` (also typed `odrl:Policy`, the class DCAT-AP's range shape
 * checks) and returns its IRI.
 */
export function addUsagePolicy(
  graph: GraphBuilder,
  policy: UsagePolicy,
  ids: { policy: string; target: string; assigner: string },
): NamedNode {
  const offer = toOdrlOffer(policy, ids);
  const iri = namedNode(offer.uid);
  graph
    .type(iri, term('odrl', 'Offer'), term('odrl', 'Policy'))
    .add(iri, term('odrl', 'uid'), iri)
    .add(iri, term('odrl', 'assigner'), namedNode(offer.assigner));
  for (const rule of offer.permission) addRule(graph, iri, 'permission', rule);
  for (const rule of offer.prohibition) addRule(graph, iri, 'prohibition', rule);
  return iri;
}
