// Form edits of the ontology, written back into the Turtle text the user owns: only the edited
// subject's statement block is rewritten (in the same place), so comments, order and layout of
// everything else stay as they were. The graph and the text are then parsed from the same file.
import type { Quad, Term } from 'n3';
import { compactIri, expandName, ns, parseTurtle } from './ontology';

export interface ObjectTerm { termType: 'NamedNode' | 'Literal' | 'BlankNode'; value: string; language?: string; datatype?: string }
export interface Statement { predicate: string; object: ObjectTerm }

const toObject = (term: Term): ObjectTerm => term.termType === 'Literal'
  ? { termType: 'Literal', value: term.value, language: (term as { language?: string }).language || undefined, datatype: (term as { datatype?: { value: string } }).datatype?.value }
  : { termType: term.termType as 'NamedNode' | 'BlankNode', value: term.value };

export class OntologyEditError extends Error {}

function renderTerm(term: ObjectTerm, prefixes: Record<string, string>, blank: (id: string) => string): string {
  if (term.termType === 'BlankNode') return blank(term.value);
  if (term.termType === 'NamedNode') {
    const name = compactIri(term.value, prefixes);
    return name === term.value ? `<${term.value}>` : name;
  }
  const quoted = JSON.stringify(term.value);
  if (term.language) return `${quoted}@${term.language}`;
  if (term.datatype && term.datatype !== `${ns.xsd}string` && term.datatype !== `${ns.rdf}langString`) {
    const datatype = compactIri(term.datatype, prefixes);
    return `${quoted}^^${datatype === term.datatype ? `<${term.datatype}>` : datatype}`;
  }
  return quoted;
}

function renderPredicates(statements: Statement[], prefixes: Record<string, string>, blank: (id: string) => string, separator: string): string {
  const byPredicate = new Map<string, ObjectTerm[]>();
  // rdf:type first, as people write it; then the order the statements came in.
  const ordered = [...statements.filter((s) => s.predicate === `${ns.rdf}type`), ...statements.filter((s) => s.predicate !== `${ns.rdf}type`)];
  for (const s of ordered) {
    const list = byPredicate.get(s.predicate);
    if (list) list.push(s.object); else byPredicate.set(s.predicate, [s.object]);
  }
  return [...byPredicate].map(([predicate, objects]) => {
    const verb = predicate === `${ns.rdf}type` ? 'a' : renderTerm({ termType: 'NamedNode', value: predicate }, prefixes, blank);
    return `${verb} ${objects.map((o) => renderTerm(o, prefixes, blank)).join(', ')}`;
  }).join(separator);
}

/** One subject's statements as a Turtle block; blank nodes it points at are written inline. */
export function renderSubject(subject: string, statements: Statement[], prefixes: Record<string, string>, blankStatements: Map<string, Statement[]>): string {
  const blank = (id: string): string => `[ ${renderPredicates(blankStatements.get(id) ?? [], prefixes, blank, ' ; ')} ]`;
  const head = renderTerm({ termType: 'NamedNode', value: subject }, prefixes, blank);
  return `${head} ${renderPredicates(statements, prefixes, blank, ' ;\n    ')} .`;
}

/**
 * Rewrites the statements about one subject. `change` gets its current statements and returns the
 * new ones ([] deletes the subject). A subject not yet in the file is appended at the end.
 */
export function editSubject(text: string, name: string, change: (statements: Statement[]) => Statement[]): string {
  const parsed = parseTurtle('', text);
  if (parsed.diagnostics.length > 0) throw new OntologyEditError(`The Turtle has errors; fix them in the text first (${parsed.diagnostics[0]!.message})`);
  const prefixes = { ...ns, ...parsed.prefixes };
  const subject = expandName(name, prefixes);
  if (subject === 'unknown-prefix') throw new OntologyEditError(`The prefix of ${name} is not declared in this file.`);
  const statementsOf = (quads: Quad[]) => quads.map((q) => ({ predicate: q.predicate.value, object: toObject(q.object) }));
  const current = statementsOf(parsed.quads.filter((q) => q.subject.termType === 'NamedNode' && q.subject.value === subject));
  const blankStatements = new Map<string, Statement[]>();
  for (const quad of parsed.quads) {
    if (quad.subject.termType !== 'BlankNode') continue;
    const list = blankStatements.get(quad.subject.value) ?? [];
    list.push({ predicate: quad.predicate.value, object: toObject(quad.object) });
    blankStatements.set(quad.subject.value, list);
  }
  const next = change(current);
  const block = next.length > 0 ? renderSubject(subject, next, prefixes, blankStatements) : null;
  const spans = parsed.statements.filter((s) => s.subject === subject);
  const others = parsed.statements.filter((s) => s.subject !== subject);
  for (const span of spans) {
    if (others.some((o) => o.startLine <= span.endLine && o.endLine >= span.startLine)) {
      throw new OntologyEditError(`${name} shares a line with another statement; edit it in the Turtle text.`);
    }
  }
  const lines = text.split('\n');
  if (spans.length === 0) {
    if (!block) return text;
    return `${text.replace(/\s*$/, '')}\n\n${block}\n`;
  }
  // Replace the first block in place and drop the others (a subject may be described in parts).
  for (const span of [...spans].reverse()) {
    const replacement = span === spans[0] && block ? block.split('\n') : [];
    lines.splice(span.startLine - 1, span.endLine - span.startLine + 1, ...replacement);
  }
  return lines.join('\n');
}

const literal = (value: string, language?: string): ObjectTerm => ({ termType: 'Literal', value, language });
const named = (iri: string): ObjectTerm => ({ termType: 'NamedNode', value: iri });

/** Turns prefixed names into IRIs with the file's own prefixes; an undeclared prefix is an error. */
function expanderFor(text: string): (name: string) => string {
  const prefixes = { ...ns, ...parseTurtle('', text).prefixes };
  return (name) => {
    const iri = expandName(name.trim(), prefixes);
    if (iri === 'unknown-prefix') throw new OntologyEditError(`The prefix of ${name} is not declared in this file.`);
    return iri;
  };
}

export interface ClassForm { name: string; label: string; labelLanguage: string; definition: string; parents: string[] }

/** Sets a class's label (in one language), definition and parents; keeps every other statement. */
export function saveClass(text: string, form: ClassForm): string {
  const expand = expanderFor(text);
  const parents = form.parents.filter((p) => p.trim()).map(expand);
  return editSubject(text, form.name, (statements) => {
    const kept = statements.filter((s) => {
      if (s.predicate === `${ns.rdfs}label`) return s.object.language !== (form.labelLanguage || undefined);
      if (s.predicate === `${ns.skos}definition`) return s.object.language !== (form.labelLanguage || undefined);
      if (s.predicate === `${ns.rdfs}subClassOf`) return s.object.termType === 'BlankNode';
      return true;
    });
    const isClass = kept.some((s) => s.predicate === `${ns.rdf}type`);
    return [
      ...(isClass ? [] : [{ predicate: `${ns.rdf}type`, object: named(`${ns.owl}Class`) }]),
      ...kept.filter((s) => s.predicate === `${ns.rdf}type`),
      ...(form.label.trim() ? [{ predicate: `${ns.rdfs}label`, object: literal(form.label.trim(), form.labelLanguage || undefined) }] : []),
      ...kept.filter((s) => s.predicate !== `${ns.rdf}type`),
      ...parents.map((p) => ({ predicate: `${ns.rdfs}subClassOf`, object: named(p) })),
      ...(form.definition.trim() ? [{ predicate: `${ns.skos}definition`, object: literal(form.definition.trim(), form.labelLanguage || undefined) }] : []),
    ];
  });
}

export interface RelationForm {
  name: string;
  label: string;
  domain: string;
  range: string;
  characteristics: Array<'functional' | 'transitive' | 'symmetric'>;
  inverseOf: string;
}

const characteristicClass = { functional: 'FunctionalProperty', transitive: 'TransitiveProperty', symmetric: 'SymmetricProperty' } as const;

/** Adds or replaces a typed relation (an OWL object property) between two classes. */
export function saveRelation(text: string, form: RelationForm): string {
  const expand = expanderFor(text);
  return editSubject(text, form.name, (statements) => {
    const replaced = new Set([`${ns.rdf}type`, `${ns.rdfs}label`, `${ns.rdfs}domain`, `${ns.rdfs}range`, `${ns.owl}inverseOf`]);
    const kept = statements.filter((s) => !replaced.has(s.predicate) || (s.predicate === `${ns.rdfs}label` && s.object.language && s.object.language !== 'en'));
    return [
      { predicate: `${ns.rdf}type`, object: named(`${ns.owl}ObjectProperty`) },
      ...form.characteristics.map((c) => ({ predicate: `${ns.rdf}type`, object: named(`${ns.owl}${characteristicClass[c]}`) })),
      ...(form.label.trim() ? [{ predicate: `${ns.rdfs}label`, object: literal(form.label.trim(), 'en') }] : []),
      ...kept,
      { predicate: `${ns.rdfs}domain`, object: named(expand(form.domain)) },
      { predicate: `${ns.rdfs}range`, object: named(expand(form.range)) },
      ...(form.inverseOf.trim() ? [{ predicate: `${ns.owl}inverseOf`, object: named(expand(form.inverseOf)) }] : []),
    ];
  });
}

export const deleteSubject = (text: string, name: string): string => editSubject(text, name, () => []);
