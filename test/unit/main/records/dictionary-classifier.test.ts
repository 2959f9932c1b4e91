// Masking's classifier against a small dictionary whose terms carry a classification (the name
// checker resolves the names to terms).
import { describe, expect, it } from 'vitest';
import { indexDictionary, type Dictionary } from '../../../../shared/governance/dictionary';
import { classifierOf, workspaceClassifier } from '../../../../main/records/dictionary-classifier';

const dictionary: Dictionary = {
  words: [
    { name: 'customer', abbreviation: 'CUST' }, { name: 'name', abbreviation: 'NM', classifier: true, domain: 'name' },
    { name: 'card', abbreviation: 'CARD' }, { name: 'number', abbreviation: 'NO', classifier: true, domain: 'number' },
    { name: 'payment', abbreviation: 'PAY' }, { name: 'amount', abbreviation: 'AMT', classifier: true, domain: 'amount' },
  ],
  domains: [{ name: 'name', dataType: 'VARCHAR', length: 100 }, { name: 'number', dataType: 'VARCHAR', length: 20 }, { name: 'amount', dataType: 'DECIMAL' }],
  terms: [
    { name: 'customer name', words: ['customer', 'name'], classification: 'personal' },
    { name: 'card number', words: ['card', 'number'], classification: 'secret' },
    { name: 'payment amount', words: ['payment', 'amount'] },
  ],
};

describe('dictionary classifier', () => {
  const classify = classifierOf(indexDictionary(dictionary));

  it('resolves field names through the name checker to a classified term', () => {
    expect(classify('custNm')).toBe('personal');
    expect(classify('CUST_NM')).toBe('personal');
    expect(classify('cust_nm')).toBe('personal');
    expect(classify('cardNo')).toBe('secret');
  });

  it('leaves unclassified terms, unknown names and bad names alone', () => {
    expect(classify('payAmt')).toBeNull();
    expect(classify('somethingElse')).toBeNull();
    expect(classify('bad name!')).toBeNull();
  });

  it('masks nothing without a workspace, and follows the dictionary that is open', () => {
    let index: ReturnType<typeof indexDictionary> | null = null;
    const live = workspaceClassifier(() => index);
    expect(live('custNm')).toBeNull();
    index = indexDictionary(dictionary);
    expect(live('custNm')).toBe('personal');
    index = indexDictionary({ ...dictionary, terms: dictionary.terms.slice(2) });
    expect(live('custNm')).toBeNull();
    expect(workspaceClassifier(() => { throw new Error('No workspace is open'); })('custNm')).toBeNull();
  });
});
