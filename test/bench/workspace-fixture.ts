// A large workspace for the benchmarks: ADRs, a dictionary of the public standard's size split over
// many files, and Turtle files with many classes; 1,000 files in all by default.
import fs from 'node:fs';
import path from 'node:path';
import type { Dictionary } from '../../shared/governance/dictionary';

export function writeLargeWorkspace(root: string, dictionary: Dictionary, files = 1000): { adrs: number; dictionaryFiles: number; ontologyFiles: number } {
  fs.rmSync(root, { recursive: true, force: true });
  for (const folder of ['decisions', 'dictionary', 'ontology']) fs.mkdirSync(path.join(root, folder), { recursive: true });
  fs.writeFileSync(path.join(root, 'sluice-workspace.yaml'), 'name: Bench workspace\n');
  const dictionaryFiles = Math.max(3, Math.round(files * 0.09));
  const ontologyFiles = Math.max(1, Math.round(files * 0.01));
  const adrs = files - 1 - dictionaryFiles - ontologyFiles;
  for (let n = 1; n <= adrs; n++) {
    fs.writeFileSync(path.join(root, 'decisions', `${String(n).padStart(4, '0')}-decision-${n}.md`), [
      '---', `status: ${n % 7 === 0 ? 'proposed' : 'accepted'}`, `date: 2025-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
      'decision-makers: Data architecture guild', 'consulted: Payments team', 'informed: All engineering',
      'links:', `  subjects: [bench.subject-${n % 100}-value]`, `  groups: [bench-group-${n % 50}]`, '---', '',
      `# Decision ${n}: keep the platform consistent`, '', '## Context and Problem Statement', '', 'Teams need one way to do this.', '',
      '## Considered Options', '', '* One way', '* Many ways', '', '## Decision Outcome', '', 'Chosen option: "One way", because it is simpler.', '',
    ].join('\n'));
  }
  const chunks = <T>(items: T[], parts: number) => Array.from({ length: parts }, (_, i) => items.slice(Math.floor((i * items.length) / parts), Math.floor(((i + 1) * items.length) / parts)));
  const yamlList = (key: string, entries: Array<Record<string, unknown>>) => `${key}:\n${entries.map((e) => Object.entries(e).filter(([, v]) => v !== undefined).map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`).join('\n')).join('\n')}\n`;
  const wordParts = chunks(dictionary.words, Math.ceil(dictionaryFiles / 3));
  const termParts = chunks(dictionary.terms, dictionaryFiles - wordParts.length - 1);
  wordParts.forEach((part, i) => fs.writeFileSync(path.join(root, 'dictionary', `words-${i}.yaml`), yamlList('words', part as unknown as Array<Record<string, unknown>>)));
  fs.writeFileSync(path.join(root, 'dictionary', 'domains.yaml'), yamlList('domains', dictionary.domains as unknown as Array<Record<string, unknown>>));
  termParts.forEach((part, i) => fs.writeFileSync(path.join(root, 'dictionary', `terms-${i}.yaml`), yamlList('terms', part as unknown as Array<Record<string, unknown>>)));
  for (let f = 0; f < ontologyFiles; f++) {
    const lines = ['@prefix b: <https://bench.example/o#> .', '@prefix owl: <http://www.w3.org/2002/07/owl#> .', '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .', ''];
    for (let c = 0; c < 100; c++) lines.push(`b:C${f}_${c} a owl:Class ; rdfs:label "Class ${f}.${c}"@en${c > 0 ? ` ; rdfs:subClassOf b:C${f}_${c - 1}` : ''} .`);
    fs.writeFileSync(path.join(root, 'ontology', `part-${f}.ttl`), `${lines.join('\n')}\n`);
  }
  return { adrs, dictionaryFiles: wordParts.length + termParts.length + 1, ontologyFiles };
}
