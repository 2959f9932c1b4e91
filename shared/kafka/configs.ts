// Kafka configs as the console shows them, for topics, brokers and groups alike: the value, where it
// comes from (default, dynamic, static), sensitive values masked, and a change as a diff of old and
// new with the equivalent kafka-configs command. Pure: main reads and applies, the pages draw.
import { z } from 'zod';

/** Where a value comes from, as a person asks it: Kafka's default, set at runtime, or server.properties. */
export const configSourceKinds = ['default', 'dynamic', 'static', 'unknown'] as const;
export type ConfigSourceKind = (typeof configSourceKinds)[number];

/** Kafka's ConfigSource names, grouped into the three a person asks about. */
export function configSourceKind(sourceName: string): ConfigSourceKind {
  switch (sourceName) {
    case 'DEFAULT_CONFIG': return 'default';
    case 'STATIC_BROKER_CONFIG': return 'static';
    case 'DYNAMIC_TOPIC_CONFIG':
    case 'DYNAMIC_BROKER_CONFIG':
    case 'DYNAMIC_DEFAULT_BROKER_CONFIG':
    case 'DYNAMIC_BROKER_LOGGER_CONFIG':
    case 'DYNAMIC_CLIENT_METRICS_CONFIG':
    case 'DYNAMIC_GROUP_CONFIG':
      return 'dynamic';
    default: return 'unknown';
  }
}

export const configEntrySchema = z.object({
  name: z.string(),
  /** null for a sensitive value (masked: never sent by Kafka, never shown) or one that is not set. */
  value: z.string().nullable(),
  source: z.enum(configSourceKinds),
  /** Kafka's own name for the source (DYNAMIC_TOPIC_CONFIG, STATIC_BROKER_CONFIG…), as kafka-configs prints it. */
  sourceName: z.string(),
  readOnly: z.boolean(),
  sensitive: z.boolean(),
  /** Where else the value is set, most specific first. */
  synonyms: z.array(z.object({ name: z.string(), value: z.string().nullable(), sourceName: z.string() })),
});
export type ConfigEntryView = z.infer<typeof configEntrySchema>;

/** A config as Kafka's client answers it, masked: a sensitive value never leaves main. */
export function configView(entry: { name: string; value: string | null; source: string; readOnly: boolean; sensitive: boolean; synonyms: Array<{ name: string; value: string | null; source: string }> }): ConfigEntryView {
  return {
    name: entry.name,
    value: entry.sensitive ? null : entry.value,
    source: configSourceKind(entry.source),
    sourceName: entry.source,
    readOnly: entry.readOnly,
    sensitive: entry.sensitive,
    synonyms: entry.synonyms.map((s) => ({ name: s.name, value: entry.sensitive ? null : s.value, sourceName: s.source })),
  };
}

const configName = z.string().min(1).max(249).regex(/^[A-Za-z0-9._-]+$/, 'A config name is letters, digits, dots, dashes and underscores');
const configValue = z.string().max(10_000);

/** What to change: keys to set (SET) and keys to remove (DELETE: back to the inherited value). */
export const configChangesSchema = z.object({
  set: z.record(configName, configValue).refine((r) => Object.keys(r).length <= 200, 'At most 200 configs per change'),
  delete: z.array(configName).max(200),
}).strict().refine((c) => !c.delete.some((name) => Object.hasOwn(c.set, name)), 'A config cannot be set and deleted in the same change')
  .refine((c) => Object.keys(c.set).length + c.delete.length > 0, 'Nothing to change: set or delete at least one config');
export type ConfigChanges = z.infer<typeof configChangesSchema>;

export const configDiffRowSchema = z.object({
  name: z.string(),
  before: z.string().nullable(),
  beforeSource: z.enum(configSourceKinds).nullable(),
  /** After a delete the value falls back to what is inherited; null here means "the inherited value". */
  after: z.string().nullable(),
  change: z.enum(['set', 'delete', 'unchanged']),
  sensitive: z.boolean(),
});
export type ConfigDiffRow = z.infer<typeof configDiffRowSchema>;

/** The change as old → new per key, for the preview and the audit record. */
export function configDiff(current: readonly ConfigEntryView[], changes: ConfigChanges): ConfigDiffRow[] {
  const byName = new Map(current.map((c) => [c.name, c]));
  const rows: ConfigDiffRow[] = [];
  for (const [name, value] of Object.entries(changes.set)) {
    const was = byName.get(name);
    const sensitive = was?.sensitive ?? false;
    rows.push({
      name, before: was?.value ?? null, beforeSource: was?.source ?? null, after: sensitive ? null : value,
      change: !sensitive && was?.value === value && was.source === 'dynamic' ? 'unchanged' : 'set', sensitive,
    });
  }
  for (const name of changes.delete) {
    const was = byName.get(name);
    rows.push({ name, before: was?.value ?? null, beforeSource: was?.source ?? null, after: null, change: was?.source === 'dynamic' ? 'delete' : 'unchanged', sensitive: was?.sensitive ?? false });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** Keys the change names that the resource does not know: most likely a typo. */
export function unknownConfigNames(current: readonly ConfigEntryView[], changes: ConfigChanges): string[] {
  const known = new Set(current.map((c) => c.name));
  return [...Object.keys(changes.set), ...changes.delete].filter((name) => !known.has(name)).sort();
}

/** What the broker said when asked to validate a change without applying it (validateOnly). */
export const validationSchema = z.object({ ok: z.boolean(), message: z.string().nullable() });

/** What every previewed action answers besides its own facts. */
export const guardFields = {
  dryRun: z.boolean(),
  applied: z.boolean(),
  /** Why applying would be refused now, with what to do; null when it would go ahead. */
  blockedReason: z.string().nullable(),
  /** On a production profile: the name to type to apply. */
  requiresConfirmation: z.string().nullable(),
  command: z.string(),
  notes: z.array(z.string()),
};

/** A config change's preview (a topic's or a group's): old → new per key, and the command. */
export const alterConfigsResultSchema = z.object({
  /** The topic or group changed. */
  resource: z.string(),
  rows: z.array(configDiffRowSchema),
  /** Names the resource does not know (a typo?); Kafka refuses them. */
  unknownNames: z.array(z.string()),
  validation: validationSchema,
  ...guardFields,
});
export type AlterConfigsResult = z.infer<typeof alterConfigsResultSchema>;

/** Quotes a shell word when it needs it. */
export const shellQuote = (s: string) => (/^[\w.:,@/=+-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);

/** kafka-configs takes a list value in brackets: key=[a,b]. */
const configAssignment = (name: string, value: string) => `${name}=${value.includes(',') ? `[${value}]` : value}`;

export type ConfigEntityType = 'topics' | 'brokers' | 'groups';

export function configsCommand(bootstrap: readonly string[], entityType: ConfigEntityType, entityName: string, changes: ConfigChanges): string {
  const set = Object.entries(changes.set).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => configAssignment(k, v));
  return [
    'kafka-configs.sh', '--bootstrap-server', shellQuote(bootstrap.join(',')), '--entity-type', entityType, '--entity-name', shellQuote(entityName), '--alter',
    ...(set.length ? ['--add-config', shellQuote(set.join(','))] : []),
    ...(changes.delete.length ? ['--delete-config', shellQuote([...changes.delete].sort().join(','))] : []),
  ].join(' ');
}

export const describeConfigsCommand = (bootstrap: readonly string[], entityType: ConfigEntityType, entityName: string) =>
  `kafka-configs.sh --bootstrap-server ${shellQuote(bootstrap.join(','))} --entity-type ${entityType} --entity-name ${shellQuote(entityName)} --describe --all`;

/** Whether the configs now match what a change asked for (the read-back of a lost answer). */
export function changeApplied(now: readonly ConfigEntryView[], changes: ConfigChanges): 'all' | 'none' | 'partly' {
  const byName = new Map(now.map((c) => [c.name, c]));
  const checks = [
    ...Object.entries(changes.set).map(([name, value]) => { const c = byName.get(name); return c?.source === 'dynamic' && (c.sensitive || c.value === value); }),
    ...changes.delete.map((name) => byName.get(name)?.source !== 'dynamic'),
  ];
  const done = checks.filter(Boolean).length;
  return done === checks.length ? 'all' : done === 0 ? 'none' : 'partly';
}
