// Form edits of dictionary YAML keep comments, order and every other entry.
import { describe, expect, it } from 'vitest';
import { deleteEntry, upsertEntry } from '../../../../shared/workspace/dictionary-edit';
import { readDictionaryFile } from '../../../../shared/workspace/dictionary-files';

const text = `# Standard terms
terms:
  # money
  - name: 결제 금액
    words: [결제, 금액]
    concept: pay:paymentAmount
  - name: 결제 일시 # when it was paid
    words: [결제, 일시]
`;

describe('dictionary edits', () => {
  it('changes one entry in place and keeps comments and the other entries', () => {
    const edited = upsertEntry(text, 'terms', 1, { name: '결제 일시', words: ['결제', '일시'], domain: 'datetime', description: 'When the payment was made.' });
    expect(edited).toContain('# Standard terms');
    expect(edited).toContain('# money');
    expect(edited).toContain('# when it was paid');
    expect(edited).toContain('words: [결제, 일시]');
    const model = readDictionaryFile('terms.yaml', edited);
    expect(model.terms.map((t) => t.value)).toEqual([
      { name: '결제 금액', words: ['결제', '금액'], concept: 'pay:paymentAmount' },
      { name: '결제 일시', words: ['결제', '일시'], domain: 'datetime', description: 'When the payment was made.' },
    ]);
  });

  it('removes fields the form cleared, appends new entries and deletes one', () => {
    const cleared = upsertEntry(text, 'terms', 0, { name: '결제 금액', words: ['결제', '금액'], concept: '' });
    expect(readDictionaryFile('t.yaml', cleared).terms[0]!.value).toEqual({ name: '결제 금액', words: ['결제', '금액'] });
    const appended = upsertEntry(text, 'terms', null, { name: '취소 금액', words: ['취소', '금액'] });
    expect(readDictionaryFile('t.yaml', appended).terms.map((t) => t.value.name)).toEqual(['결제 금액', '결제 일시', '취소 금액']);
    expect(appended).toMatch(/- name: 취소 금액\n {4}words: \[취소, 금액\]\n$/);
    expect(appended.split('\n').slice(0, 8).join('\n')).toBe(text.split('\n').slice(0, 8).join('\n'));
    const deleted = deleteEntry(text, 'terms', 0);
    expect(readDictionaryFile('t.yaml', deleted).terms.map((t) => t.value.name)).toEqual(['결제 일시']);
  });

  it('starts a list in an empty file and refuses broken YAML', () => {
    expect(readDictionaryFile('w.yaml', upsertEntry('', 'words', null, { name: '정산', abbreviation: 'STLM' })).words).toHaveLength(1);
    expect(() => upsertEntry('words: [', 'words', null, { name: 'x', abbreviation: 'X' })).toThrow(/YAML errors/);
  });
});
