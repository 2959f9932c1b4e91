// Turtle ontologies: the model (classes, typed relations, SKOS concepts), syntax errors at their
// line, and form edits that rewrite only the edited subject's block.
import { describe, expect, it } from 'vitest';
import { buildOntology, checkOntology, ontologyEdges, parseTurtle } from '../../../../shared/workspace/ontology';
import { deleteSubject, saveClass, saveRelation } from '../../../../shared/workspace/ontology-edit';

const ttl = `@prefix pay: <https://x.example/o#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

# Things
pay:Payment a owl:Class ;
    rdfs:label "Payment"@en, "결제"@ko ;
    rdfs:subClassOf [ a owl:Restriction ; owl:onProperty pay:hasApproval ; owl:minCardinality "1"^^xsd:nonNegativeInteger ] .

pay:Approval a owl:Class ; rdfs:label "Approval"@en .
pay:Refund a owl:Class ; rdfs:subClassOf pay:Cancellation, pay:Missing .
pay:Cancellation a owl:Class .

# Relations
pay:hasApproval a owl:ObjectProperty ; rdfs:domain pay:Payment ; rdfs:range pay:Approval ; owl:inverseOf pay:approvalOf .
pay:approvalOf a owl:ObjectProperty, owl:FunctionalProperty ; rdfs:domain pay:Approval ; rdfs:range pay:Payment .

pay:Approved a skos:Concept ; skos:prefLabel "approved"@en .
pay:Partly a skos:Concept ; skos:prefLabel "partly approved"@en ; skos:broader pay:Approved ; skos:related pay:Approved .
`;

describe('ontology', () => {
  const parsed = parseTurtle('ontology/p.ttl', ttl);
  const model = buildOntology([{ file: 'ontology/p.ttl', parsed }]);

  it('reads classes, properties and concepts with labels, lines, cardinality and characteristics', () => {
    expect(parsed.diagnostics).toEqual([]);
    const payment = model.classes.find((c) => c.name === 'pay:Payment')!;
    expect(payment).toMatchObject({ label: 'Payment', line: 8, restrictions: [{ property: 'https://x.example/o#hasApproval', min: 1, max: null }] });
    expect(payment.labels).toContainEqual({ value: '결제', lang: 'ko' });
    const approvalOf = model.properties.find((p) => p.name === 'pay:approvalOf')!;
    expect(approvalOf).toMatchObject({ kind: 'object', characteristics: ['functional'], inverseOf: ['https://x.example/o#hasApproval'] });
    expect(model.concepts.map((c) => c.label)).toEqual(['approved', 'partly approved']);
  });

  it('draws typed relations: hierarchical, associative (with inverse and cardinality) and equivalence', () => {
    const edges = ontologyEdges(model).map((e) => `${e.kind}:${e.label}${e.detail ? ` (${e.detail})` : ''}`);
    expect(edges).toEqual(expect.arrayContaining([
      'hierarchical:is a',
      'associative:hasApproval (inverse of pay:approvalOf, cardinality 1..*)',
      'associative:approvalOf (functional, inverse of pay:hasApproval)',
      'hierarchical:broader',
      'associative:related (symmetric)',
    ]));
  });

  it('flags references to things the ontology does not define', () => {
    expect(checkOntology(model).map((d) => d.message)).toEqual(['pay:Refund is a subclass of pay:Missing, which is not defined.']);
  });

  it('reports a syntax error at its line', () => {
    const broken = parseTurtle('ontology/b.ttl', '@prefix pay: <https://x#> .\npay:A a pay:B ;\n  pay:c "open .\n');
    expect(broken.diagnostics).toEqual([expect.objectContaining({ line: 3, code: 'turtle-syntax', severity: 'error' })]);
  });

  it('edits one class in place and keeps comments, other statements and blank nodes', () => {
    const edited = saveClass(ttl, { name: 'pay:Payment', label: 'Payment intent', labelLanguage: 'en', definition: 'What the customer wants to pay.', parents: ['pay:Cancellation'] });
    expect(edited).toContain('# Things');
    expect(edited).toContain('# Relations');
    expect(edited.split('\n').slice(7, 12).join('\n')).toBe([
      'pay:Payment a owl:Class ;',
      '    rdfs:label "Payment intent"@en, "결제"@ko ;',
      '    rdfs:subClassOf [ a owl:Restriction ; owl:onProperty pay:hasApproval ; owl:minCardinality "1"^^xsd:nonNegativeInteger ], pay:Cancellation ;',
      '    skos:definition "What the customer wants to pay."@en .',
      '',
    ].join('\n'));
    const again = buildOntology([{ file: 'p.ttl', parsed: parseTurtle('p.ttl', edited) }]);
    expect(again.classes.find((c) => c.name === 'pay:Payment')).toMatchObject({ label: 'Payment intent', definition: 'What the customer wants to pay.', restrictions: [{ min: 1 }] });
    expect(again.properties).toHaveLength(2);
  });

  it('adds a typed relation, and deletes a subject', () => {
    const added = saveRelation(ttl, { name: 'pay:refunds', label: 'refunds', domain: 'pay:Refund', range: 'pay:Approval', characteristics: ['transitive'], inverseOf: '' });
    const model2 = buildOntology([{ file: 'p.ttl', parsed: parseTurtle('p.ttl', added) }]);
    expect(model2.properties.find((p) => p.name === 'pay:refunds')).toMatchObject({ label: 'refunds', characteristics: ['transitive'], domain: ['https://x.example/o#Refund'] });
    const removed = deleteSubject(added, 'pay:Approval');
    expect(removed).not.toContain('pay:Approval a owl:Class');
    expect(parseTurtle('p.ttl', removed).diagnostics).toEqual([]);
    expect(() => saveClass(ttl, { name: 'nope:X', label: 'x', labelLanguage: 'en', definition: '', parents: [] })).toThrow(/prefix of nope:X is not declared/);
  });
});
