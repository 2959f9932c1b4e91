// The schemas records are written with, by id: fetched and parsed once with
// @kafkajs/confluent-schema-registry (Avro via avsc, JSON Schema via ajv, Protobuf via protobufjs,
// references resolved), with the subject and version the registry files each id under (the library
// has no call for that; main/registry's client asks GET /schemas/ids/{id}/versions). A schema that
// cannot be fetched is remembered as an error for a while, so a scan over a million records asks a
// failing registry once, not a million times, and shows why on every record.
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { mapLimit } from '../../shared/common/concurrency';
import { AppFailure } from '../../shared/common/result';
import type { SchemaRef } from '../../shared/records/records';
import { createLogger } from '../platform/logger';
import type { RegistryEndpoint, RegistryEndpointSource } from './registry-endpoint';

const log = createLogger('schema-catalog');

export type SchemaKind = 'AVRO' | 'JSON' | 'PROTOBUF';

/** What the library hands back for each type; only the parts used here. */
export interface AvroType { fromBuffer(buffer: Buffer): unknown; toBuffer(value: unknown): Buffer; isValid(value: unknown, opts?: { errorHook: (path: string[]) => void }): boolean }
export interface JsonSchemaInstance { isValid(value: unknown, opts?: { errorHook: (path: string[], message: string) => void }): boolean }
export interface ProtoType {
  fullName: string;
  decode(bytes: Uint8Array): unknown;
  encode(message: unknown): { finish(): Uint8Array };
  fromObject(value: Record<string, unknown>): unknown;
  toObject(message: unknown, options: Record<string, unknown>): Record<string, unknown>;
  verify(value: Record<string, unknown>): string | null;
  nestedArray?: unknown[];
  parent: { nestedArray?: unknown[] } | null;
}

export type LoadedSchema =
  | { kind: 'AVRO'; id: number; avro: AvroType }
  | { kind: 'JSON'; id: number; json: JsonSchemaInstance }
  | { kind: 'PROTOBUF'; id: number; proto: ProtoType };

interface Entry {
  schema: LoadedSchema | null;
  error: string | null;
  subjects: Array<{ subject: string; version: number }>;
  /** The subject lookup failed: asked again later, so a passing registry hiccup does not leave records without their subject. */
  subjectsFailed?: boolean;
  at: number;
  refs?: Map<string, SchemaRef>;
}

/** How long a failed fetch is remembered before the registry is asked again. */
const RETRY_FAILED_AFTER_MS = 30_000;
/** One schema fetch (with the library's own retries) may take this long before the scan moves on. */
const LOAD_TIMEOUT_MS = 10_000;
const MAX_SCHEMAS = 5_000;

export type SubjectLookup = (endpoint: RegistryEndpoint, id: number) => Promise<Array<{ subject: string; version: number }>>;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    work.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms); }),
  ]);
}

const messageOf = (error: unknown) => {
  const e = error as { message?: string; status?: number };
  return `${e.status ? `HTTP ${e.status}: ` : ''}${e.message ?? String(error)}`.slice(0, 500);
};

export class SchemaCatalog {
  #registry: { key: string; library: SchemaRegistry; endpoint: RegistryEndpoint } | null = null;
  readonly #entries = new Map<number, Entry>();
  readonly #loading = new Map<number, Promise<void>>();

  constructor(private readonly endpoint: RegistryEndpointSource, private readonly subjectsOf: SubjectLookup) {}

  /** The library's client for the current endpoint; a changed endpoint forgets every schema. */
  #client(): { library: SchemaRegistry; endpoint: RegistryEndpoint } | null {
    const endpoint = this.endpoint();
    if (!endpoint) return null;
    const key = JSON.stringify(endpoint);
    if (this.#registry?.key !== key) {
      const auth = endpoint.username ? { username: endpoint.username, password: endpoint.password ?? '' } : undefined;
      // Few, quick retries: a record waits on this, and a down registry must not stall a scan.
      const library = new SchemaRegistry({ host: endpoint.url.replace(/\/+$/, ''), auth, clientId: 'sluice-records', retry: { retries: 1, initialRetryTimeInSecs: 0.2, maxRetryTimeInSecs: 2 } });
      this.#registry = { key, library, endpoint };
      this.#entries.clear();
    }
    return this.#registry;
  }

  /** The library client, for encoding with a schema (produce). */
  library(): SchemaRegistry {
    const client = this.#client();
    if (!client) throw new AppFailure('SERVICE_NOT_CONFIGURED', 'No Schema Registry is configured for this connection: set its registry URL on the Connections page (or SLUICE_REGISTRY_URL).');
    return client.library;
  }

  /** Makes sure every id is loaded (or known to fail), fetching the missing ones a few at a time. */
  async load(ids: Iterable<number>): Promise<void> {
    const now = Date.now();
    const missing = [...new Set(ids)].filter((id) => {
      const entry = this.#entries.get(id);
      return !entry || ((entry.schema === null || entry.subjectsFailed) && now - entry.at > RETRY_FAILED_AFTER_MS);
    });
    if (missing.length === 0) return;
    await mapLimit(missing, 4, (id) => this.#loadOne(id));
  }

  #loadOne(id: number): Promise<void> {
    const pending = this.#loading.get(id);
    if (pending) return pending;
    const work = this.#fetch(id).finally(() => this.#loading.delete(id));
    this.#loading.set(id, work);
    return work;
  }

  async #fetch(id: number): Promise<void> {
    const client = this.#client();
    if (!client) {
      this.#set(id, { schema: null, error: 'The record names schema id ' + id + ', but no Schema Registry is configured for this connection.', subjects: [], at: Date.now() });
      return;
    }
    try {
      let subjectsFailed = false;
      const [instance, subjects] = await Promise.all([
        withTimeout(client.library.getSchema(id), LOAD_TIMEOUT_MS, `Fetching schema ${id}`),
        withTimeout(this.subjectsOf(client.endpoint, id), LOAD_TIMEOUT_MS, `Looking up the subjects of schema ${id}`).catch((error: unknown) => {
          log.warn(`subjects of schema ${id}`, messageOf(error));
          subjectsFailed = true;
          return [];
        }),
      ]);
      const kind = client.library.cache.getSchema(id)?.type as string | undefined;
      const schema: LoadedSchema | null = kind === 'AVRO' ? { kind, id, avro: instance as unknown as AvroType }
        : kind === 'JSON' ? { kind, id, json: instance as unknown as JsonSchemaInstance }
          : kind === 'PROTOBUF' ? { kind, id, proto: (instance as unknown as { message: ProtoType }).message }
            : null;
      this.#set(id, { schema, error: schema ? null : `Schema ${id} has a type Sluice cannot decode (${kind ?? 'unknown'}).`, subjects, subjectsFailed, at: Date.now() });
    } catch (error) {
      const status = (error as { status?: number }).status;
      const why = status === 404 ? `The registry has no schema with id ${id}` : `Schema ${id} could not be fetched from the registry (${messageOf(error)})`;
      this.#set(id, { schema: null, error: why, subjects: [], at: Date.now() });
    }
  }

  #set(id: number, entry: Entry) {
    if (this.#entries.size >= MAX_SCHEMAS) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(id, entry);
  }

  /** A loaded schema, or why there is none. Call `load` with the id first. */
  get(id: number): { schema: LoadedSchema; error: null } | { schema: null; error: string } {
    const entry = this.#entries.get(id);
    if (!entry) return { schema: null, error: `Schema ${id} has not been fetched.` };
    return entry.schema ? { schema: entry.schema, error: null } : { schema: null, error: entry.error ?? `Schema ${id} is unknown.` };
  }

  /**
   * The subject and version to show for an id: the topic's own subject by TopicNameStrategy when
   * the registry files the id under it, else the first subject it names.
   */
  ref(id: number, topic: string, isKey: boolean, messageType: string | null): SchemaRef {
    // Asked for every record: the answer is remembered per id, topic, key or value and message.
    const memo = `${id}\u0000${topic}\u0000${isKey ? 'k' : 'v'}\u0000${messageType ?? ''}`;
    const entry = this.#entries.get(id);
    const known = entry?.refs?.get(memo);
    if (known) return known;
    const ref = this.#ref(entry, id, topic, isKey, messageType);
    if (entry) (entry.refs ??= new Map()).set(memo, ref);
    return ref;
  }

  #ref(entry: Entry | undefined, id: number, topic: string, isKey: boolean, messageType: string | null): SchemaRef {
    const preferred = `${topic}-${isKey ? 'key' : 'value'}`;
    const subjects = entry?.subjects ?? [];
    const chosen = subjects.filter((s) => s.subject === preferred).sort((a, b) => b.version - a.version)[0] ?? subjects[0] ?? null;
    return { id, type: entry?.schema?.kind ?? null, subject: chosen?.subject ?? null, version: chosen?.version ?? null, messageType };
  }
}
