// The ontology as a graph (Cytoscape): classes and SKOS concepts as nodes; hierarchical relations
// (is a, broader) solid with an arrow, associative ones (object properties, related) dashed with
// their name, equivalences dotted. A click selects a node.
import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import type { OntologyView } from '../../../../shared/workspace/workspace-api';

export function OntologyGraph({ view, selected, onSelect }: { view: OntologyView; selected: string | null; onSelect: (iri: string) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef<cytoscape.Core | null>(null);
  const select = useRef(onSelect);
  useEffect(() => { select.current = onSelect; });
  // The graph is laid out again only when what it draws changes (not on every push of the view):
  // this string is everything the layout reads.
  const structure = JSON.stringify({
    classes: view.classes.map((c) => ({ iri: c.iri, label: c.label })),
    concepts: view.concepts.map((c) => ({ iri: c.iri, label: c.label })),
    edges: view.edges,
  });

  useEffect(() => {
    if (!container.current) return;
    const drawn = JSON.parse(structure) as Pick<OntologyView, 'edges'> & Record<'classes' | 'concepts', Array<{ iri: string; label: string }>>;
    const nodes = new Map<string, cytoscape.ElementDefinition>();
    for (const c of drawn.classes) nodes.set(c.iri, { data: { id: c.iri, label: c.label, kind: 'class' } });
    for (const c of drawn.concepts) nodes.set(c.iri, { data: { id: c.iri, label: c.label, kind: 'concept' } });
    for (const e of drawn.edges) for (const end of [e.from, e.to]) if (!nodes.has(end)) nodes.set(end, { data: { id: end, label: end.replace(/^.*[#/]/, ''), kind: 'external' } });
    const edges = drawn.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.from, target: e.to, label: e.label + (e.detail ? ` (${e.detail})` : ''), kind: e.kind } }));
    const cy = cytoscape({
      container: container.current,
      elements: [...nodes.values(), ...edges],
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'center', 'text-halign': 'center', width: 'label', height: 26, padding: '8px', shape: 'round-rectangle', 'background-color': '#dbeafe', 'border-width': 1, 'border-color': '#2563eb', color: '#111827' } },
        { selector: 'node[kind = "concept"]', style: { shape: 'ellipse', 'background-color': '#dcfce7', 'border-color': '#15803d' } },
        { selector: 'node[kind = "external"]', style: { 'background-color': '#f1f5f9', 'border-color': '#94a3b8', 'border-style': 'dashed', color: '#475569' } },
        { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f59e0b' } },
        { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#64748b', 'target-arrow-color': '#64748b', label: 'data(label)', 'font-size': 9, color: '#475569', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8 } },
        { selector: 'edge[kind = "associative"]', style: { 'line-style': 'dashed', 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed' } },
        { selector: 'edge[kind = "equivalence"]', style: { 'line-style': 'dotted', 'source-arrow-shape': 'triangle', 'source-arrow-color': '#0e7490', 'target-arrow-color': '#0e7490', 'line-color': '#0e7490' } },
      ],
      layout: { name: 'cose', animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 110, padding: 20 } as cytoscape.LayoutOptions,
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (event) => select.current(event.target.id() as string));
    graph.current = cy;
    return () => { cy.destroy(); graph.current = null; };
  }, [structure]);

  useEffect(() => {
    const cy = graph.current;
    if (!cy) return;
    cy.nodes().unselect();
    if (selected) cy.getElementById(selected).select();
  }, [selected, structure]);

  return <div className="ontology-graph" ref={container} data-testid="ontology-graph" role="img" aria-label={`Ontology graph: ${view.classes.length} classes, ${view.concepts.length} concepts, ${view.edges.length} relations`} />;
}
