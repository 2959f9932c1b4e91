// The ontology folder: Turtle files with OWL classes and properties and SKOS concepts. Parsed into
// a model the graph view draws (typed relations: hierarchical, associative, equivalence; inverse,
// symmetric, transitive; cardinality), with each subject's line for "go to source".
import { Lexer, Parser, type Quad, type Term } from 'n3';
import { diagnostic, lineSpan, type Diagnostic } from '../common/diagnostics';
import { every, runToEnd, type Steps } from './steps';

export const ns = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;
const RDF_TYPE = `${ns.rdf}type`;

export interface Label { value: string; lang: string }
interface Described {
  iri: string;
  /** pay:Payment where a prefix covers the IRI. */
  name: string;
  label: string;
  labels: Label[];
  definition: string | null;
  file: string;
  line: number;
}
export interface Restriction { property: string; min: number | null; max: number | null }
export interface OntologyClass extends Described { subClassOf: string[]; equivalentClass: string[]; restrictions: Restriction[] }
export type PropertyCharacteristic = 'functional' | 'inverse-functional' | 'transitive' | 'symmetric';
export interface OntologyProperty extends Described {
  kind: 'object' | 'datatype' | 'annotation';
  domain: string[];
  range: string[];
  inverseOf: string[];
  characteristics: PropertyCharacteristic[];
}
export interface OntologyConcept extends Described {
  schemes: string[];
  notation: string | null;
  broader: string[];
  related: string[];
  exactMatch: string[];
  closeMatch: string[];
}
export interface OntologyModel {
  prefixes: Record<string, string>;
  classes: OntologyClass[];
  properties: OntologyProperty[];
  concepts: OntologyConcept[];
  schemes: Described[];
  /** Every IRI that is the subject of a statement: what "defined in the ontology" means. */
  subjects: string[];
}

export type RelationKind = 'hierarchical' | 'associative' | 'equivalence';
export interface OntologyEdge { from: string; to: string; kind: RelationKind; label: string; property: string | null; detail: string | null }

/** Statement spans per subject, for replacing one subject's block without touching the rest. */
export interface StatementSpan { subject: string; startLine: number; endLine: number }

export interface ParsedOntology { quads: Quad[]; prefixes: Record<string, string>; statements: StatementSpan[]; diagnostics: Diagnostic[] }

export function parseTurtle(file: string, text: string): ParsedOntology {
  const diagnostics: Diagnostic[] = [];
  const prefixes: Record<string, string> = {};
  let quads: Quad[] = [];
  try {
    quads = new Parser({ format: 'text/turtle' }).parse(text, null, (prefix, iri) => { prefixes[prefix] = typeof iri === 'string' ? iri : iri.value; });
  } catch (error) {
    const line = (error as { context?: { line?: number } }).context?.line ?? 1;
    const message = error instanceof Error ? error.message.replace(/ on line \d+\.?$/, '') : String(error);
    diagnostics.push(diagnostic(file, lineSpan(line), 'error', 'turtle-syntax', `${message}.`));
  }
  return { quads, prefixes, statements: diagnostics.length ? [] : statementSpans(text, prefixes), diagnostics };
}

/** Top-level statements and their subjects, from the token stream (brackets and lists nest). */
function statementSpans(text: string, prefixes: Record<string, string>): StatementSpan[] {
  const spans: StatementSpan[] = [];
  let tokens;
  try {
    tokens = new Lexer().tokenize(text);
  } catch {
    return spans;
  }
  let depth = 0;
  let current: StatementSpan | null = null;
  let directive = false;
  for (const token of tokens) {
    if (token.type === 'eof') break;
    if (!current && !directive && depth === 0) {
      if (token.type === '@prefix' || token.type === '@base' || token.type === 'PREFIX' || token.type === 'BASE') { directive = true; continue; }
      const subject = token.type === 'IRI' ? token.value ?? '' : token.type === 'prefixed' ? `${prefixes[token.prefix ?? ''] ?? ''}${token.value ?? ''}` : '';
      current = { subject, startLine: token.line, endLine: token.line };
    }
    if (token.type === '[' || token.type === '(') depth++;
    else if (token.type === ']' || token.type === ')') depth--;
    else if (token.type === '.' && depth === 0) {
      if (current) { current.endLine = token.line; if (current.subject) spans.push(current); }
      current = null;
      directive = false;
    }
  }
  return spans;
}

export const compactIri = (iri: string, prefixes: Record<string, string>): string => {
  for (const [prefix, base] of Object.entries(prefixes)) {
    if (base && iri.startsWith(base) && /^[A-Za-z_][\w-]*$/.test(iri.slice(base.length))) return `${prefix}:${iri.slice(base.length)}`;
  }
  return iri;
};

/** pay:Amount → the full IRI; 'unknown-prefix' when the prefix is not declared. */
export function expandName(name: string, prefixes: Record<string, string>): string | 'unknown-prefix' {
  if (/^https?:\/\//.test(name) || name.startsWith('urn:')) return name;
  const colon = name.indexOf(':');
  if (colon < 0) return 'unknown-prefix';
  const base = prefixes[name.slice(0, colon)];
  return base === undefined ? 'unknown-prefix' : `${base}${name.slice(colon + 1)}`;
}

export function buildOntology(files: Array<{ file: string; parsed: ParsedOntology }>, configPrefixes: Record<string, string> = {}): OntologyModel {
  return runToEnd(buildOntologyInSteps(files, configPrefixes));
}

/** The same, yielding every 1,000 subjects, so main answers other calls while a large ontology is built. */
export function* buildOntologyInSteps(files: Array<{ file: string; parsed: ParsedOntology }>, configPrefixes: Record<string, string> = {}): Steps<OntologyModel> {
  const prefixes: Record<string, string> = { ...ns };
  for (const { parsed } of files) Object.assign(prefixes, parsed.prefixes);
  Object.assign(prefixes, configPrefixes);
  const quads = files.flatMap(({ parsed }) => parsed.quads);
  const lineOf = new Map<string, { file: string; line: number }>();
  for (const { file, parsed } of files) for (const s of parsed.statements) if (!lineOf.has(s.subject)) lineOf.set(s.subject, { file, line: s.startLine });

  const bySubject = new Map<string, Quad[]>();
  for (const quad of quads) {
    const key = quad.subject.value;
    const list = bySubject.get(key);
    if (list) list.push(quad); else bySubject.set(key, [quad]);
  }
  const objects = (subject: string, predicate: string): Term[] => (bySubject.get(subject) ?? []).filter((q) => q.predicate.value === predicate).map((q) => q.object);
  const iris = (subject: string, predicate: string) => objects(subject, predicate).filter((o) => o.termType === 'NamedNode').map((o) => o.value);
  const types = (subject: string) => new Set(iris(subject, RDF_TYPE));
  const literals = (subject: string, predicate: string): Label[] => objects(subject, predicate).filter((o) => o.termType === 'Literal').map((o) => ({ value: o.value, lang: (o as { language?: string }).language ?? '' }));
  const preferred = (labels: Label[]) => (labels.find((l) => l.lang === 'en') ?? labels.find((l) => l.lang === '') ?? labels[0])?.value ?? null;
  const described = (iri: string): Described => {
    const labels = [...literals(iri, `${ns.rdfs}label`), ...literals(iri, `${ns.skos}prefLabel`)];
    const name = compactIri(iri, prefixes);
    const where = lineOf.get(iri) ?? { file: files[0]?.file ?? '', line: 1 };
    return { iri, name, label: preferred(labels) ?? name.replace(/^[^:]*:/, ''), labels, definition: preferred([...literals(iri, `${ns.skos}definition`), ...literals(iri, `${ns.rdfs}comment`)]), file: where.file, line: where.line };
  };

  const classes: OntologyClass[] = [];
  const properties: OntologyProperty[] = [];
  const concepts: OntologyConcept[] = [];
  const schemes: Described[] = [];
  yield;
  const pause = every(1_000);
  for (const subject of bySubject.keys()) {
    if (pause()) yield;
    if (bySubject.get(subject)![0]!.subject.termType !== 'NamedNode') continue;
    const t = types(subject);
    if (t.has(`${ns.owl}Class`) || t.has(`${ns.rdfs}Class`)) {
      const restrictions: Restriction[] = [];
      for (const node of objects(subject, `${ns.rdfs}subClassOf`)) {
        if (node.termType !== 'BlankNode') continue;
        const property = iris(node.value, `${ns.owl}onProperty`)[0];
        if (!property) continue;
        const count = (p: string) => { const v = objects(node.value, `${ns.owl}${p}`)[0]; return v ? Number(v.value) : null; };
        const exact = count('cardinality') ?? count('qualifiedCardinality');
        restrictions.push({ property, min: exact ?? count('minCardinality') ?? count('minQualifiedCardinality'), max: exact ?? count('maxCardinality') ?? count('maxQualifiedCardinality') });
      }
      classes.push({ ...described(subject), subClassOf: iris(subject, `${ns.rdfs}subClassOf`), equivalentClass: iris(subject, `${ns.owl}equivalentClass`), restrictions });
    } else if (t.has(`${ns.owl}ObjectProperty`) || t.has(`${ns.owl}DatatypeProperty`) || t.has(`${ns.owl}AnnotationProperty`) || t.has(`${ns.rdf}Property`)) {
      const characteristics: PropertyCharacteristic[] = [];
      if (t.has(`${ns.owl}FunctionalProperty`)) characteristics.push('functional');
      if (t.has(`${ns.owl}InverseFunctionalProperty`)) characteristics.push('inverse-functional');
      if (t.has(`${ns.owl}TransitiveProperty`)) characteristics.push('transitive');
      if (t.has(`${ns.owl}SymmetricProperty`)) characteristics.push('symmetric');
      properties.push({
        ...described(subject),
        kind: t.has(`${ns.owl}DatatypeProperty`) ? 'datatype' : t.has(`${ns.owl}AnnotationProperty`) ? 'annotation' : 'object',
        domain: iris(subject, `${ns.rdfs}domain`), range: iris(subject, `${ns.rdfs}range`), inverseOf: iris(subject, `${ns.owl}inverseOf`), characteristics,
      });
    } else if (t.has(`${ns.skos}Concept`)) {
      const notation = objects(subject, `${ns.skos}notation`)[0];
      concepts.push({
        ...described(subject), schemes: iris(subject, `${ns.skos}inScheme`), notation: notation?.value ?? null,
        broader: iris(subject, `${ns.skos}broader`), related: iris(subject, `${ns.skos}related`),
        exactMatch: iris(subject, `${ns.skos}exactMatch`), closeMatch: iris(subject, `${ns.skos}closeMatch`),
      });
    } else if (t.has(`${ns.skos}ConceptScheme`)) schemes.push(described(subject));
  }
  // Inverses are declared on one side; show them on both.
  for (const property of properties) {
    for (const inverse of property.inverseOf) {
      const other = properties.find((p) => p.iri === inverse);
      if (other && !other.inverseOf.includes(property.iri)) other.inverseOf.push(property.iri);
    }
  }
  return { prefixes, classes, properties, concepts, schemes, subjects: [...bySubject.keys()] };
}

const cardinality = (r: Restriction) => (r.min !== null && r.min === r.max ? `${r.min}` : `${r.min ?? 0}..${r.max ?? '*'}`);

/** The typed relations the graph view draws. */
export function ontologyEdges(model: OntologyModel): OntologyEdge[] {
  const edges: OntologyEdge[] = [];
  const known = new Set([...model.classes, ...model.concepts].map((n) => n.iri));
  for (const c of model.classes) {
    for (const parent of c.subClassOf) if (known.has(parent)) edges.push({ from: c.iri, to: parent, kind: 'hierarchical', label: 'is a', property: null, detail: null });
    for (const same of c.equivalentClass) edges.push({ from: c.iri, to: same, kind: 'equivalence', label: 'equivalent to', property: null, detail: null });
  }
  for (const p of model.properties) {
    if (p.kind !== 'object') continue;
    for (const from of p.domain) for (const to of p.range) {
      if (!known.has(from) || !known.has(to)) continue;
      const restriction = model.classes.find((c) => c.iri === from)?.restrictions.find((r) => r.property === p.iri);
      const notes = [
        ...p.characteristics,
        ...p.inverseOf.map((i) => `inverse of ${compactIri(i, model.prefixes)}`),
        ...(restriction ? [`cardinality ${cardinality(restriction)}`] : []),
      ];
      edges.push({ from, to, kind: 'associative', label: p.label, property: p.iri, detail: notes.length ? notes.join(', ') : null });
    }
  }
  for (const c of model.concepts) {
    for (const parent of c.broader) edges.push({ from: c.iri, to: parent, kind: 'hierarchical', label: 'broader', property: `${ns.skos}broader`, detail: null });
    for (const other of c.related) if (c.iri < other || !model.concepts.some((o) => o.iri === other && o.related.includes(c.iri))) edges.push({ from: c.iri, to: other, kind: 'associative', label: 'related', property: `${ns.skos}related`, detail: 'symmetric' });
    for (const match of c.exactMatch) edges.push({ from: c.iri, to: match, kind: 'equivalence', label: 'exact match', property: `${ns.skos}exactMatch`, detail: null });
    for (const match of c.closeMatch) edges.push({ from: c.iri, to: match, kind: 'equivalence', label: 'close match', property: `${ns.skos}closeMatch`, detail: null });
  }
  return edges;
}

/** Rules across the ontology: relations that point at nothing defined. */
export function checkOntology(model: OntologyModel): Diagnostic[] {
  const found: Diagnostic[] = [];
  const defined = new Set(model.subjects);
  const builtIn = (iri: string) => Object.values(ns).some((base) => iri.startsWith(base));
  const local = (iri: string) => Object.entries(model.prefixes).some(([prefix, base]) => !(prefix in ns) && iri.startsWith(base));
  const check = (node: { file: string; line: number; name: string }, iri: string, what: string) => {
    if (!defined.has(iri) && !builtIn(iri) && local(iri)) found.push(diagnostic(node.file, lineSpan(node.line), 'warning', 'undefined-reference', `${node.name} ${what} ${compactIri(iri, model.prefixes)}, which is not defined.`));
  };
  for (const c of model.classes) {
    for (const parent of c.subClassOf) check(c, parent, 'is a subclass of');
    for (const r of c.restrictions) check(c, r.property, 'restricts');
  }
  for (const p of model.properties) {
    for (const d of p.domain) check(p, d, 'has the domain');
    for (const r of p.range) check(p, r, 'has the range');
  }
  for (const c of model.concepts) for (const b of c.broader) check(c, b, 'is narrower than');
  return found;
}
