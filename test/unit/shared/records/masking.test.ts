import { describe, expect, it } from 'vitest';
import { cachedClassifier, maskedText, maskRecord } from '../../../../shared/records/masking';
import type { RecordView } from '../../../../shared/records/records';

const part = (value: unknown) => ({ format: 'avro' as const, value, hex: null, size: 10, schema: null, error: null, note: null, masked: [] });
const record: RecordView = {
  topic: 't', partition: 0, offset: 1, timestamp: 0, timestampType: 'create',
  key: part({ custNm: 'Kim Minji' }),
  value: part({ payId: 'p-1', custNm: 'Kim Minji', card: { cardNo: '4111111111111111', brand: 'VISA' }, contacts: [{ telNo: '010-1234' }, { telNo: null }] }),
  headers: [{ key: 'telNo', value: '010-9999', hex: false }, { key: 'source', value: 'it', hex: false }], size: 10,
};
const classes: Record<string, string> = { custNm: 'personal', cardNo: 'secret', telNo: 'personal' };
const classify = (name: string) => classes[name] ?? null;

describe('masking by classification', () => {
  it('replaces classified fields at any depth in key, value and headers, and lists their paths', () => {
    const masked = maskRecord(record, classify);
    expect(masked.value.value).toEqual({
      payId: 'p-1', custNm: maskedText('personal'), card: { cardNo: maskedText('secret'), brand: 'VISA' }, contacts: [{ telNo: maskedText('personal') }, { telNo: null }],
    });
    expect(masked.value.masked).toEqual([
      { path: 'custNm', classification: 'personal' }, { path: 'card.cardNo', classification: 'secret' }, { path: 'contacts[0].telNo', classification: 'personal' },
    ]);
    expect(masked.key.value).toEqual({ custNm: maskedText('personal') });
    expect(masked.headers).toEqual([{ key: 'telNo', value: maskedText('personal'), hex: false }, { key: 'source', value: 'it', hex: false }]);
    // The record kept in main is untouched: reveal shows it.
    expect((record.value.value as { custNm: string }).custNm).toBe('Kim Minji');
  });

  it('leaves a record with nothing classified as the same object', () => {
    expect(maskRecord(record, () => null)).toBe(record);
  });

  it('asks the classifier once per name', () => {
    let calls = 0;
    const cached = cachedClassifier((name) => { calls++; return classify(name); });
    maskRecord(record, cached);
    maskRecord(record, cached);
    expect(calls).toBe(new Set(['custNm', 'payId', 'card', 'cardNo', 'brand', 'contacts', 'telNo', 'source']).size);
  });
});
