// The ontology: the graph of classes, concepts and typed relations, and beside it the selected
// node with its relations, a form to edit it, and a link to its Turtle source.
import { useState } from 'react';
import { compactIri } from '../../../../shared/workspace/ontology';
import { useOntology } from '../../api/workspace';
import { ErrorView, Loading } from '../../components/state-views';
import { hrefFor, navigate } from '../../router';
import { ProblemsPanel } from '../workspace/problems-panel';
import { OntologyGraph } from './ontology-graph';
import { ClassForm, RelationForm } from './ontology-forms';

export function OntologyPage({ node }: { node?: string }) {
  const view = useOntology();
  const [editing, setEditing] = useState<'class' | 'new-class' | 'relation' | null>(null);
  if (view.isPending && !view.isError) return <Loading what="the ontology" />;
  if (view.isError && !view.data) return <ErrorView error={view.error} />;
  const data = view.data!;
  const name = (iri: string) => compactIri(iri, data.prefixes);
  const selectedClass = data.classes.find((c) => c.iri === node);
  const selectedConcept = data.concepts.find((c) => c.iri === node);
  const selected = selectedClass ?? selectedConcept;
  const related = node ? data.edges.filter((e) => e.from === node || e.to === node) : [];
  const select = (iri: string) => { setEditing(null); navigate({ page: 'ontology', node: iri }); };
  return (
    <section className="page">
      <header className="page-header">
        <h1>Ontology</h1>
        <span className="muted">{data.classes.length} classes · {data.properties.length} properties · {data.concepts.length} concepts · {data.edges.length} relations drawn</span>
        <div className="toolbar">
          <span className="legend small"><span className="legend-line hierarchical" /> is a / broader <span className="legend-line associative" /> relation <span className="legend-line equivalence" /> equivalent</span>
          <span className="spacer" />
          {data.files.map((f) => <a key={f} className="button" href={hrefFor({ page: 'workspace', file: f })}>Edit {f.split('/').pop()}</a>)}
          <button type="button" className="primary" disabled={data.files.length === 0} onClick={() => setEditing('new-class')} data-testid="new-class">New class</button>
        </div>
      </header>
      {data.files.length === 0 ? <div className="state-view"><h3>No ontology files.</h3><p className="muted">Add a Turtle file (.ttl) to the workspace’s ontology folder.</p></div> : (
        <div className="ontology-layout">
          <OntologyGraph view={data} selected={node ?? null} onSelect={select} />
          <aside className="ontology-side">
            {editing === 'new-class' && <ClassForm view={data} iri={null} onDone={(n) => { setEditing(null); if (n) select(n); }} />}
            {!selected && editing !== 'new-class' && <p className="muted">Click a node to see its relations and edit it.</p>}
            {selected && editing === null && (
              <div className="card" data-testid="ontology-node">
                <h2>{selected.label} <span className="muted mono small">{selected.name}</span></h2>
                {selected.definition && <p>{selected.definition}</p>}
                <p className="small muted">{selected.labels.map((l) => `${l.value}${l.lang ? `@${l.lang}` : ''}`).join(' · ')}</p>
                {selectedConcept?.notation && <p className="small">Notation <span className="mono">{selectedConcept.notation}</span></p>}
                {selectedClass && selectedClass.restrictions.length > 0 && (
                  <p className="small">Restrictions: {selectedClass.restrictions.map((r) => `${name(r.property)} ${r.min ?? 0}..${r.max ?? '*'}`).join(', ')}</p>
                )}
                <h3>Relations</h3>
                <ul className="relations small" data-testid="node-relations">
                  {related.map((e, i) => (
                    <li key={i}><span className={`badge kind-${e.kind}`}>{e.kind}</span> {e.from === node ? <>{e.label} → <button type="button" className="link-button" onClick={() => select(e.to)}>{name(e.to)}</button></> : <><button type="button" className="link-button" onClick={() => select(e.from)}>{name(e.from)}</button> → {e.label}</>}{e.detail ? <span className="muted"> ({e.detail})</span> : null}</li>
                  ))}
                  {related.length === 0 && <li className="muted">none</li>}
                </ul>
                <div className="actions">
                  <a href={hrefFor({ page: 'workspace', file: selected.file, line: selected.line })}>Source: {selected.file}:{selected.line}</a>
                  <span className="spacer" />
                  {selectedClass && <button type="button" onClick={() => setEditing('class')} data-testid="edit-class">Edit</button>}
                  {selectedClass && <button type="button" onClick={() => setEditing('relation')} data-testid="add-relation">Add relation</button>}
                </div>
              </div>
            )}
            {selectedClass && editing === 'class' && <ClassForm view={data} iri={selectedClass.iri} onDone={() => setEditing(null)} />}
            {selectedClass && editing === 'relation' && <RelationForm view={data} from={selectedClass.iri} onDone={() => setEditing(null)} />}
          </aside>
        </div>
      )}
      <ProblemsPanel diagnostics={data.diagnostics} title="Ontology problems" />
    </section>
  );
}
