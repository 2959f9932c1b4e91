import { describe, expect, it } from 'vitest';
import { compileFilter, filterInputOf, namesInFilter } from '../../../../shared/records/record-filter';
import type { RecordView } from '../../../../shared/records/records';

const part = (value: unknown, format: RecordView['value']['format'] = 'avro') => ({ format, value, hex: null, size: 10, schema: null, error: null, note: null, masked: [] });
const record: RecordView = {
  topic: 'payments', partition: 2, offset: 41, timestamp: 1_700_000_000_000, timestampType: 'create',
  key: part('cust-7', 'text'), value: part({ payAmt: 120_000, status: 'FAILED', lines: [{ sku: 'a' }] }),
  headers: [{ key: 'source', value: 'ledger', hex: false }], size: 50,
};

const matches = (expression: string) => {
  const compiled = compileFilter(expression);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.evaluate(filterInputOf(record));
};

describe('records filter (CEL)', () => {
  it('evaluates conditions over the decoded key, value, headers and position', () => {
    expect(matches('record.value.status == "FAILED" && record.value.payAmt > 100000')).toBe(true);
    expect(matches('record.value.payAmt > 200000')).toBe(false);
    expect(matches('record.key.startsWith("cust-") && record.partition == 2 && record.offset >= 41')).toBe(true);
    expect(matches('record.headers.source == "ledger"')).toBe(true);
    expect(matches('record.value.lines.exists(l, l.sku == "a")')).toBe(true);
    expect(matches('has(record.value.missing)')).toBe(false);
    expect(matches('record.timestampMs > 1600000000000')).toBe(true);
  });

  it('refuses what is not CEL, names no known variable, or is not a condition, before any record is read', () => {
    expect(compileFilter('record.value.payAmt >')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid CEL/) });
    expect(compileFilter('payAmt > 5')).toMatchObject({ ok: false, message: expect.stringMatching(/Unknown variable: payAmt/) });
    expect(compileFilter('"text"')).toMatchObject({ ok: false, message: expect.stringMatching(/must be a condition/) });
    expect(compileFilter('1 + 2')).toMatchObject({ ok: false });
  });

  it('throws on a record the expression cannot read (the scan counts it as not matched)', () => {
    const compiled = compileFilter('record.value.absent == 1');
    expect(compiled.ok).toBe(true);
    if (compiled.ok) expect(() => compiled.evaluate(filterInputOf(record))).toThrow(/No such key/);
  });

  it('has no way to run JavaScript', () => {
    expect(compileFilter('constructor.constructor("return process")()')).toMatchObject({ ok: false });
  });
});

describe('namesInFilter', () => {
  it('finds the names a filter mentions, as identifiers or as identifier-shaped text in its strings', () => {
    expect(namesInFilter('record.value.custNm == "Kim" && record.partition == 0').sort()).toEqual(['Kim', 'custNm', 'partition', 'record', 'value']);
    expect(namesInFilter("record.value['custTelNo'].startsWith('010')")).toEqual(expect.arrayContaining(['custTelNo', 'startsWith']));
    expect(namesInFilter('record.value["a\\"custNm"] == """x y"""')).toEqual(expect.arrayContaining(['a', 'custNm', 'x', 'y']));
    expect(namesInFilter('size > 10')).toEqual(['size']);
    expect(namesInFilter('"unterminated custNm')).toEqual(['unterminated', 'custNm']);
  });
});
