// The one contract between the console and main, carried by Electron IPC and by the HTTP/WebSocket
// bridge alike. Every method has a zod input and output; types are inferred from here and nowhere
// else. Methods marked `live` can also be subscribed to: main polls them and pushes changes.
import { z } from 'zod';
import { clusterSchema, groupDetailSchema, groupSummarySchema } from './kafka/groups';
import { groupHealthSchema, groupHistorySchema } from './kafka/monitoring';
import { deleteGroupInputSchema, deleteOffsetsInputSchema, deletePreviewSchema, resetInputSchema, resetResultSchema } from './kafka/offset-reset';
import { auditRecordSchema } from './audit/audit-record';
import { profileInputSchema, profileSettingsSchema, profileViewSchema } from './profiles/profiles';
import {
  idempotencyKeySchema, mismatchDetailSchema, mismatchFilterSchema, mismatchPageSchema, pipelineSchema, reconcileJobSchema, reconcileResponseSchema,
} from './replication/verification';
import { outboxHealthSchema, paymentLifecycleSchema, paymentPageSchema } from './ledger/ledger';
import {
  createAdrInputSchema, dictionaryViewSchema, ontologyViewSchema, pathInputSchema, saveInputSchema, workspaceFileSchema, workspaceStateSchema,
} from './workspace/workspace-api';
import { governanceOverviewSchema } from './governance/overview';
import {
  compatibilityCheckSchema, compatibilityLevels, databaseLintSchema, nameCheckSchema, referenceSchema, registerInputSchema, schemaLintSchema, schemaTypeSchema,
  schemaVersionSchema, subjectSummarySchema, subjectVersionsSchema,
} from './registry/registry';

const empty = z.object({}).strict();

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Poll interval in ms when subscribed; absent for methods that cannot be subscribed to. */
  live?: number;
}
// Keeps each spec's exact type, so `live` is known statically per method.
const method = <S extends MethodSpec<z.ZodType, z.ZodType>>(spec: S): S => spec;

export const connectionTestSchema = z.object({
  reachable: z.boolean(),
  clusterId: z.string().nullable(),
  brokerCount: z.number().nullable(),
  latencyMs: z.number().nullable(),
  error: z.string().nullable(),
  /** The profile's Schema Registry, when it names one. */
  registry: z.object({ reachable: z.boolean(), subjects: z.number().nullable(), error: z.string().nullable() }).nullable(),
});

export const contract = {
  'app.info': method({
    input: empty,
    output: z.object({ version: z.string(), transport: z.enum(['electron', 'web']) }),
  }),
  'profiles.list': method({
    input: empty,
    output: z.object({ profiles: z.array(profileViewSchema), activeProfileId: z.string().nullable() }),
    live: 2_000,
  }),
  'profiles.save': method({ input: profileInputSchema, output: profileViewSchema }),
  'profiles.delete': method({ input: z.object({ id: z.string() }).strict(), output: z.object({ deleted: z.boolean() }) }),
  'profiles.activate': method({ input: z.object({ id: z.string() }).strict(), output: profileViewSchema }),
  'profiles.test': method({
    input: z.object({ id: z.string().optional(), settings: profileSettingsSchema.optional(), password: z.string().nullable().optional(), registryPassword: z.string().nullable().optional() }).strict(),
    output: connectionTestSchema,
  }),
  'cluster.describe': method({ input: empty, output: clusterSchema, live: 10_000 }),
  'groups.list': method({ input: empty, output: z.object({ groups: z.array(groupSummarySchema) }), live: 3_000 }),
  'groups.describe': method({
    input: z.object({ groupId: z.string().min(1) }).strict(),
    output: groupDetailSchema,
    live: 2_000,
  }),
  'groups.health': method({
    input: z.object({ groupId: z.string().min(1) }).strict(),
    output: groupHealthSchema,
    live: 5_000,
  }),
  'groups.history': method({
    input: z.object({ groupId: z.string().min(1), stuckAfterMs: z.number().int().min(0).max(86_400_000).optional() }).strict(),
    output: groupHistorySchema,
    live: 5_000,
  }),
  'groups.resetOffsets': method({ input: resetInputSchema, output: resetResultSchema }),
  'groups.delete': method({ input: deleteGroupInputSchema, output: deletePreviewSchema }),
  'groups.deleteOffsets': method({ input: deleteOffsetsInputSchema, output: deletePreviewSchema }),
  'audit.list': method({
    input: z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.object({ records: z.array(auditRecordSchema) }),
    live: 5_000,
  }),
  'replication.pipelines': method({ input: empty, output: z.object({ items: z.array(pipelineSchema) }), live: 3_000 }),
  'replication.mismatches': method({
    input: mismatchFilterSchema.extend({ cursor: z.string().max(1000).optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: mismatchPageSchema,
    live: 3_000,
  }),
  'replication.mismatch': method({ input: z.object({ id: z.string().min(1) }).strict(), output: mismatchDetailSchema, live: 3_000 }),
  'replication.reconcile': method({
    input: z.object({ id: z.string().min(1), dryRun: z.boolean(), idempotencyKey: idempotencyKeySchema }).strict(),
    output: reconcileResponseSchema,
  }),
  'replication.reconcileMany': method({
    input: z.object({ filter: mismatchFilterSchema.omit({ status: true }), idempotencyKey: idempotencyKeySchema }).strict(),
    output: reconcileJobSchema,
  }),
  'replication.reconcileJob': method({ input: z.object({ id: z.string().min(1) }).strict(), output: reconcileJobSchema, live: 1_000 }),
  'replication.cancelReconcileJob': method({ input: z.object({ id: z.string().min(1), idempotencyKey: idempotencyKeySchema }).strict(), output: reconcileJobSchema }),
  'ledger.payment': method({ input: z.object({ paymentId: z.string().min(1).max(200) }).strict(), output: paymentLifecycleSchema }),
  'ledger.payments': method({
    input: z.object({ merchantId: z.string().min(1).max(200), from: z.string().optional(), to: z.string().optional(), cursor: z.string().max(1000).optional() }).strict(),
    output: paymentPageSchema,
  }),
  'ledger.outboxHealth': method({ input: empty, output: outboxHealthSchema, live: 3_000 }),
  'workspace.state': method({ input: empty, output: workspaceStateSchema, live: 2_000 }),
  'workspace.open': method({ input: z.object({ path: z.string().trim().min(1).max(4096) }).strict(), output: workspaceStateSchema }),
  'workspace.file': method({ input: pathInputSchema, output: workspaceFileSchema, live: 1_500 }),
  'workspace.save': method({ input: saveInputSchema, output: z.object({ path: z.string(), version: z.string() }) }),
  'workspace.saveDraft': method({ input: saveInputSchema, output: z.object({ savedAt: z.string() }) }),
  'workspace.discardDraft': method({ input: pathInputSchema, output: z.object({ discarded: z.boolean() }) }),
  'workspace.createAdr': method({ input: createAdrInputSchema, output: z.object({ path: z.string(), number: z.number() }) }),
  'workspace.dictionary': method({ input: empty, output: dictionaryViewSchema, live: 3_000 }),
  'workspace.ontology': method({ input: empty, output: ontologyViewSchema, live: 3_000 }),
  'governance.checkNames': method({
    input: z.object({ names: z.array(z.string().max(300)).min(1).max(100_000) }).strict(),
    output: z.object({ results: z.array(nameCheckSchema) }),
  }),
  'governance.lintSchema': method({
    input: z.object({ schemaType: z.enum(['AVRO', 'JSON', 'PROTOBUF', 'SQL']), schema: z.string().max(2_000_000), subject: z.string().max(300).optional() }).strict(),
    output: schemaLintSchema,
  }),
  'governance.overview': method({ input: empty, output: governanceOverviewSchema, live: 10_000 }),
  'governance.lintDatabase': method({
    input: z.object({ url: z.string().trim().min(1).max(2000), schema: z.string().trim().min(1).max(200).optional() }).strict(),
    output: databaseLintSchema,
  }),
  'registry.subjects': method({ input: empty, output: z.object({ registryUrl: z.string(), subjects: z.array(subjectSummarySchema) }), live: 5_000 }),
  'registry.versions': method({ input: z.object({ subject: z.string().min(1).max(300) }).strict(), output: subjectVersionsSchema, live: 5_000 }),
  'registry.schema': method({
    input: z.object({ subject: z.string().min(1).max(300), version: z.union([z.number().int().positive(), z.literal('latest')]) }).strict(),
    output: schemaVersionSchema,
  }),
  'registry.check': method({
    input: z.object({ subject: z.string().trim().min(1).max(300), schemaType: schemaTypeSchema, schema: z.string().min(1).max(2_000_000), references: z.array(referenceSchema).optional() }).strict(),
    output: compatibilityCheckSchema,
  }),
  'registry.register': method({ input: registerInputSchema, output: z.object({ id: z.number(), version: z.number().nullable() }) }),
  'registry.setCompatibility': method({
    input: z.object({ subject: z.string().min(1).max(300), level: z.enum(compatibilityLevels) }).strict(),
    output: z.object({ subject: z.string(), compatibility: z.string(), before: z.string().nullable() }),
  }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Contract[M]['output']>;
export type LiveMethodName = { [M in MethodName]: Contract[M] extends { live: number } ? M : never }[MethodName];

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);
export const isLiveMethod = (name: string): name is LiveMethodName => isMethodName(name) && 'live' in contract[name];

/** Messages pushed to subscribers, over IPC or the bridge's WebSocket. */
export const pushMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('data'), subscriptionId: z.string(), value: z.unknown() }),
  z.object({ kind: z.literal('error'), subscriptionId: z.string(), error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) }),
]);
export type PushMessage = z.infer<typeof pushMessageSchema>;

/** Requests a WebSocket client sends to the bridge. */
export const subscriptionRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('subscribe'), subscriptionId: z.string().min(1).max(100), method: z.string(), input: z.unknown() }),
  z.object({ kind: z.literal('unsubscribe'), subscriptionId: z.string().min(1).max(100) }),
]);
export type SubscriptionRequest = z.infer<typeof subscriptionRequestSchema>;
