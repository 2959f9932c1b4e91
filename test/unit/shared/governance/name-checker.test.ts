// The name checker of DOMAIN.md §5 against a small payments dictionary, with a table of tricky names.
import { describe, expect, it } from 'vitest';
import { indexDictionary, type Dictionary } from '../../../../shared/governance/dictionary';
import { checkName, toPhysicalCase } from '../../../../shared/governance/name-checker';

const dictionary: Dictionary = {
  words: [
    { name: 'customer', abbreviation: 'CUST', english: 'customer' },
    { name: 'payment', abbreviation: 'PAY', english: 'payment' },
    { name: 'merchant', abbreviation: 'MRCH', english: 'merchant' },
    { name: 'approval', abbreviation: 'APRV', english: 'approval' },
    { name: 'name', abbreviation: 'NM', english: 'name', classifier: true, domain: 'name100' },
    { name: 'amount', abbreviation: 'AMT', english: 'amount', classifier: true, domain: 'amount15' },
    { name: 'date', abbreviation: 'DT', english: 'date', classifier: true, domain: 'date8' },
    { name: 'code', abbreviation: 'CD', english: 'code', classifier: true, domain: 'code10' },
    { name: 'number', abbreviation: 'NO', english: 'number', classifier: true, domain: 'number20' },
    { name: 'client', abbreviation: 'CLNT', english: 'client', standardWord: 'customer' },
    { name: 'cancellation', abbreviation: 'CNCL', english: 'cancellation' },
    { name: 'canal', abbreviation: 'CN', english: 'canal' },
    { name: 'close', abbreviation: 'CL', english: 'close' },
    { name: 'status', abbreviation: 'STAT', english: 'status' },
    { name: 'statistics', abbreviation: 'STAT', english: 'statistics' },
  ],
  domains: [
    { name: 'name100', dataType: 'VARCHAR', length: 100 },
    { name: 'amount15', dataType: 'DECIMAL', length: 15 },
    { name: 'date8', dataType: 'CHAR', length: 8 },
    { name: 'code10', dataType: 'VARCHAR', length: 10 },
    { name: 'number20', dataType: 'VARCHAR', length: 20 },
  ],
  terms: [
    { name: 'customer name', words: ['customer', 'name'] },
    { name: 'payment amount', words: ['payment', 'amount'] },
    { name: 'merchant number', words: ['merchant', 'number'] },
    { name: 'approval date', words: ['approval', 'date'] },
    { name: 'status code', words: ['status', 'code'], domain: 'code10' },
  ],
};
const index = indexDictionary(dictionary);

describe('name checker', () => {
  it.each([
    // name, verdict, suggestion, finding codes
    ['CUST_NM', 'standard', null, []],
    ['custNm', 'standard', null, []], // a camelCase field spelling the standard term
    ['cust_nm', 'standard', null, []],
    ['customer_name', 'nonstandard', 'CUST_NM', ['spelled-out-word', 'spelled-out-word']],
    ['customerName', 'nonstandard', 'CUST_NM', ['spelled-out-word', 'spelled-out-word']],
    ['CUSTNM', 'nonstandard', 'CUST_NM', []], // no separator: segmented into CUST + NM
    ['CLNT_NM', 'nonstandard', 'CUST_NM', ['nonstandard-synonym']],
    ['NM_CUST', 'nonstandard', null, ['classifier-not-last']],
    ['PAY_NM', 'nonstandard', null, ['not-a-term']], // standard words, not a registered term
    ['CUST_FOO_NM', 'unknown', null, ['unknown-word']],
    ['STAT_CD', 'standard', null, []],
    ['STAT_NO', 'nonstandard', null, ['homonym', 'not-a-term']],
    ['cust-nm', 'nonstandard', null, ['invalid-characters']],
    ['CUST__NM', 'nonstandard', null, ['invalid-characters']],
    ['1CUST_NM', 'nonstandard', null, ['invalid-characters']],
    ['_CUST_NM', 'nonstandard', null, ['invalid-characters']],
  ] as const)('%s → %s', (name, verdict, suggestion, codes) => {
    const result = checkName(name, index);
    expect(result.verdict).toBe(verdict);
    expect(result.suggestion).toBe(suggestion);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('flags a segmentation that reads differently from the left and from the right', () => {
    // CNCLNM reads the same both ways; CNCLOSE reads CNCLO + … from the left and … + LOSE from the right.
    const result = checkName('CNCLNM', index);
    expect(result.words.map((w) => w.text)).toEqual(['CNCL', 'NM']);
    const ambiguous = checkName('CNCLOSE_CD', indexDictionary({ ...dictionary, words: [...dictionary.words, { name: 'lose', abbreviation: 'LOSE' }, { name: 'cncl-o', abbreviation: 'CNCLO' }] }));
    expect(ambiguous.findings.map((f) => f.code)).toContain('ambiguous-segmentation');
  });

  it('checks the declared type and length against the term’s domain', () => {
    expect(checkName('CUST_NM', index, { dataType: 'VARCHAR', length: 100 }).verdict).toBe('standard');
    const wrong = checkName('CUST_NM', index, { dataType: 'VARCHAR', length: 50 });
    expect(wrong.verdict).toBe('nonstandard');
    expect(wrong.findings).toEqual([{ code: 'length-mismatch', severity: 'error', message: 'Declared length 50 differs from the domain name100 (100).' }]);
    expect(checkName('PAY_AMT', index, { dataType: 'VARCHAR' }).findings.map((f) => f.code)).toEqual(['type-mismatch']);
  });

  it('shows the words a name was read as, unknown pieces included', () => {
    expect(checkName('CUST_FOO_NM', index).words).toEqual([
      { text: 'CUST', word: 'customer', abbreviation: 'CUST' },
      { text: 'FOO', word: null, abbreviation: null },
      { text: 'NM', word: 'name', abbreviation: 'NM' },
    ]);
  });

  it('converts field spellings to the physical case', () => {
    expect(toPhysicalCase('customerName')).toBe('CUSTOMER_NAME');
    expect(toPhysicalCase('HTTPStatusCode')).toBe('HTTP_STATUS_CODE');
    expect(toPhysicalCase('cust_nm2')).toBe('CUST_NM2');
  });
});

describe('physical case', () => {
  // The definition: the two regular expressions the checker used before it was written as one pass.
  const byRegex = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toUpperCase();
  it('agrees with its definition on any identifier', async () => {
    const fc = await import('fast-check');
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,24}$/), (name) => toPhysicalCase(name) === byRegex(name)), { numRuns: 5000 });
    expect(['HTTPStatusCd', 'payId', 'PAY_ID', 'mrch2Nm', 'aB', 'ABc'].map(toPhysicalCase)).toEqual(['HTTP_STATUS_CD', 'PAY_ID', 'PAY_ID', 'MRCH2_NM', 'A_B', 'A_BC']);
  });
});

describe('unknown words', () => {
  it('names a mostly unknown token as the candidate new word, not its fragments', () => {
    const index = indexDictionary({ words: [{ name: 'credit', abbreviation: 'CR' }, { name: 'datetime', abbreviation: 'DTM', classifier: true, domain: 'ts' }], domains: [{ name: 'ts', dataType: 'TIMESTAMP' }], terms: [] });
    expect(checkName('created_at', index).findings.map((f) => f.message)).toEqual(['CREATED is not a standard word (a candidate new word).', 'AT is not a standard word (a candidate new word).']);
    expect(checkName('CR_DTM', index).words.map((w) => w.word)).toEqual(['credit', 'datetime']);
  });
});
