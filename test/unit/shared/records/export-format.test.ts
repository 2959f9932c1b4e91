import { describe, expect, it } from 'vitest';
import { asCsv, asJsonLines } from '../../../../shared/records/export-format';
import type { RecordView } from '../../../../shared/records/records';

const record: RecordView = {
  topic: 't', partition: 1, offset: 7, timestamp: Date.UTC(2026, 0, 2, 3, 4, 5), timestampType: 'log-append',
  key: { format: 'text', value: '=SUM(A1)', hex: null, size: 8, schema: null, error: null, note: null, masked: [] },
  value: { format: 'avro', value: { a: 'x,"y"' }, hex: null, size: 5, schema: { id: 3, type: 'AVRO', subject: 't-value', version: 2, messageType: null }, error: null, note: null, masked: [] },
  headers: [{ key: 'h', value: 'v', hex: false }], size: 14,
};

describe('export formats', () => {
  it('writes one JSON object per line', () => {
    const [line] = asJsonLines([record]).trim().split('\n');
    expect(JSON.parse(line!)).toMatchObject({ topic: 't', partition: 1, offset: 7, timestamp: '2026-01-02T03:04:05.000Z', timestampType: 'log-append', key: '=SUM(A1)', value: { a: 'x,"y"' }, headers: { h: 'v' }, valueSchema: { id: 3 } });
  });

  it('writes CSV with quoting, and cells that look like formulas as text', () => {
    const [header, row] = asCsv([record]).trim().split('\n');
    expect(header).toBe('topic,partition,offset,timestamp,timestampType,key,value,headers,valueSchemaId,valueSubject,valueVersion,size');
    expect(row).toBe(`t,1,7,2026-01-02T03:04:05.000Z,log-append,'=SUM(A1),"{""a"":""x,\\""y\\""""}","{""h"":""v""}",3,t-value,2,14`);
  });
});
