// Form edits of the ontology: a class (label, definition, parents) and a typed relation (an object
// property with domain, range, characteristics and inverse). Each is written into the Turtle file
// that defines the subject, rewriting only that subject's statements.
import { useState } from 'react';
import { saveClass, saveRelation, type RelationForm as RelationValues } from '../../../../shared/workspace/ontology-edit';
import { compactIri } from '../../../../shared/workspace/ontology';
import type { OntologyView } from '../../../../shared/workspace/workspace-api';
import { useFileEdit } from '../workspace/use-file-edit';

export function ClassForm({ view, iri, onDone }: { view: OntologyView; iri: string | null; onDone: (name: string | null) => void }) {
  const existing = iri ? view.classes.find((c) => c.iri === iri) : undefined;
  const name = (i: string) => compactIri(i, view.prefixes);
  const [values, setValues] = useState({
    name: existing?.name ?? `${Object.keys(view.prefixes).find((p) => !['rdf', 'rdfs', 'owl', 'skos', 'xsd'].includes(p)) ?? 'ex'}:`,
    label: existing?.labels.find((l) => l.lang === 'en')?.value ?? existing?.label ?? '',
    definition: existing?.definition ?? '',
    parents: existing?.subClassOf.map(name).join(' ') ?? '',
  });
  const { edit: write, busy, error } = useFileEdit();
  const file = existing?.file ?? view.files[0] ?? '';
  const valid = /^[A-Za-z_][\w-]*:[A-Za-z_][\w-]*$/.test(values.name) && values.label.trim().length > 0;
  return (
    <form className="card entry-form" aria-label={existing ? `Edit ${existing.name}` : 'New class'} onSubmit={(e) => {
      e.preventDefault();
      if (!valid || busy) return;
      void write(file, (text) => saveClass(text, { name: values.name, label: values.label, labelLanguage: 'en', definition: values.definition, parents: values.parents.split(/[\s,]+/).filter(Boolean) }), () => onDone(values.name));
    }}>
      <h2>{existing ? existing.name : 'New class'}</h2>
      <label>Name<input aria-label="Class name" className="mono" value={values.name} disabled={!!existing} onChange={(e) => setValues({ ...values, name: e.target.value })} /></label>
      <label>Label (English)<input aria-label="Label" value={values.label} onChange={(e) => setValues({ ...values, label: e.target.value })} /></label>
      <label>Definition<textarea aria-label="Definition" rows={3} value={values.definition} onChange={(e) => setValues({ ...values, definition: e.target.value })} /></label>
      <label>Is a (parents)<input aria-label="Parents" className="mono" list="ontology-classes" value={values.parents} onChange={(e) => setValues({ ...values, parents: e.target.value })} placeholder="pay:Party" /></label>
      <datalist id="ontology-classes">{view.classes.map((c) => <option key={c.iri} value={c.name} />)}</datalist>
      <p className="muted small">Written to {file}: only this class’s statements are rewritten; other labels, restrictions and comments elsewhere stay.</p>
      {error && <p className="error-text" role="alert">{error}</p>}
      <div className="actions"><span className="spacer" /><button type="button" onClick={() => onDone(null)}>Cancel</button><button type="submit" className="primary" disabled={!valid || busy} data-testid="save-class">{busy ? 'Saving…' : 'Save'}</button></div>
    </form>
  );
}

export function RelationForm({ view, from, onDone }: { view: OntologyView; from: string; onDone: (name: string | null) => void }) {
  const name = (i: string) => compactIri(i, view.prefixes);
  const prefix = name(from).split(':')[0] ?? 'ex';
  const [values, setValues] = useState<RelationValues>({ name: `${prefix}:`, label: '', domain: name(from), range: '', characteristics: [], inverseOf: '' });
  const { edit: write, busy, error } = useFileEdit();
  const file = view.classes.find((c) => c.iri === from)?.file ?? view.files[0] ?? '';
  const valid = /^[A-Za-z_][\w-]*:[A-Za-z_][\w-]*$/.test(values.name) && !!values.range && !!values.label.trim();
  const toggle = (c: RelationValues['characteristics'][number]) => setValues({ ...values, characteristics: values.characteristics.includes(c) ? values.characteristics.filter((x) => x !== c) : [...values.characteristics, c] });
  return (
    <form className="card entry-form" aria-label="New relation" onSubmit={(e) => {
      e.preventDefault();
      if (!valid || busy) return;
      void write(file, (text) => saveRelation(text, values), () => onDone(values.name));
    }}>
      <h2>New relation from {name(from)}</h2>
      <label>Property name<input aria-label="Property name" className="mono" value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} placeholder={`${prefix}:settledBy`} /></label>
      <label>Label<input aria-label="Relation label" value={values.label} onChange={(e) => setValues({ ...values, label: e.target.value })} placeholder="settled by" /></label>
      <label>To (range)
        <select aria-label="Range" value={values.range} onChange={(e) => setValues({ ...values, range: e.target.value })}>
          <option value="">choose a class</option>
          {view.classes.map((c) => <option key={c.iri} value={c.name}>{c.name} — {c.label}</option>)}
        </select>
      </label>
      <fieldset><legend>Characteristics</legend>
        {(['functional', 'transitive', 'symmetric'] as const).map((c) => <label key={c} className="check"><input type="checkbox" checked={values.characteristics.includes(c)} onChange={() => toggle(c)} /> {c}</label>)}
      </fieldset>
      <label>Inverse of<input aria-label="Inverse of" className="mono" list="ontology-properties" value={values.inverseOf} onChange={(e) => setValues({ ...values, inverseOf: e.target.value })} /></label>
      <datalist id="ontology-properties">{view.properties.filter((p) => p.kind === 'object').map((p) => <option key={p.iri} value={p.name} />)}</datalist>
      {error && <p className="error-text" role="alert">{error}</p>}
      <div className="actions"><span className="spacer" /><button type="button" onClick={() => onDone(null)}>Cancel</button><button type="submit" className="primary" disabled={!valid || busy} data-testid="save-relation">{busy ? 'Saving…' : 'Add relation'}</button></div>
    </form>
  );
}
