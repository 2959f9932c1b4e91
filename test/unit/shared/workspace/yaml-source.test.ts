// The fast YAML read (js-yaml values, positions from a scan of the block layout) must agree with
// the exact parser wherever it answers, and hand over to it for anything else.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEntries, readYaml } from '../../../../shared/workspace/yaml-source';

const dictionary = path.resolve(__dirname, '../../../../assets/example-workspace/dictionary');

describe('YAML source', () => {
  it('finds the same entries, lines and field lines as the exact parser in every example dictionary file', () => {
    for (const name of fs.readdirSync(dictionary)) {
      const text = fs.readFileSync(path.join(dictionary, name), 'utf8');
      const fast = readYaml(name, text);
      for (const key of ['words', 'domains', 'terms']) {
        const scanned = listEntries(fast, name, key, []);
        if (!scanned) continue;
        const exact = listEntries({ ...fast, value: { [key]: 'force the exact parser' } }, name, key, []);
        expect(scanned.map((e) => [e.value, e.span.line, Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, v.line]))]))
          .toEqual(exact!.map((e) => [e.value, e.span.line, Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, v.line]))]));
      }
    }
  });

  it('hands flow style and multi-line values to the exact parser, with the right positions', () => {
    const flow = readYaml('f.yaml', 'terms: [{ name: a, words: [x] }, { name: b, words: [y] }]\n');
    expect(listEntries(flow, 'f.yaml', 'terms', [])!.map((e) => [e.value.name, e.span.line, e.span.column])).toEqual([['a', 1, 9], ['b', 1, 34]]);
    const folded = readYaml('m.yaml', 'words:\n  - name: a\n    description: >\n      long text\n      over lines\n  - { name: b, abbreviation: B }\n');
    expect(listEntries(folded, 'm.yaml', 'words', [])!.map((e) => [e.value.name, e.span.line])).toEqual([['a', 2], ['b', 6]]);
  });

  it('keeps dates and YAML 1.1 booleans as text, and reports syntax errors at their line', () => {
    expect(readYaml('d.yaml', 'date: 2025-06-11\nabbreviation: NO\n').value).toEqual({ date: '2025-06-11', abbreviation: 'NO' });
    const broken = readYaml('b.yaml', 'words:\n  - name: a\n    abbreviation: [A\n');
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error' });
    expect(broken.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
    expect(readYaml('k.yaml', 'a: 1\na: 2\n').ok).toBe(false);
  });
});
