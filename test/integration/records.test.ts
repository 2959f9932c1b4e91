// The records browser against the real broker and the real registry (the sandbox's Apicurio,
// Confluent API), through the HTTP API the console uses: records encoded by an independent encoder
// (test/support/records-encoder.ts) decoded for all three schema types, undecodable records shown
// with their bytes without stopping the scan, seeks (beginning, offset, timestamp, a group's
// offsets, newest), the CEL filter, live tail, export, produce with read-back and audit, and the
// poison-pill path: the record a group is stuck on, then a reset past it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClients } from '../../sandbox/sandbox-clients';
import type { ProduceResult, RecordAt, RecordView, ResultsPage, ScanProgress, TopicPartitions } from '../../shared/records/records';
import type { ResetResult } from '../../shared/kafka/offset-reset';
import type { GroupDetail } from '../../shared/kafka/groups';
import { auditActions } from '../support/audit';
import { testBrokers, testRegistryUrl, uniqueSuffix } from '../support/brokers';
import { eventually, startHarness, type Harness } from '../support/bridge-harness';
import { deleteTestArtifacts } from '../support/kafka-cli';
import { produceEncoded as produceJava } from '../support/encoded-records';
import { createTopic, deleteSubjects, frame, produceEncoded, produceRaw } from '../support/records-encoder';

const id = uniqueSuffix();
const avroTopic = `it-rec-avro-${id}`;
const jsonTopic = `it-rec-json-${id}`;
const protoTopic = `it-rec-proto-${id}`;
const mixedTopic = `it-rec-mixed-${id}`;
const stuckGroup = `it-rec-stuck-${id}`;
const subjects = [`${avroTopic}-value`, `${jsonTopic}-value`, `${protoTopic}-value`];
let harness: Harness;
let avroId: number;
/** Record times a few hours back: older ones would fall to the topic's retention (7 days) while the test runs. */
const base = Math.floor(Date.now() / 60_000) * 60_000 - 3 * 3_600_000;

const avroSchema = JSON.stringify({
  type: 'record', name: 'Payment', namespace: `it${id}`,
  fields: [
    { name: 'payId', type: 'string' }, { name: 'payAmt', type: 'long' }, { name: 'custNm', type: 'string' },
    { name: 'memo', type: ['null', 'string'], default: null }, { name: 'tags', type: { type: 'array', items: 'string' } },
  ],
});
const payments = Array.from({ length: 30 }, (_, i) => ({ payId: `pay-${i}`, payAmt: i * 1_000, custNm: `Customer ${i}`, memo: i % 2 ? `memo ${i}` : null, tags: i % 3 ? ['card'] : [] }));

async function scanned(scanId: string): Promise<ScanProgress> {
  return eventually('the read to finish', async () => {
    const progress = await harness.value<ScanProgress>('records.scan', { scanId });
    return progress.state === 'running' ? null : progress;
  }, 60_000, 200);
}

async function readAll(input: Record<string, unknown>): Promise<{ progress: ScanProgress; records: RecordView[] }> {
  const started = await harness.value<ScanProgress>('records.read', { limit: 1_000, ...input });
  const progress = await scanned(started.scanId);
  const page = await harness.value<ResultsPage>('records.results', { scanId: started.scanId, from: progress.results.first, count: 500 });
  return { progress, records: page.records };
}

beforeAll(async () => {
  harness = await startHarness(testBrokers, { env: { SLUICE_REGISTRY_URL: testRegistryUrl }, exampleWorkspace: true });
  await Promise.all([createTopic(avroTopic, 3), createTopic(jsonTopic, 1), createTopic(protoTopic, 1), createTopic(mixedTopic, 1)]);
  ({ schemaId: avroId } = await produceEncoded({
    topic: avroTopic, subject: `${avroTopic}-value`, schemaType: 'AVRO', schema: avroSchema, values: payments,
    keys: payments.map((p) => p.payId), timestamps: payments.map((_, i) => base + i * 60_000), headers: { source: 'it' },
  }));
}, 120_000);

afterAll(async () => {
  await harness?.close();
  await deleteSubjects(subjects);
  await deleteTestArtifacts([stuckGroup], [avroTopic, jsonTopic, protoTopic, mixedTopic]);
});

describe('records: decoding what an independent encoder wrote', () => {
  it('decodes Avro with its schema id, subject and version, across partitions', async () => {
    const { progress, records } = await readAll({ topic: avroTopic, seek: { kind: 'beginning' } });
    expect(progress).toMatchObject({ state: 'done', scanned: 30, matched: 30, undecodable: 0 });
    expect(records).toHaveLength(30);
    const byId = new Map(records.map((r) => [(r.value.value as { payId: string }).payId, r]));
    for (const p of payments) {
      const r = byId.get(p.payId)!;
      // custNm is CUST_NM, 고객 명 in the example dictionary, classified personal: masked by default.
      expect(r.value).toMatchObject({ format: 'avro', value: { ...p, custNm: '[masked: personal]' }, error: null, schema: { id: avroId, type: 'AVRO', subject: `${avroTopic}-value`, version: 1 } });
      expect(r.value.masked).toEqual([{ path: 'custNm', classification: 'personal' }]);
      expect(r.key).toMatchObject({ format: 'text', value: p.payId });
      expect(r.headers).toEqual([{ key: 'source', value: 'it', hex: false }]);
      expect(r.timestampType).toBe('create');
    }
    expect(new Set(records.map((r) => r.partition)).size).toBeGreaterThan(1);
  });

  it('decodes JSON Schema, and says when a value does not match its schema', async () => {
    const schema = JSON.stringify({ type: 'object', properties: { orderId: { type: 'string' }, qty: { type: 'integer' } }, required: ['orderId', 'qty'] });
    const values = [{ orderId: 'o-1', qty: 2 }, { orderId: 'o-2', qty: 5, extra: [1, 2] }, { orderId: 'o-3' }];
    const { schemaId } = await produceEncoded({ topic: jsonTopic, subject: `${jsonTopic}-value`, schemaType: 'JSON', schema, values });
    const { records } = await readAll({ topic: jsonTopic, seek: { kind: 'beginning' } });
    expect(records.map((r) => r.value.value)).toEqual(values);
    expect(records[0]!.value).toMatchObject({ format: 'json-schema', schema: { id: schemaId, type: 'JSON', subject: `${jsonTopic}-value`, version: 1 }, note: null });
    expect(records[2]!.value.note).toMatch(/Does not match its schema/);
  });

  it('decodes Protobuf by its message indexes: a second top-level message and a nested one', async () => {
    const schema = [
      'syntax = "proto3";', `package it${id};`,
      'message Header { string source = 1; }',
      'message Order { string order_id = 1; int64 amount = 2; repeated string items = 3; Status status = 4;',
      '  enum Status { NEW = 0; PAID = 1; }',
      '  message Line { string sku = 1; int32 qty = 2; } }',
    ].join('\n');
    const orders = [{ orderId: 'o-1', amount: '12345678901', items: ['a', 'b'], status: 'PAID' }, { orderId: 'o-2', amount: '7', items: [], status: 'NEW' }];
    const { schemaId } = await produceEncoded({ topic: protoTopic, subject: `${protoTopic}-value`, schemaType: 'PROTOBUF', schema, values: orders, messageType: `it${id}.Order` });
    await produceRaw(protoTopic, [{ key: null, value: (await import('../support/records-encoder')).encodeValues(schemaId, 'PROTOBUF', schema, [{ sku: 'x-1', qty: 3 }], `it${id}.Order.Line`)[0]! }]);
    const { records } = await readAll({ topic: protoTopic, seek: { kind: 'beginning' } });
    expect(records[0]!.value).toMatchObject({ format: 'protobuf', error: null, value: { orderId: 'o-1', amount: '12345678901', items: ['a', 'b'], status: 'PAID' }, schema: { id: schemaId, type: 'PROTOBUF', messageType: `it${id}.Order`, subject: `${protoTopic}-value` } });
    // proto3 leaves default values off the wire: NEW (0) is not shown; repeated fields show as lists, empty or not.
    expect(records[1]!.value.value).toEqual({ orderId: 'o-2', amount: '7', items: [] });
    expect(records[2]!.value).toMatchObject({ format: 'protobuf', value: { sku: 'x-1', qty: 3 }, schema: { messageType: `it${id}.Order.Line` } });
  });

  it('shows what it cannot decode, with why and its bytes, and reads on', async () => {
    await produceRaw(mixedTopic, [
      { key: null, value: Buffer.from('{"plain":"json"}') },
      { key: null, value: frame(987_654_321, Buffer.from([1, 2, 3])) },
      { key: null, value: frame(avroId, Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])) },
      { key: Buffer.from([0xde, 0xad, 0xbe, 0xef]), value: Buffer.from('just text') },
      { key: null, value: null },
    ]);
    const { progress, records } = await readAll({ topic: mixedTopic, seek: { kind: 'beginning' } });
    expect(progress).toMatchObject({ state: 'done', scanned: 5, matched: 5 });
    expect(records[0]!.value).toMatchObject({ format: 'json', value: { plain: 'json' } });
    expect(records[1]!.value).toMatchObject({ format: 'binary', error: expect.stringMatching(/no schema with id 987654321/), hex: '003ade68b1010203' });
    expect(records[2]!.value).toMatchObject({ format: 'avro', value: null, error: expect.stringMatching(new RegExp(`Could not decode with schema ${avroId}`)), hex: expect.stringMatching(/^00/) });
    expect(records[3]!.key).toMatchObject({ format: 'binary', hex: 'deadbeef', error: null });
    expect(records[3]!.value).toMatchObject({ format: 'text', value: 'just text' });
    expect(records[4]!.value).toMatchObject({ format: 'null', size: 0 });
    expect(progress.undecodable).toBe(2);
  });
});

describe('records: what an encoder that is not Sluice\'s wrote (the sandbox\'s Java clients: Apicurio serdes, protobuf-java)', () => {
  const javaTopic = (format: string) => `it-rec-java-${format}-${id}`;
  afterAll(async () => {
    await deleteSubjects(['avro', 'json', 'protobuf'].map((f) => `${javaTopic(f)}-value`));
    await deleteTestArtifacts([], ['avro', 'json', 'protobuf'].map(javaTopic));
  });

  it('decodes all three schema types as written', async () => {
    const avro = JSON.stringify({ type: 'record', name: 'Order', namespace: `java${id}`, fields: [
      { name: 'ordId', type: 'string' }, { name: 'ordAmt', type: 'long' }, { name: 'memo', type: ['null', 'string'], default: null },
      { name: 'custTelNo', type: 'string' },
    ] });
    const json = JSON.stringify({ type: 'object', properties: { ordId: { type: 'string' }, qty: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } }, required: ['ordId'] });
    const proto = `syntax = "proto3";\npackage java${id};\nmessage Ignored { string x = 1; }\nmessage Shipment { string ship_id = 1; int64 weight_grams = 2; State state = 3; enum State { PACKED = 0; SENT = 1; } }\n`;
    const avroValues = [{ ordId: 'o-1', ordAmt: 12_000_000_000, memo: 'fragile', custTelNo: '010-1234-5678' }, { ordId: 'o-2', ordAmt: 5, memo: null, custTelNo: '010-0000-0000' }];
    const jsonValues = [{ ordId: 'j-1', qty: 3, tags: ['a'] }];
    const written = {
      avro: await produceJava({ topic: javaTopic('avro'), subject: `${javaTopic('avro')}-value`, format: 'avro', schema: avro, records: avroValues.map((value) => ({ key: value.ordId, value, headers: { source: 'java' } })) }),
      json: await produceJava({ topic: javaTopic('json'), subject: `${javaTopic('json')}-value`, format: 'json', schema: json, records: jsonValues.map((value) => ({ value })) }),
      protobuf: await produceJava({ topic: javaTopic('protobuf'), subject: `${javaTopic('protobuf')}-value`, format: 'protobuf', schema: proto, message: 'Shipment', records: [{ value: { shipId: 's-1', weightGrams: '1500', state: 'SENT' } }] }),
    };
    const avroRead = (await readAll({ topic: javaTopic('avro'), seek: { kind: 'beginning' } })).records;
    expect(avroRead.map((r) => r.value.value)).toEqual(avroValues.map((v) => ({ ...v, custTelNo: '[masked: personal]' })));
    expect(avroRead[0]!).toMatchObject({ key: { format: 'text', value: 'o-1' }, headers: [{ key: 'source', value: 'java', hex: false }], value: { format: 'avro', schema: { id: written.avro.schemaId, subject: `${javaTopic('avro')}-value`, version: written.avro.version } } });
    const jsonRead = (await readAll({ topic: javaTopic('json'), seek: { kind: 'beginning' } })).records;
    expect(jsonRead[0]!.value).toMatchObject({ format: 'json-schema', value: jsonValues[0], note: null, schema: { id: written.json.schemaId, type: 'JSON' } });
    const protoRead = (await readAll({ topic: javaTopic('protobuf'), seek: { kind: 'beginning' } })).records;
    expect(protoRead[0]!.value).toMatchObject({ format: 'protobuf', error: null, value: { shipId: 's-1', weightGrams: '1500', state: 'SENT' }, schema: { id: written.protobuf.schemaId, type: 'PROTOBUF', messageType: `java${id}.Shipment` } });
  }, 240_000);
});

describe('records: masking', () => {
  it('reveals one record with a reason, audited with the fields shown and never their values', async () => {
    const { records } = await readAll({ topic: avroTopic, partitions: [0], seek: { kind: 'beginning' }, limit: 1 });
    const masked = records[0]!;
    expect((masked.value.value as { custNm: string }).custNm).toBe('[masked: personal]');
    const refused = await harness.rpc('records.reveal', { topic: avroTopic, partition: 0, offset: masked.offset, reason: 'hm' });
    expect(refused.body.error?.code).toBe('INVALID_INPUT');
    const shown = await harness.value<RecordView>('records.reveal', { topic: avroTopic, partition: 0, offset: masked.offset, reason: 'Ticket 12: the customer disputes the name' });
    expect((shown.value.value as { custNm: string }).custNm).toMatch(/^Customer \d+$/);
    expect(shown.value.masked).toEqual([]);
    const record = auditActions(harness.dataDir).filter((a) => a.action === 'records.reveal').at(-1)!;
    expect(record).toMatchObject({ result: 'applied', target: { topic: avroTopic, partition: 0, offset: masked.offset }, after: { reason: 'Ticket 12: the customer disputes the name', revealed: ['custNm'] } });
    expect(JSON.stringify(record)).not.toContain((shown.value.value as { custNm: string }).custNm);
  });
});

describe('records: filtering on classified fields', () => {
  it('a filter sees classified fields masked; reading them unmasked needs a reason, which is audited', async () => {
    // Named: refused, saying which field and why, before anything is read.
    const named = await harness.rpc('records.read', { topic: avroTopic, seek: { kind: 'beginning' }, filter: 'record.value.custNm == "Customer 7"' });
    expect(named.body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/custNm \(personal\).*reason/), details: { field: 'filterReason' } });
    // Built at run time, so no name to refuse: the filter sees the masked value and learns nothing.
    const built = await readAll({ topic: avroTopic, seek: { kind: 'beginning' }, filter: 'record.value["cust" + "Nm"] == "Customer 7"' });
    expect(built.progress).toMatchObject({ scanned: 30, matched: 0 });
    const sawMask = await readAll({ topic: avroTopic, seek: { kind: 'beginning' }, filter: 'record.value["cust" + "Nm"] == "[masked: personal]"' });
    expect(sawMask.progress.matched).toBe(30);
    // With a reason: the real values, and an audit record naming the field and the filter, never a value read.
    const short = await harness.rpc('records.read', { topic: avroTopic, seek: { kind: 'beginning' }, filter: 'record.value.custNm == "Customer 7"', filterReason: 'hm' });
    expect(short.body.error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'filterReason' } });
    const reason = 'Ticket 12: find the disputed payment';
    const unmasked = await readAll({ topic: avroTopic, seek: { kind: 'beginning' }, filter: 'record.value.custNm == "Customer 7"', filterReason: reason });
    expect(unmasked.progress.matched).toBe(1);
    expect((unmasked.records[0]!.value.value as { payId: string; custNm: string })).toMatchObject({ payId: 'pay-7', custNm: '[masked: personal]' });
    const record = auditActions(harness.dataDir).filter((a) => a.action === 'records.read').at(-1)!;
    expect(record).toMatchObject({ result: 'applied', target: { topic: avroTopic, filter: 'record.value.custNm == "Customer 7"' }, after: { reason, fields: ['custNm (personal)'] } });
  });
});

describe('records: seek, filter, tail', () => {
  it('filters with CEL in main, and refuses a broken filter before reading', async () => {
    const { progress, records } = await readAll({ topic: avroTopic, seek: { kind: 'beginning' }, filter: 'record.value.payAmt >= 25000 && record.headers.source == "it"' });
    expect(progress).toMatchObject({ scanned: 30, matched: 5 });
    expect(records.map((r) => (r.value.value as { payAmt: number }).payAmt).sort((a, b) => a - b)).toEqual([25_000, 26_000, 27_000, 28_000, 29_000]);
    const refused = await harness.rpc('records.read', { topic: avroTopic, seek: { kind: 'beginning' }, filter: 'record.value.payAmt >=' });
    expect(refused.body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/not valid CEL/) });
    const notCondition = await harness.rpc('records.read', { topic: avroTopic, seek: { kind: 'beginning' }, filter: '"text"' });
    expect(notCondition.body.error?.message).toMatch(/must be a condition/);
  });

  it('seeks by timestamp (ListOffsets) and by offset, and stops at the limit', async () => {
    const cutoff = base + 20 * 60_000;
    const { records } = await readAll({ topic: avroTopic, seek: { kind: 'timestamp', timestamp: cutoff } });
    expect(records.map((r) => (r.value.value as { payId: string }).payId).sort()).toEqual(payments.slice(20).map((p) => p.payId).sort());
    expect(records.every((r) => r.timestamp >= cutoff)).toBe(true);
    const { progress } = await readAll({ topic: avroTopic, seek: { kind: 'beginning' }, limit: 7 });
    expect(progress).toMatchObject({ state: 'done', matched: 7, reason: expect.stringMatching(/limit/) });
    const { records: fromOffset } = await readAll({ topic: avroTopic, partitions: [0], seek: { kind: 'offset', offset: 2 } });
    expect(fromOffset[0]!.offset).toBe(2);
    expect(fromOffset.every((r) => r.partition === 0)).toBe(true);
  });

  it('tails live: records produced after the start arrive', async () => {
    const started = await harness.value<ScanProgress>('records.read', { topic: jsonTopic, seek: { kind: 'end' }, live: true, limit: 100 });
    await produceRaw(jsonTopic, [{ key: null, value: Buffer.from('{"live":1}') }, { key: null, value: Buffer.from('{"live":2}') }]);
    const page = await eventually('the tail to see two records', async () => {
      const p = await harness.value<ResultsPage>('records.results', { scanId: started.scanId, from: 0, count: 10 });
      return p.records.length === 2 ? p : null;
    }, 30_000, 250);
    expect(page.records.map((r) => r.value.value)).toEqual([{ live: 1 }, { live: 2 }]);
    expect((await harness.value<ScanProgress>('records.cancel', { scanId: started.scanId })).state).toBe('cancelled');
  });

  it('exports masked by default, and unmasked only with a reason that is audited', async () => {
    const started = await harness.value<ScanProgress>('records.read', { topic: avroTopic, seek: { kind: 'beginning' }, limit: 3, partitions: [0] });
    await scanned(started.scanId);
    const jsonl = await harness.value<{ content: string; records: number; masked: boolean }>('records.export', { scanId: started.scanId, format: 'jsonl' });
    expect(jsonl).toMatchObject({ records: 3, masked: true });
    expect(jsonl.content.trim().split('\n').map((l) => JSON.parse(l) as { partition: number })).toHaveLength(3);
    const csv = await harness.value<{ content: string }>('records.export', { scanId: started.scanId, format: 'csv' });
    expect(csv.content.split('\n')[0]).toMatch(/^topic,partition,offset,timestamp/);
    const refused = await harness.rpc('records.export', { scanId: started.scanId, format: 'csv', unmasked: true });
    expect(refused.body.error?.code).toBe('INVALID_INPUT');
    expect(jsonl.content).toContain('[masked: personal]');
    expect(jsonl.content).not.toMatch(/Customer \d/);
    const unmasked = await harness.value<{ content: string; masked: boolean }>('records.export', { scanId: started.scanId, format: 'csv', unmasked: true, reason: 'Incident 42: compare with the ledger' });
    expect(unmasked.masked).toBe(false);
    expect(unmasked.content).toMatch(/Customer \d/);
    expect(auditActions(harness.dataDir).filter((r) => r.action === 'records.export').at(-1)).toMatchObject({ result: 'applied', after: { reason: 'Incident 42: compare with the ledger', records: 3 } });
  });
});

describe('records: produce', () => {
  it('previews (schema id, size, console command), then produces, reads back and audits', async () => {
    const value = { payId: 'pay-new', payAmt: 4242, custNm: 'New Customer', memo: null, tags: ['x'] };
    const input = { topic: avroTopic, partition: 1, key: { format: 'text', text: 'pay-new' }, value: { format: 'schema', text: JSON.stringify(value) }, headers: [{ key: 'source', value: 'sluice' }] };
    const preview = await harness.value<ProduceResult>('records.produce', { ...input, dryRun: true });
    expect(preview).toMatchObject({ applied: false, partition: 1, value: { format: 'schema', schema: { id: avroId, subject: `${avroTopic}-value`, version: 1 } }, requiresConfirmation: null });
    expect(preview.command).toContain(`kafka-avro-console-producer --bootstrap-server ${testBrokers} --topic ${avroTopic}`);
    expect(preview.command).toContain(`value.schema.id=${avroId}`);
    const bad = await harness.rpc('records.produce', { ...input, value: { format: 'schema', text: JSON.stringify({ ...value, payAmt: 'lots' }) }, dryRun: true });
    expect(bad.body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/does not match .*payAmt/) });
    const { partitions } = await harness.value<TopicPartitions>('records.partitions', { topic: avroTopic });
    const end = partitions.find((p) => p.partition === 1)!.logEndOffset;
    const produced = await harness.value<ProduceResult>('records.produce', { ...input, dryRun: false });
    expect(produced).toMatchObject({ applied: true, partition: 1, offset: end });
    expect(produced.readBack).toMatchObject({ offset: end, key: { value: 'pay-new' }, value: { format: 'avro', value: { ...value, custNm: '[masked: personal]' }, schema: { id: avroId } }, headers: [{ key: 'source', value: 'sluice', hex: false }] });
    expect(auditActions(harness.dataDir).filter((r) => r.action === 'records.produce').at(-1)).toMatchObject({ result: 'applied', target: { topic: avroTopic, partition: 1 }, after: { partition: 1, offset: end } });
  });
});

describe('records: produce Protobuf', () => {
  it('writes the message asked for, nested or not, with its message indexes, and names the messages when it has no such one', async () => {
    // The subject was registered by the Protobuf decode test above: Header, Order, Order.Line.
    const produce = (messageType: string | undefined, value: object) => harness.rpc<ProduceResult>('records.produce', {
      topic: protoTopic, partition: 0, key: { format: 'null' }, dryRun: false,
      value: { format: 'schema', text: JSON.stringify(value), ...(messageType ? { messageType } : {}) },
    });
    const line = await produce('Line', { sku: 'p-9', qty: 2 });
    expect(line.body.value?.readBack?.value).toMatchObject({ format: 'protobuf', error: null, value: { sku: 'p-9', qty: 2 }, schema: { messageType: `it${id}.Order.Line` } });
    const order = await produce(`it${id}.Order`, { orderId: 'o-9', amount: '5', items: ['z'], status: 'PAID' });
    expect(order.body.value?.readBack?.value).toMatchObject({ value: { orderId: 'o-9', items: ['z'], status: 'PAID' }, schema: { messageType: `it${id}.Order` } });
    const first = await produce(undefined, { source: 'default is the first message' });
    expect(first.body.value?.readBack?.value).toMatchObject({ value: { source: 'default is the first message' }, schema: { messageType: `it${id}.Header` } });
    // As the browser shows a record (64-bit integers as decimal strings, enums by name) it can be written
    // again; what is not a number or not a name of the enum is still refused.
    expect((await produce('Order', { orderId: 'o-10', amount: 'lots' })).body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/amount/) });
    expect((await produce('Order', { orderId: 'o-11', status: 'LOST' })).body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/status/) });
    const none = await produce('Nope', { a: 1 });
    expect(none.body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(`its messages: it${id}.Header, it${id}.Order, it${id}.Order.Line`) });
  });
});

describe('records: the poison pill', () => {
  it('shows the record a stopped group is stuck on, and skips it with a reset to offset + 1', async () => {
    // The group reads 4 records of partition 0's topic, commits and leaves: it is stuck at offset 4.
    const clients = await runClients(`group id=${stuckGroup} protocol=consumer topic=${jsonTopic} members=1 stopAfter=4 maxPollRecords=4 closeAfter=true`, { brokers: testBrokers });
    await eventually('the group to be empty at offset 4', async () => {
      const group = await harness.value<GroupDetail>('groups.describe', { groupId: stuckGroup }).catch(() => null);
      return group?.members.length === 0 && group.offsets.find((o) => o.partition === 0)?.committedOffset === 4;
    }, 90_000);
    await clients.stop();
    const { records } = await readAll({ topic: jsonTopic, seek: { kind: 'group', groupId: stuckGroup } });
    expect(records[0]!.offset).toBe(4);
    const stuck = await harness.value<RecordAt>('records.at', { topic: jsonTopic, partition: 0, offset: 4 });
    expect(stuck.record).toMatchObject({ offset: 4, value: { value: { live: 2 } } });
    const preview = await harness.value<ResetResult>('groups.resetOffsets', { groupId: stuckGroup, to: { kind: 'offset', value: 5 }, partitions: [{ topic: jsonTopic, partition: 0 }], dryRun: true });
    expect(preview.partitions).toEqual([expect.objectContaining({ currentOffset: 4, newOffset: 5, skipped: 1 })]);
    await harness.value('groups.resetOffsets', {
      groupId: stuckGroup, to: { kind: 'offset', value: 5 }, partitions: [{ topic: jsonTopic, partition: 0 }], dryRun: false,
      expectedCurrent: [{ topic: jsonTopic, partition: 0, offset: 4 }],
    });
    const after = await harness.value<GroupDetail>('groups.describe', { groupId: stuckGroup });
    expect(after.offsets.find((o) => o.partition === 0)?.committedOffset).toBe(5);
  });
});
