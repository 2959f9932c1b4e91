// Dictionary YAML files: entries read one by one with positions, and the dictionary's own rules.
import { describe, expect, it } from 'vitest';
import { mergeDictionaryFiles, readDictionaryFile, validateDictionary } from '../../../../shared/workspace/dictionary-files';

const words = `words:
  - name: 결제
    abbreviation: PAY
    english: payment
  - name: 금액
    abbreviation: AMT
    classifier: true
    domain: amount
  - name: 지불
    abbreviation: PAY
  - name: 결제
    abbreviation: PYMT
  - name: 상태
    abbreviation: STAT
  - name: 코드
    abbreviation: CD
    classifier: true
  - name: bad
    abbreviation: pay-x
`;
const domains = 'domains:\n  - name: amount\n    dataType: BIGINT\n';
const terms = `terms:
  - name: 결제 금액
    words: [결제, 금액]
    concept: pay:paymentAmount
  - name: 결제 상태
    words: [결제, 상태]
  - name: 결제 총액
    words: [결제, 총액]
  - name: 결제 금액
    words: [결제, 금액]
    domain: money
`;

describe('dictionary files', () => {
  const model = mergeDictionaryFiles([
    readDictionaryFile('dictionary/words.yaml', words),
    readDictionaryFile('dictionary/domains.yaml', domains),
    readDictionaryFile('dictionary/terms.yaml', terms),
  ]);

  it('reads entries with their positions and reports a bad entry without losing the others', () => {
    expect(model.words.map((w) => w.value.abbreviation)).toEqual(['PAY', 'AMT', 'PAY', 'PYMT', 'STAT', 'CD']);
    expect(model.words[1]!.source).toMatchObject({ file: 'dictionary/words.yaml', index: 1, span: { line: 5 } });
    expect(model.diagnostics).toEqual([expect.objectContaining({ file: 'dictionary/words.yaml', line: 19, code: 'invalid-entry', message: expect.stringMatching(/abbreviation: an abbreviation is upper-case/) })]);
  });

  it('finds duplicate abbreviations, homonyms, non-classifier terms, unknown words and domains', () => {
    const found = validateDictionary(model, (concept) => concept === 'pay:paymentAmount').map((d) => `${d.code}@${d.file.split('/')[1]}:${d.line}`);
    expect(found).toEqual([
      'duplicate-abbreviation@words.yaml:10',
      'homonym@words.yaml:11',
      'classifier-without-domain@words.yaml:17',
      'term-not-classifier@terms.yaml:6',
      'unknown-word@terms.yaml:8',
      'duplicate-term@terms.yaml:9',
      'unknown-domain@terms.yaml:11',
      'duplicate-physical-name@terms.yaml:10',
    ]);
  });

  it('checks term concepts against the ontology', () => {
    const found = validateDictionary(model, () => false).filter((d) => d.code === 'unknown-concept');
    expect(found[0]!.message).toBe('pay:paymentAmount is not defined in the ontology.');
  });

  it('reports YAML syntax errors at their line and keeps the file out', () => {
    const broken = readDictionaryFile('dictionary/x.yaml', 'words:\n  - name: a\n    abbreviation: [A\n');
    expect(broken.words).toEqual([]);
    expect(broken.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error' });
    expect(broken.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });
});
