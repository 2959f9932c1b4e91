// Schema lint: field names with positions from Avro, JSON Schema, Protobuf and SQL DDL, findings
// on the names, fixes in the schema's own convention, concept mapping, and version diffs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexDictionary, type Dictionary } from '../../../../shared/governance/dictionary';
import { avroReaders, readSchemaFields } from '../../../../shared/governance/schema-fields';
import { applyEdits, inConvention, lintSchema } from '../../../../shared/governance/schema-lint';
import { diffFields, diffSchemaText, prettySchema } from '../../../../shared/governance/schema-diff';

const dictionary: Dictionary = {
  words: [
    { name: 'payment', abbreviation: 'PAY', english: 'payment' },
    { name: 'merchant', abbreviation: 'MRCH', english: 'merchant' },
    { name: 'status', abbreviation: 'STAT', english: 'status' },
    { name: 'amount', abbreviation: 'AMT', english: 'amount', classifier: true, domain: 'amount' },
    { name: 'identifier', abbreviation: 'ID', english: 'identifier', classifier: true, domain: 'id' },
    { name: 'code', abbreviation: 'CD', english: 'code', classifier: true, domain: 'code' },
    { name: 'datetime', abbreviation: 'DTM', english: 'datetime', classifier: true, domain: 'ts' },
  ],
  domains: [
    { name: 'amount', dataType: 'BIGINT' }, { name: 'id', dataType: 'VARCHAR', length: 36 },
    { name: 'code', dataType: 'VARCHAR', length: 10 }, { name: 'ts', dataType: 'TIMESTAMP' },
  ],
  terms: [
    { name: 'payment identifier', words: ['payment', 'identifier'], concept: 'pay:paymentId' },
    { name: 'payment amount', words: ['payment', 'amount'], concept: 'pay:paymentAmount' },
    { name: 'merchant identifier', words: ['merchant', 'identifier'] },
    { name: 'payment status code', words: ['payment', 'status', 'code'] },
    { name: 'payment datetime', words: ['payment', 'datetime'] },
  ],
};
const index = indexDictionary(dictionary);
const concepts = new Map(dictionary.terms.filter((t) => t.concept).map((t) => [t.words.map((w) => dictionary.words.find((x) => x.name === w)!.abbreviation).join('_'), t.concept!]));

const avro = JSON.stringify({
  type: 'record', name: 'Payment', namespace: 'com.acme', fields: [
    { name: 'payId', type: 'string' },
    { name: 'paymentAmount', type: 'long' },
    { name: 'mrchId', type: ['null', 'string'], default: null },
    { name: 'payDtm', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'payStatCd', type: { type: 'enum', name: 'Status', symbols: ['OK', 'FAILED'] } },
    { name: 'approvals', type: { type: 'array', items: { type: 'record', name: 'Approval', fields: [{ name: 'payAmt', type: 'string' }] } } },
  ],
}, null, 2);

describe('schema fields', () => {
  it('reads Avro fields with their positions, declared types and nested records', () => {
    const { fields, diagnostics } = readSchemaFields('AVRO', avro);
    expect(diagnostics).toEqual([]);
    expect(fields.map((f) => `${f.path}:${f.declared.family}`)).toEqual([
      'Payment.payId:text', 'Payment.paymentAmount:integer', 'Payment.mrchId:text', 'Payment.payDtm:timestamp', 'Payment.payStatCd:text', 'Payment.approvals[].payAmt:text',
    ]);
    expect(avro.slice(fields[1]!.start, fields[1]!.end)).toBe('paymentAmount');
  });

  it('reads JSON Schema properties, with formats, maxLength and nested objects; skips $ref', () => {
    const schema = JSON.stringify({ type: 'object', properties: {
      pay_id: { type: 'string', maxLength: 36 }, pay_dtm: { type: 'string', format: 'date-time' },
      merchant: { type: 'object', properties: { mrch_id: { type: ['string', 'null'] } } }, extra: { $ref: '#/$defs/X' },
    } });
    const { fields } = readSchemaFields('JSON', schema);
    expect(fields.map((f) => [f.path, f.declared.family, f.declared.length])).toEqual([
      ['pay_id', 'text', 36], ['pay_dtm', 'timestamp', undefined], ['merchant.mrch_id', 'text', undefined],
    ]);
  });

  it('reads Protobuf message fields (nested, oneof, enums as codes) and skips message-typed fields', () => {
    const proto = `syntax = "proto3";
// a comment with message Fake { string x = 1; }
message Payment {
  string pay_id = 1;
  int64 pay_amt = 2 [json_name = "amount"];
  Status pay_stat_cd = 3;
  Merchant merchant = 4;
  oneof method { string card_no = 5; }
  map<string, string> attributes = 6;
  enum Status { OK = 0; FAILED = 1; }
  message Merchant { string mrch_id = 1; }
}`;
    const { fields, diagnostics } = readSchemaFields('PROTOBUF', proto);
    expect(diagnostics).toEqual([]);
    expect(fields.map((f) => `${f.path}:${f.declared.family}`)).toEqual(['Payment.pay_id:text', 'Payment.pay_amt:integer', 'Payment.pay_stat_cd:text', 'Payment.card_no:text', 'Payment.Merchant.mrch_id:text']);
  });

  it('reports Protobuf syntax errors at the token and keeps reading', () => {
    const { fields, diagnostics } = readSchemaFields('PROTOBUF', 'message A {\n  string pay_id 1;\n  string mrch_id = 2;\n}');
    expect(diagnostics).toEqual([expect.objectContaining({ line: 2, code: 'protobuf-syntax', message: 'Expected "=" but found "1".' })]);
    expect(fields.map((f) => f.name)).toEqual(['mrch_id']);
  });

  it('reads SQL table columns with types and lengths, skipping constraints', () => {
    const ddl = 'CREATE TABLE IF NOT EXISTS ledger.payments (\n  PAY_ID VARCHAR(36) NOT NULL,\n  "PAY_AMT" BIGINT,\n  PAY_DTM TIMESTAMP DEFAULT now(),\n  PRIMARY KEY (PAY_ID)\n);';
    const { fields } = readSchemaFields('SQL', ddl);
    expect(fields.map((f) => [f.path, f.declared.dataType, f.declared.length, ddl.slice(f.start, f.end)])).toEqual([
      ['payments.PAY_ID', 'VARCHAR', 36, 'PAY_ID'], ['payments.PAY_AMT', 'BIGINT', undefined, 'PAY_AMT'], ['payments.PAY_DTM', 'TIMESTAMP', undefined, 'PAY_DTM'],
    ]);
  });

  it('reports JSON syntax errors with their position', () => {
    const { diagnostics } = readSchemaFields('AVRO', '{\n  "type": "record",\n  "fields": [\n}');
    expect(diagnostics[0]).toMatchObject({ line: 4, code: 'json-syntax' });
  });
});

describe('schema lint', () => {
  it('finds non-standard names and offers fixes in the schema’s own convention', () => {
    const lint = lintSchema('AVRO', avro, index, { conceptOf: (p) => concepts.get(p) ?? null });
    const byName = Object.fromEntries(lint.fields.map((f) => [f.path, f]));
    expect(byName['Payment.payId']).toMatchObject({ check: { verdict: 'standard' }, fix: null, concept: 'pay:paymentId' });
    expect(byName['Payment.paymentAmount']!.fix?.text).toBe('payAmt');
    expect(byName['Payment.approvals[].payAmt']!.check.findings.map((f) => f.code)).toEqual(['type-mismatch']);
    expect(lint.summary).toEqual({ fields: 6, standard: 4, errors: 3, warnings: 0 });
    const fixed = applyEdits(avro, lint.fields.flatMap((f) => (f.fix ? [f.fix] : [])));
    expect(lintSchema('AVRO', fixed, index).fields.map((f) => f.name)).toContain('payAmt');
    expect(lint.diagnostics.find((d) => d.code === 'spelled-out-word')).toMatchObject({ line: 11, column: 16, message: expect.stringMatching(/^paymentAmount: PAYMENT is written PAY .* Use payAmt\.$/) });
  });

  it('requires a concept for every field where the workspace says so', () => {
    const lint = lintSchema('AVRO', avro, index, { conceptOf: (p) => concepts.get(p) ?? null, requireConcepts: true });
    expect(lint.diagnostics.filter((d) => d.code === 'no-concept').map((d) => d.message.split(':')[0])).toEqual(['mrchId', 'payDtm', 'payStatCd']);
  });

  it('checks SQL columns by exact type and length', () => {
    const lint = lintSchema('SQL', 'CREATE TABLE p (PAY_ID VARCHAR(20), MRCH_ID CHAR(36), PAY_AMT BIGINT)', index);
    expect(lint.diagnostics.map((d) => `${d.message.split(':')[0]} ${d.code}`)).toEqual(['PAY_ID length-mismatch', 'MRCH_ID type-mismatch']);
  });

  it('writes a physical name in any convention', () => {
    expect(['payId', 'PayId', 'pay_id', 'PAY_ID', 'id'].map((like) => inConvention('MRCH_STAT_CD', like))).toEqual(['mrchStatCd', 'MrchStatCd', 'mrch_stat_cd', 'MRCH_STAT_CD', 'mrchStatCd']);
  });
});

describe('schema diff', () => {
  it('diffs pretty-printed text and fields by path', () => {
    const v1 = JSON.stringify({ type: 'record', name: 'P', fields: [{ name: 'payId', type: 'string' }, { name: 'payAmt', type: 'int' }] });
    const v2 = JSON.stringify({ type: 'record', name: 'P', fields: [{ name: 'payId', type: 'string' }, { name: 'payAmt', type: 'long' }, { name: 'mrchId', type: 'string' }] });
    expect(diffFields('AVRO', v1, v2)).toEqual([
      { path: 'P.payAmt', change: 'retyped', before: 'int', after: 'long' },
      { path: 'P.mrchId', change: 'added', before: null, after: 'string' },
    ]);
    const lines = diffSchemaText(prettySchema('AVRO', v1), prettySchema('AVRO', v2));
    expect(lines.filter((l) => l.kind !== 'same').map((l) => `${l.kind === 'added' ? '+' : '-'}${l.text.trim()}`)).toEqual([
      '-"type": "int"', '+"type": "long"', '+},', '+{', '+"name": "mrchId",', '+"type": "string"',
    ]);
    expect(diffFields('AVRO', v2, v1).map((c) => c.change)).toEqual(['retyped', 'removed']);
  });
});

describe('Avro fast path', () => {
  const tricky = [
    avro,
    ...['payment-events.v2.avsc', 'approval-events.v1.avsc', 'payment-envelope.v1.avsc'].map((f) => fs.readFileSync(path.resolve(__dirname, '../../../../sandbox/registry/demo-schemas', f), 'utf8')),
    JSON.stringify({ type: 'record', name: 'R', doc: 'a "name": "fake" inside a doc', fields: [
      { name: 'payId', type: 'string', doc: 'say "name": "x"' },
      { name: 'merchant', type: { type: 'record', name: 'Merchant', fields: [{ name: 'mrchId', type: 'string' }] }, default: { name: 'not a field', mrchId: 'm' } },
      { name: 'payStatCd', type: ['null', { type: 'enum', name: 'S', symbols: ['A'] }] },
      { name: 'payAmt', type: 'long' }, { name: 'payé', type: 'string' },
    ] }),
  ];
  it('finds the same fields at the same offsets as the exact reader', () => {
    for (const text of tricky) expect(avroReaders.fast(text)).toEqual(avroReaders.exact(text));
  });
  it('declines what it cannot vouch for, so the exact reader answers', () => {
    expect(avroReaders.fast('{ "type": "record", "name": "R", "fields": [ }')).toBeNull();
    expect(avroReaders.fast(JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'string', default: { 1: 'x', name: 'y' } }] }))).toBeNull();
    expect(avroReaders.fast(JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'string' }, { name: 'a', type: 'long' }] }))).toBeNull();
    expect(avroReaders.fast(JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'a' }] }))).toBeNull();
  });
});
