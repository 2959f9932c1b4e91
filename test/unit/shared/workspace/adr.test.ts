// MADR decisions: front matter, sections, supersede links both ways, the template and numbering.
import { describe, expect, it } from 'vitest';
import { adrFileName, adrTemplate, checkAdrs, markSuperseded, nextAdrNumber, parseAdr } from '../../../../shared/workspace/adr';

const record = (front: string, body = '# Use Avro\n\n## Context and Problem Statement\n\nx\n\n## Considered Options\n\n* a\n\n## Decision Outcome\n\na\n') => `---\n${front}\n---\n\n${body}`;

describe('ADR parser', () => {
  it('reads MADR front matter, title, sections, links and expectations', () => {
    const { adr, diagnostics } = parseAdr('decisions/0005-avro.md', record([
      'status: accepted', 'date: 2025-06-11', 'decision-makers: Guild, Payments', 'consulted: [Risk]', 'informed: All',
      'supersedes: ADR-0004', 'links:', '  subjects: [payments-value]', '  terms: [결제 금액]', 'expects:', '  compatibility:', '    payments-value: FULL_TRANSITIVE',
    ].join('\n')));
    expect(diagnostics).toEqual([]);
    expect(adr).toMatchObject({
      number: 5, title: 'Use Avro', statusKind: 'accepted', date: '2025-06-11', decisionMakers: ['Guild', 'Payments'], consulted: ['Risk'],
      supersedes: [4], supersededBy: null, links: { subjects: ['payments-value'], terms: ['결제 금액'], topics: [] },
      expects: { compatibility: { 'payments-value': 'FULL_TRANSITIVE' }, groupType: {} },
    });
  });

  it('says what is wrong, at the line, and still reads the rest', () => {
    const { adr, diagnostics } = parseAdr('decisions/0002-x.md', record('status: decided\ndate: 11 June', '# Title\n'));
    expect(adr?.title).toBe('Title');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['adr-section', 6], ['adr-section', 6], ['adr-section', 6], ['adr-status', 2], ['adr-date', 3],
    ]);
  });

  it('reports broken YAML in the front matter at its own line', () => {
    const { diagnostics } = parseAdr('decisions/0003-x.md', record('status: accepted\ndate: [2025'));
    expect(diagnostics.find((d) => d.code === 'yaml-syntax')?.line).toBeGreaterThanOrEqual(3);
  });

  it('needs the number in the file name and a front matter', () => {
    const { adr, diagnostics } = parseAdr('decisions/notes.md', '# Notes\n');
    expect(adr).toBeNull();
    expect(diagnostics.map((d) => d.code)).toContain('adr-file-name');
    expect(diagnostics.map((d) => d.code)).toContain('adr-front-matter');
  });

  it('checks supersede links both ways and duplicate numbers', () => {
    const old = parseAdr('decisions/0004-json.md', record('status: superseded by ADR-0005\ndate: 2025-01-01')).adr!;
    const successorWithoutBackLink = parseAdr('decisions/0005-avro.md', record('status: accepted\ndate: 2025-01-02')).adr!;
    const twin = parseAdr('decisions/0005-other.md', record('status: accepted\ndate: 2025-01-02')).adr!;
    const messages = checkAdrs([old, successorWithoutBackLink, twin]).map((d) => `${d.file} ${d.code}`);
    expect(messages).toEqual(['decisions/0005-other.md adr-number', 'decisions/0005-avro.md adr-supersede']);
    const dangling = parseAdr('decisions/0006-x.md', record('status: accepted\ndate: 2025-01-02\nsupersedes: ADR-0009')).adr!;
    expect(checkAdrs([dangling])[0]!.message).toMatch(/supersedes ADR-0009, which does not exist/);
  });

  it('creates a record from the MADR template with the next number, and supersedes an old one', () => {
    expect(nextAdrNumber([{ number: 3 }, { number: 8 }])).toBe(9);
    const file = `decisions/${adrFileName(9, 'Use Protobuf for risk events!')}`;
    expect(file).toBe('decisions/0009-use-protobuf-for-risk-events.md');
    const text = adrTemplate({ title: 'Use Protobuf for risk events!', date: '2026-12-02', supersedes: { number: 5, file: 'decisions/0005-avro.md' } });
    const { adr, diagnostics } = parseAdr(file, text);
    expect(diagnostics).toEqual([]);
    expect(adr).toMatchObject({ number: 9, statusKind: 'proposed', supersedes: [5], sections: expect.arrayContaining(['Decision Outcome', 'More Information']) });
    const old = markSuperseded(record('status: accepted # chosen in review\ndate: 2025-01-02'), { number: 9, file });
    const reparsed = parseAdr('decisions/0005-avro.md', old).adr!;
    expect(reparsed).toMatchObject({ statusKind: 'superseded', supersededBy: 9, date: '2025-01-02' });
    expect(old).toContain('Superseded by [ADR-0009](0009-use-protobuf-for-risk-events.md).');
    expect(checkAdrs([reparsed, adr!])).toEqual([]);
    expect(markSuperseded(old, { number: 9, file })).toBe(old);
  });
});
