// The one contract between the console and main, carried by Electron IPC and by the HTTP/WebSocket
// bridge alike. Each domain declares its methods in its own slice (shared/<domain>/contract.ts);
// this file only merges them and derives the types. Methods marked `live` can be subscribed to:
// main polls them and pushes changes. A method that changes something declares what it
// `invalidates`: main refreshes those subscriptions and the console's hooks refetch them.
import { z } from 'zod';
import { invalidatedBy, mergeContract } from './common/contract-method';
import { appContract } from './app/contract';
import { auditContract } from './audit/contract';
import { brokersContract } from './brokers/contract';
import { governanceContract } from './governance/contract';
import { kafkaContract } from './kafka/contract';
import { ledgerContract } from './ledger/contract';
import { profilesContract } from './profiles/contract';
import { recordsContract } from './records/contract';
import { registryContract } from './registry/contract';
import { replicationContract } from './replication/contract';
import { triageContract } from './triage/contract';
import { topicsContract } from './topics/contract';
import { workspaceContract } from './workspace/contract';

export const contract = mergeContract({
  ...appContract,
  ...profilesContract,
  ...kafkaContract,
  ...topicsContract,
  ...brokersContract,
  ...auditContract,
  ...replicationContract,
  ...ledgerContract,
  ...workspaceContract,
  ...governanceContract,
  ...registryContract,
  ...recordsContract,
  ...triageContract,
});

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends. */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives: the input after parsing (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.infer<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Contract[M]['output']>;
export type LiveMethodName = { [M in MethodName]: Contract[M] extends { live: number } ? M : never }[MethodName];
export type MutatingMethodName = { [M in MethodName]: Contract[M] extends { invalidates: readonly string[] } ? M : never }[MethodName];

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);
export const isLiveMethod = (name: string): name is LiveMethodName => isMethodName(name) && 'live' in contract[name];

/** The methods a successful call makes stale: what the contract declares, none for a dry run. */
export function staleAfter(method: MethodName, input: unknown): readonly MethodName[] {
  return invalidatedBy<MethodName>(contract[method] as { invalidates?: readonly MethodName[] }, input);
}

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
