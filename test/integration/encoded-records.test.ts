// The independent encoder (the sandbox's Java clients) against the real broker and registry: each
// record, read back as bytes with a plain consumer, is in the Confluent wire format with the
// registry's id for the subject's schema, the registry's schema for that id is the one registered,
// and keys and headers arrive as written. For all three schema types.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paths } from '../../sandbox/paths';
import { testRegistryUrl, uniqueSuffix } from '../support/brokers';
import { deleteSubjects, produceEncoded, readRawRecords, wireHeader, type EncodedFormat, type EncodedRecord } from '../support/encoded-records';
import { deleteTestArtifacts } from '../support/kafka-cli';

const id = uniqueSuffix();
const demoSchema = (file: string) => fs.readFileSync(path.join(paths.demoSchemas, file), 'utf8');
const topics: string[] = [];
const subjects: string[] = [];

afterAll(async () => {
  await deleteTestArtifacts([], topics);
  await deleteSubjects(subjects);
});

async function registry<T>(pathname: string): Promise<T> {
  const response = await fetch(`${testRegistryUrl}${pathname}`);
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const cardPayment = (n: number, overrides: Record<string, unknown> = {}) => ({
  payId: `PAY-${id}-${n}`, mrchId: 'MRCH-000245', custId: `CUST-${String(n).padStart(6, '0')}`, custNm: '김서연',
  custTelNo: n % 2 === 0 ? '+821012345678' : null, cardNo: '541234******1234', payAmt: 12_000 + n, crncyCd: 'KRW',
  payStatCd: 'APRV', payDtm: 1_764_000_000_000 + n, instlMmCnt: n % 3 === 0 ? 3 : 0, idmpKey: `idem-${id}-${n}`, ...overrides,
});
const ledgerEntry = (n: number) => ({
  ldgr_entr_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, pay_id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
  entr_seq: 1 + (n % 2), dr_amt: n % 2 === 0 ? 5000 : 0, cr_amt: n % 2 === 0 ? 0 : 5000, actt_cd: n % 2 === 0 ? '1100' : '4010', entr_dtm: '2026-12-01T09:00:00Z',
});
const payout = (n: number) => ({
  dsbr_id: `DSBR-${id}-${n}`, stlm_id: `STLM-${id}-${n}`, mrch_id: 'MRCH-001032', dsbr_amt: String(964_250 + n), fee_amt: '32500', vat_amt: '3250',
  fee_rt: 0.0325, dsbr_bank_cd: '004', dsbr_acct_no: '123-456789-01-234',
});

const cases: Array<{ format: EncodedFormat; schemaFile: string; schemaType: string; value: (n: number) => Record<string, unknown> }> = [
  { format: 'avro', schemaFile: 'card-payment-events.v1.avsc', schemaType: 'AVRO', value: cardPayment },
  { format: 'json', schemaFile: 'ledger-entries.v1.json', schemaType: 'JSON', value: ledgerEntry },
  { format: 'protobuf', schemaFile: 'merchant-payouts.v1.proto', schemaType: 'PROTOBUF', value: payout },
];

describe('records written by the independent encoder', () => {
  it.each(cases)('$format: magic byte 0 and the registry’s id for the subject’s schema, keys and headers as written', async ({ format, schemaFile, schemaType, value }) => {
    const topic = `it-encoded-${format}-${id}`;
    const subject = `${topic}-value`;
    topics.push(topic);
    subjects.push(subject);
    const schema = demoSchema(schemaFile);
    const records: EncodedRecord[] = Array.from({ length: 6 }, (_, n) => ({
      key: `key-${n}`, value: value(n), partition: n % 2,
      headers: { 'idempotency-key': `idem-${id}-${n}`, 'event-type': `test.${format}` },
    }));
    const produced = await produceEncoded({ topic, subject, format, schema, records, partitions: 2 });
    expect(produced.count).toBe(6);

    // What the registry says, asked directly: the subject's id, and the schema behind that id.
    const latest = await registry<{ id: number; version: number; schemaType?: string }>(`/subjects/${encodeURIComponent(subject)}/versions/latest`);
    expect(latest.version).toBe(produced.version);
    expect(latest.id).toBe(produced.schemaId);
    const byId = await registry<{ schema: string; schemaType?: string }>(`/schemas/ids/${latest.id}`);
    expect(byId.schemaType ?? 'AVRO').toBe(schemaType);
    if (format === 'protobuf') expect(byId.schema.replace(/\s+/g, ' ').trim()).toBe(schema.replace(/\s+/g, ' ').trim());
    else expect(JSON.parse(byId.schema)).toEqual(JSON.parse(schema));

    const raw = await readRawRecords(topic, 6);
    expect(raw.map((r) => [r.partition, Number(r.offset)])).toEqual([[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]]);
    for (const record of raw) {
      expect(wireHeader(record.value)).toEqual({ magic: 0, schemaId: latest.id });
      const n = Number(record.key!.toString('utf8').replace('key-', ''));
      expect(record.partition).toBe(n % 2);
      expect(record.headers).toEqual({ 'idempotency-key': `idem-${id}-${n}`, 'event-type': `test.${format}` });
      const payload = record.value!.subarray(5);
      if (format === 'json') expect(JSON.parse(payload.toString('utf8'))).toEqual(value(n));
      // Protobuf: Confluent's message indexes come first, [0] (the first message) as one 0 byte.
      if (format === 'protobuf') expect(payload[0]).toBe(0);
      if (format === 'avro') expect(payload.includes(Buffer.from(`PAY-${id}-${n}`))).toBe(true);
    }
  });

  it('refuses a value the schema does not allow, saying where', async () => {
    const topic = `it-encoded-bad-${id}`;
    topics.push(topic);
    subjects.push(`${topic}-value`);
    await expect(produceEncoded({
      topic, subject: `${topic}-value`, format: 'avro', schema: demoSchema('card-payment-events.v1.avsc'),
      records: [{ key: 'k', value: cardPayment(1, { payAmt: 'twelve thousand' }) }],
    })).rejects.toThrow(/value\.payAmt: expected a whole number/);
  });
});
