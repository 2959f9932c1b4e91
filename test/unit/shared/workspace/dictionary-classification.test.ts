// Term classifications (personal, secret…): read from the dictionary's YAML, checked against the
// values the workspace config allows, carried by the name checker to every name that resolves to
// the term, and set in the example workspace on the terms the demo's topics use.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexDictionary } from '../../../../shared/governance/dictionary';
import { checkName } from '../../../../shared/governance/name-checker';
import { readConfig } from '../../../../shared/workspace/config';
import { dictionaryOf, mergeDictionaryFiles, readDictionaryFile, validateDictionary } from '../../../../shared/workspace/dictionary-files';

const words = `words:
  - name: 고객
    abbreviation: CUST
    english: customer
  - name: 카드
    abbreviation: CARD
    english: card
  - name: 명
    abbreviation: NM
    english: name
    classifier: true
    domain: name
  - name: 번호
    abbreviation: NO
    english: number
    classifier: true
    domain: number
  - name: 클라이언트
    abbreviation: CLNT
    english: client
    standardWord: 고객
`;
const domains = 'domains:\n  - name: name\n    dataType: VARCHAR\n    length: 100\n  - name: number\n    dataType: VARCHAR\n    length: 20\n';
const terms = `terms:
  - name: 고객 명
    words: [고객, 명]
    classification: personal
  - name: 카드 번호
    words: [카드, 번호]
    classification: restricted
  - name: 고객 번호
    words: [고객, 번호]
`;
const model = () => mergeDictionaryFiles([
  readDictionaryFile('dictionary/words.yaml', words),
  readDictionaryFile('dictionary/domains.yaml', domains),
  readDictionaryFile('dictionary/terms.yaml', terms),
]);

describe('term classifications in the dictionary', () => {
  it('are read with the term, and a term without one has none', () => {
    const read = model();
    expect(read.diagnostics).toEqual([]);
    expect(read.terms.map((t) => [t.value.name, t.value.classification])).toEqual([['고객 명', 'personal'], ['카드 번호', 'restricted'], ['고객 번호', undefined]]);
    expect(read.terms[1]!.source.fields.classification).toMatchObject({ line: 7 });
  });

  it('a value the workspace does not declare is an error at the classification, naming the allowed ones', () => {
    const found = validateDictionary(model()).filter((d) => d.code === 'unknown-classification');
    expect(found).toEqual([expect.objectContaining({ file: 'dictionary/terms.yaml', line: 7, severity: 'error' })]);
    expect(found[0]!.message).toBe('"restricted" is not a classification this workspace declares (use one of personal, secret; governance.classifications in sluice-workspace.yaml).');
  });

  it('takes the allowed values from the caller (the workspace config)', () => {
    expect(validateDictionary(model(), undefined, ['personal', 'restricted']).filter((d) => d.code === 'unknown-classification')).toEqual([]);
    const none = validateDictionary(model(), undefined, []).filter((d) => d.code === 'unknown-classification');
    expect(none.map((d) => d.line)).toEqual([4, 7]);
    expect(none[0]!.message).toContain('the workspace allows none');
  });

  it('an empty or non-text classification is an invalid entry, and the rest of the file still reads', () => {
    const bad = readDictionaryFile('dictionary/terms.yaml', 'terms:\n  - name: a\n    words: [a]\n    classification: ""\n  - name: b\n    words: [b]\n    classification: [x]\n  - name: c\n    words: [c]\n');
    expect(bad.terms.map((t) => t.value.name)).toEqual(['c']);
    expect(bad.diagnostics.map((d) => [d.code, d.line])).toEqual([['invalid-entry', 4], ['invalid-entry', 7]]);
  });
});

describe('classifications in the workspace config', () => {
  it('default to personal and secret', () => {
    expect(readConfig(null).config.governance.classifications).toEqual(['personal', 'secret']);
    expect(readConfig('name: x\n').config.governance.classifications).toEqual(['personal', 'secret']);
  });

  it('are read from governance.classifications', () => {
    const { config, diagnostics } = readConfig('governance:\n  classifications: [personal, secret, payment-card]\n');
    expect(diagnostics).toEqual([]);
    expect(config.governance.classifications).toEqual(['personal', 'secret', 'payment-card']);
  });

  it('refuse a value that is not a lower-case word, or listed twice, with a diagnostic at the value', () => {
    const upper = readConfig('governance:\n  classifications:\n    - personal\n    - Secret Stuff\n');
    expect(upper.diagnostics).toEqual([expect.objectContaining({ code: 'invalid-config', line: 4, message: expect.stringContaining('a classification is a lower-case word') })]);
    expect(upper.config.governance.classifications).toEqual(['personal', 'secret']);
    const twice = readConfig('governance:\n  classifications: [personal, personal]\n');
    expect(twice.diagnostics[0]!.message).toContain('each classification is listed once');
  });
});

describe('the name checker carries the classification of the term a name resolves to', () => {
  const index = indexDictionary(dictionaryOf(model()));

  it.each([
    ['CUST_NM', 'standard', 'personal'],
    ['custNm', 'standard', 'personal'],
    ['customerName', 'nonstandard', 'personal'], // spelled out: still the customer's name, still masked
    ['CLNT_NM', 'nonstandard', 'personal'], // a non-standard synonym resolves to the standard term
    ['cardNo', 'standard', 'restricted'],
    ['CUST_NO', 'standard', null], // a term with no classification
    ['CARD_NM', 'nonstandard', null], // standard words but no term
    ['CUST_FOO_NM', 'unknown', null],
    ['cust-nm', 'nonstandard', null],
  ] as const)('%s → %s, %s', (name, verdict, classification) => {
    const check = checkName(name, index);
    expect(check.verdict).toBe(verdict);
    expect(check.classification).toBe(classification);
    if (check.term) expect(check.term.classification).toBe(classification);
  });
});

describe('the example workspace', () => {
  const root = path.join(__dirname, '../../../../assets/example-workspace');
  const files = fs.readdirSync(path.join(root, 'dictionary')).filter((f) => f.endsWith('.yaml'));
  const example = mergeDictionaryFiles(files.map((f) => readDictionaryFile(`dictionary/${f}`, fs.readFileSync(path.join(root, 'dictionary', f), 'utf8'))));
  const { config } = readConfig(fs.readFileSync(path.join(root, 'sluice-workspace.yaml'), 'utf8'));
  const index = indexDictionary(dictionaryOf(example));

  it('classifies card number, customer name and phone with values its config declares', () => {
    expect(config.governance.classifications).toEqual(['personal', 'secret']);
    expect(validateDictionary(example, undefined, config.governance.classifications).filter((d) => d.code === 'unknown-classification')).toEqual([]);
    expect(['cardNo', 'custNm', 'custTelNo'].map((n) => [n, checkName(n, index).verdict, checkName(n, index).classification])).toEqual([
      ['cardNo', 'standard', 'secret'], ['custNm', 'standard', 'personal'], ['custTelNo', 'standard', 'personal'],
    ]);
    expect(checkName('payAmt', index).classification).toBeNull();
  });
});
