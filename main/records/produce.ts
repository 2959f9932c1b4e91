// Produce one record: key, value, headers, partition; a value (or key) typed as JSON is validated
// against a registered schema (TopicNameStrategy by default: `<topic>-value`) and encoded in the
// wire format. A dry run previews where it goes, the schema id, the size and the equivalent
// kafka-console-producer command; applying is confirmed on production like a reset, audited, and
// answered with the record read back from its offset.
import { AppFailure } from '../../shared/common/result';
import type { ProducePart, ProduceInput, ProduceResult, SchemaRef } from '../../shared/records/records';
import { messageIndexBytes, wireHeader } from '../../shared/records/wire-format';
import { protoMessages } from './record-decoder';
import type { ProfileView } from '../../shared/profiles/profiles';
import type { AuditLog } from '../audit/audit-log';
import { audited, type AuditProfile } from '../audit/audited-action';
import type { RegistryClient } from '../registry/registry-client';
import type { RecordsService } from './records-service';
import type { SchemaCatalog } from './schema-catalog';

export interface ProduceDependencies {
  records: RecordsService;
  schemas: SchemaCatalog;
  registry: () => RegistryClient;
  profile: () => ProfileView;
  audit: AuditLog;
  auditProfile: () => AuditProfile;
}

interface Encoded {
  bytes: Buffer | null;
  schema: SchemaRef | null;
  format: ProducePart['format'];
  /** How kafka-console-producer would be told the same (a property or a different tool). */
  schemaProperty: string | null;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppFailure('INVALID_INPUT', `The ${what} is not JSON: ${(error as Error).message}`, { field: what });
  }
}

const pathsOf = (error: unknown) => ((error as { paths?: unknown[] }).paths ?? []).slice(0, 5).map((p) => (Array.isArray(p) ? p.join('.') : typeof p === 'object' && p ? JSON.stringify(p) : String(p))).filter(Boolean);

const LONG_TYPES = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
interface ProtoField { name: string; type: string; repeated?: boolean; map?: boolean; resolvedType?: unknown }

/**
 * The value as protobufjs's verify() should see it: a 64-bit field written as a decimal string and an
 * enum written by its name (as Sluice shows them, so a decoded record can be produced again) count as
 * the numbers they stand for. verify() accepts only numbers (and Long objects) there; fromObject()
 * reads the strings and names exactly. An unknown enum name stays a string, and verify() refuses it.
 */
function asVerifySees(type: unknown, value: Record<string, unknown>, depth: number): Record<string, unknown> {
  const fields = (type as { fieldsArray?: ProtoField[] }).fieldsArray;
  if (!fields || depth > 32) return value;
  let out: Record<string, unknown> | null = null;
  const fix = (field: ProtoField, item: unknown): unknown => {
    if (typeof item === 'string' && LONG_TYPES.has(field.type) && /^-?\d{1,20}$/.test(item)) return 0;
    const enumValues = (field.resolvedType as { values?: Record<string, number> } | undefined)?.values;
    if (typeof item === 'string' && enumValues && Object.hasOwn(enumValues, item)) return enumValues[item];
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && field.resolvedType && 'fieldsArray' in (field.resolvedType as object)) {
      return asVerifySees(field.resolvedType, item as Record<string, unknown>, depth + 1);
    }
    return item;
  };
  for (const field of fields) {
    const item = value[field.name];
    if (item === undefined || item === null) continue;
    let next: unknown;
    if (field.map && typeof item === 'object') next = Object.fromEntries(Object.entries(item as Record<string, unknown>).map(([k, v]) => [k, fix(field, v)]));
    else if (field.repeated && Array.isArray(item)) next = item.map((v) => fix(field, v));
    else next = fix(field, item);
    if (next !== item) (out ??= { ...value })[field.name] = next;
  }
  return out ?? value;
}

async function encodePart(deps: ProduceDependencies, topic: string, part: ProducePart, isKey: boolean): Promise<Encoded> {
  const what = isKey ? 'key' : 'value';
  switch (part.format) {
    case 'null': return { bytes: null, schema: null, format: 'null', schemaProperty: null };
    case 'text': return { bytes: Buffer.from(part.text, 'utf8'), schema: null, format: 'text', schemaProperty: null };
    case 'json': parseJson(part.text, what); return { bytes: Buffer.from(part.text, 'utf8'), schema: null, format: 'json', schemaProperty: null };
    case 'schema': break;
  }
  const subject = part.subject ?? `${topic}-${what}`;
  const payload = parseJson(part.text, what);
  const found = await deps.registry().version(subject, part.version).catch((error: unknown) => {
    if (error instanceof AppFailure && error.code === 'NOT_FOUND') {
      throw new AppFailure('INVALID_INPUT', `The registry has no subject ${subject}${part.version === 'latest' ? '' : ` version ${part.version}`}; pick another subject (TopicNameStrategy names it ${topic}-${what}).`, { field: what });
    }
    throw error;
  });
  const type = (found.schemaType ?? 'AVRO') as 'AVRO' | 'JSON' | 'PROTOBUF';
  const ref: SchemaRef = { id: found.id, type, subject, version: found.version, messageType: null };
  const mismatch = (error: unknown) => {
    const paths = pathsOf(error);
    return new AppFailure('INVALID_INPUT', `The ${what} does not match ${subject} v${found.version} (schema ${found.id}): ${paths.length ? `check ${paths.join(', ')}` : (error as Error).message}.`, { field: what, paths });
  };
  if (type === 'PROTOBUF') {
    // The library writes Protobuf without message indexes, which Confluent's and Apicurio's
    // deserializers require (docs/adr/0012-records-browser.md): framed here, for the message asked
    // for (by full or last name) or the schema's first.
    await deps.schemas.load([found.id]);
    const loaded = deps.schemas.get(found.id);
    if (!loaded.schema || loaded.schema.kind !== 'PROTOBUF') throw new AppFailure('INVALID_INPUT', loaded.error ?? `Schema ${found.id} is not Protobuf.`);
    const messages = protoMessages(loaded.schema.proto);
    const wanted = part.messageType?.trim().replace(/^\./, '');
    const chosen = wanted ? messages.filter((m) => m.name === wanted || m.name.endsWith(`.${wanted}`)) : messages.slice(0, 1);
    if (chosen.length !== 1) {
      const names = messages.map((m) => m.name).slice(0, 20).join(', ');
      throw new AppFailure('INVALID_INPUT', chosen.length === 0
        ? `${subject} v${found.version} has no message ${wanted}; its messages: ${names}.`
        : `More than one message of ${subject} v${found.version} is called ${wanted} (${chosen.map((m) => m.name).join(', ')}); give the full name.`, { field: what });
    }
    const { type: message, indexes } = chosen[0]!;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new AppFailure('INVALID_INPUT', `The ${what} must be a JSON object for the Protobuf message ${message.fullName.replace(/^\./, '')}.`);
    const problem = message.verify(asVerifySees(message, payload as Record<string, unknown>, 0));
    if (problem) throw mismatch(new Error(problem));
    const body = message.encode(message.fromObject(payload as Record<string, unknown>)).finish();
    return {
      bytes: Buffer.concat([wireHeader(found.id), messageIndexBytes(indexes), body]), format: 'schema',
      schema: { ...ref, messageType: message.fullName.replace(/^\./, '') }, schemaProperty: `${what}.schema.id=${found.id}`,
    };
  }
  try {
    const bytes = await deps.schemas.library().encode(found.id, payload);
    return { bytes, schema: ref, format: 'schema', schemaProperty: `${what}.schema.id=${found.id}` };
  } catch (error) {
    if ((error as { paths?: unknown }).paths !== undefined || (error as Error).name?.includes('Validation')) throw mismatch(error);
    throw error;
  }
}

function consoleCommand(bootstrap: string, input: ProduceInput, key: Encoded, value: Encoded, registryUrl: string | null): string {
  const usesSchema = key.schema !== null || value.schema !== null;
  const tool = usesSchema ? `kafka-${(value.schema ?? key.schema)!.type === 'PROTOBUF' ? 'protobuf' : value.schema?.type === 'JSON' || key.schema?.type === 'JSON' ? 'json-schema' : 'avro'}-console-producer` : 'kafka-console-producer.sh';
  const parts = [tool, `--bootstrap-server ${bootstrap}`, `--topic ${input.topic}`];
  if (input.key.format !== 'null') parts.push('--property parse.key=true', "--property 'key.separator=|'");
  if (input.headers.length > 0) parts.push('--property parse.headers=true');
  if (input.partition !== undefined) parts.push(`--property partition=${input.partition}`);
  if (usesSchema && registryUrl) parts.push(`--property schema.registry.url=${registryUrl.replace(/\/+$/, '')}`);
  for (const p of [key.schemaProperty, value.schemaProperty]) if (p) parts.push(`--property ${p}`);
  return parts.join(' ');
}

const sameBytes = (a: Buffer | null, b: Buffer | null) => (a === null ? b === null : b !== null && a.equals(b));

export async function produceRecord(deps: ProduceDependencies, input: ProduceInput): Promise<ProduceResult> {
  const kafka = deps.records.kafka();
  const layout = await kafka.layout(input.topic);
  if (input.partition !== undefined && !layout.partitions.some((p) => p.partition === input.partition)) {
    throw new AppFailure('INVALID_INPUT', `${input.topic} has partitions 0–${layout.partitions.length - 1}; there is no partition ${input.partition}.`, { field: 'partition' });
  }
  const [key, value] = [await encodePart(deps, input.topic, input.key, true), await encodePart(deps, input.topic, input.value, false)];
  const headers = input.headers.map((h) => [h.key, Buffer.from(h.value, 'utf8')] as [string, Buffer]);
  const size = (key.bytes?.length ?? 0) + (value.bytes?.length ?? 0) + headers.reduce((n, [k, v]) => n + Buffer.byteLength(k) + v.length, 0);
  const profile = deps.profile();
  const registryUrl = key.schema || value.schema ? deps.registry().url : null;
  const preview: ProduceResult = {
    topic: input.topic,
    partition: input.partition ?? null,
    partitionNote: input.partition !== undefined ? `Partition ${input.partition}, as chosen.`
      : key.bytes ? 'The partition of the key (murmur2 hash, as Kafka’s own producers choose).' : 'A partition the producer chooses (there is no key).',
    key: { format: key.format, size: key.bytes?.length ?? 0, schema: key.schema },
    value: { format: value.format, size: value.bytes?.length ?? 0, schema: value.schema },
    size,
    command: consoleCommand(deps.records.endpoint(), input, key, value, registryUrl),
    requiresConfirmation: profile.production ? profile.name : null,
    blockedReason: null,
    applied: false, offset: null, readBack: null,
  };
  if (input.dryRun) return preview;
  if (profile.production && (input.confirmation ?? '').trim() !== profile.name) {
    throw new AppFailure('CONFIRMATION_REQUIRED', `“${profile.name}” is a production profile: type its name to produce this record.`, { expected: 'the profile name' });
  }
  const target = { topic: input.topic, partition: input.partition ?? null };
  const landed = await audited<{ partition: number; offset: number }>(deps.audit, {
    profile: deps.auditProfile(), action: 'records.produce', endpoint: deps.records.endpoint(), target, command: preview.command,
    after: { keySchema: key.schema, valueSchema: value.schema, size, headers: input.headers.map((h) => h.key) },
  }, () => kafka.produce({ topic: input.topic, partition: input.partition, key: key.bytes, value: value.bytes, headers }), {
    after: (at) => ({ partition: at.partition, offset: at.offset, keySchema: key.schema, valueSchema: value.schema, size }),
    // The answer was lost: look for the record at the end of the partitions it may have gone to.
    readBack: async () => {
      const partitions = input.partition !== undefined ? [input.partition] : layout.partitions.map((p) => p.partition);
      const ends = await kafka.offsets(input.topic, partitions, -1);
      for (const partition of partitions) {
        const end = ends.get(partition) ?? 0;
        const leader = layout.partitions[partition]!.leader;
        const [answer] = await kafka.fetch(layout, leader, [{ partition, offset: Math.max(0, end - 50), maxBytes: 1_048_576 }], { maxWaitMs: 0, maxBytes: 1_048_576 });
        const hit = answer?.records.findLast((r) => sameBytes(key.bytes, r.key) && sameBytes(value.bytes, r.value));
        if (hit) return { applied: true as const, result: { partition, offset: hit.offset }, observed: { partition, offset: hit.offset } };
      }
      return { applied: false as const, observed: { searched: partitions, lastRecords: 50 } };
    },
  });
  const readBack = await deps.records.at(input.topic, landed.partition, landed.offset).then((found) => (found.record?.offset === landed.offset ? found.record : null), () => null);
  return { ...preview, partition: landed.partition, applied: true, offset: landed.offset, readBack };
}
