// YAML the user's repository holds is read with limits: aliases that expand without end (a
// "billion laughs" in 412 bytes), aliases that refer to themselves or chain deeper than the parser
// allows, and nesting too deep for a recursive parser each become a diagnostic at once, not a
// stalled or killed process. Every parse of workspace YAML goes through these limits.
import { describe, expect, it } from 'vitest';
import { markSuperseded, parseAdr } from '../../../../shared/workspace/adr';
import { readConfig } from '../../../../shared/workspace/config';
import { upsertEntry } from '../../../../shared/workspace/dictionary-edit';
import { readDictionaryFile } from '../../../../shared/workspace/dictionary-files';
import { MAX_EXACT_YAML_CHARS } from '../../../../shared/workspace/yaml-limits';
import { listEntries, readYaml } from '../../../../shared/workspace/yaml-source';

/** Nine levels of nine aliases each: 387 million strings once written out. */
function laughs(use: string): string {
  const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level < 9; level++) lines.push(`l${level}: &l${level} [${Array.from({ length: 9 }, () => `*l${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n${use}`;
}
/** Each alias one level deeper than the one before: shallow to the parser, `links` deep once resolved. */
function aliasChain(levels: number, use: string): string {
  const lines = ['c0: &c0 [end]'];
  for (let level = 1; level <= levels; level++) lines.push(`c${level}: &c${level} [*c${level - 1}]`);
  return `${lines.join('\n')}\n${use}`;
}
const adr = (front: string) => `---\nstatus: accepted\ndate: 2025-06-11\n${front}\n---\n\n# A decision\n\n## Context and Problem Statement\n\nx\n\n## Considered Options\n\n* a\n\n## Decision Outcome\n\na\n`;
const codes = (diagnostics: Array<{ code: string }>) => diagnostics.map((d) => d.code);

describe('YAML limits', () => {
  it('refuses an ADR whose front matter is a billion laughs, and still reads the record', () => {
    const front = laughs('decision-makers: *l8');
    expect(front.length).toBeLessThan(600);
    const { adr: record, diagnostics } = parseAdr('decisions/0001-laughs.md', adr(front));
    expect(codes(diagnostics)).toContain('yaml-aliases');
    expect(diagnostics.find((d) => d.code === 'yaml-aliases')).toMatchObject({ severity: 'error', line: expect.any(Number) });
    expect(record).toMatchObject({ number: 1, title: 'A decision', decisionMakers: [] });
  });

  it('refuses the same in a dictionary file and in the workspace config', () => {
    const dictionary = readDictionaryFile('dictionary/words.yaml', laughs('words:\n  - name: a\n    abbreviation: A\n    description: *l8\n'));
    expect(codes(dictionary.diagnostics)).toContain('yaml-aliases');
    expect(dictionary.words).toEqual([]);
    const config = readConfig(laughs('name: *l8\n'));
    expect(codes(config.diagnostics)).toContain('yaml-aliases');
    expect(config.config.folders.decisions).toBe('decisions');
  });

  it('keeps the aliases people write: a shared list used a few times', () => {
    const source = readYaml('a.yaml', 'common: &common [x, y]\nfirst: *common\nsecond: *common\n');
    expect(source.ok).toBe(true);
    expect(source.value).toEqual({ common: ['x', 'y'], first: ['x', 'y'], second: ['x', 'y'] });
  });

  it('refuses aliases that refer to themselves or chain deeper than the parser nests', () => {
    expect(codes(readYaml('self.yaml', 'loop: &loop [*loop]\n').diagnostics)).toEqual(['yaml-aliases']);
    // Resolved, the chain is 5,000 lists deep: turning it into text overflowed the stack and the
    // exception took the whole workspace open down with it.
    const { diagnostics } = parseAdr('decisions/0002-chain.md', adr(aliasChain(5_000, 'decision-makers: *c5000')));
    expect(codes(diagnostics)).toContain('yaml-too-deep');
  });

  it('refuses nesting too deep for the exact parser before it runs, in every reader', () => {
    // Two small files in a row like these killed the process (V8 out of memory in the parser).
    for (const deep of ['['.repeat(1_000), '[ '.repeat(1_000), '- '.repeat(1_000) + 'x', '{a: '.repeat(1_000), `${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} end`]) {
      const config = readConfig(deep);
      expect(codes(config.diagnostics)).toEqual(['yaml-too-deep']);
      expect(codes(readYaml('deep.yaml', `words: ${deep}`).diagnostics)).toEqual(['yaml-too-deep']);
      expect(codes(parseAdr('decisions/0003-deep.md', adr(`links: ${deep}`)).diagnostics)).toContain('yaml-too-deep');
      expect(() => upsertEntry(`words:\n  - name: a\n    abbreviation: A\n    x: ${deep}\n`, 'words', 0, { name: 'b', abbreviation: 'B' })).toThrow(/nested more than 100 levels/);
      const record = adr(`links: ${deep}`);
      expect(markSuperseded(record, { number: 9, file: 'decisions/0009-next.md' })).not.toContain('status: superseded');
    }
    // 2 MB of opening brackets: the exact parser took 6.5 s, then the process ran out of memory.
    // Now it is not given to that parser at all (too large), and 60,000 of them are too deep.
    expect(codes(readConfig('['.repeat(2_000_000)).diagnostics)).toEqual(['yaml-too-large']);
    expect(codes(readConfig('['.repeat(60_000)).diagnostics)).toEqual(['yaml-too-deep']);
  });

  it('gives a large file coarse positions instead of handing it to the exact parser', () => {
    const entries = Array.from({ length: 12_000 }, (_, i) => `  - { name: w${i}, abbreviation: W${i} }`).join('\n');
    const text = `words:\n${entries}\n`;
    expect(text.length).toBeGreaterThan(MAX_EXACT_YAML_CHARS);
    const source = readYaml('big.yaml', text);
    const found = listEntries(source, 'big.yaml', 'words', [])!;
    expect(found).toHaveLength(12_000);
    expect(found[11_999]).toMatchObject({ value: { name: 'w11999', abbreviation: 'W11999' }, index: 11_999 });
    expect(source.exactUsed()).toBe(false);
    const broken = readYaml('big.yaml', `${text}  - { name: [broken\n`);
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error' });
    expect(broken.diagnostics[0]!.line).toBeGreaterThanOrEqual(12_002);
    expect(broken.exactUsed()).toBe(false);
  });
});
