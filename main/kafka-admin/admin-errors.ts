// Client errors as AppFailures that say what happened and what to do. The code decides how an
// audited action is recorded (main/audit/audited-action.ts): a broker that said no (a topic that
// exists, too few brokers for the replication factor, a bad config) is `refused`, nothing changed;
// a lost answer or a broker-side timeout is not a refusal: the change may be there, so it is read
// back.
import { protocolErrorsCodesById } from '@platformatic/kafka';
import { AppFailure, type ErrorCode } from '../../shared/common/result';

/** `apiId` is Kafka's error name (TOPIC_ALREADY_EXISTS); `serverErrorMessage` the broker's own sentence. */
interface FlatError { code?: string; apiId?: string; serverErrorMessage?: string | null; message?: string }

/** Every code and message in a client error, whose causes nest (MultipleErrors of MultipleErrors). */
export function flattenError(error: unknown, depth = 0): FlatError[] {
  if (!error || typeof error !== 'object' || depth > 6) return [];
  const e = error as FlatError & { errors?: unknown[]; cause?: unknown };
  return [{ code: e.code, apiId: e.apiId, serverErrorMessage: e.serverErrorMessage, message: e.message }, ...(e.errors ?? []).flatMap((x) => flattenError(x, depth + 1)), ...flattenError(e.cause, depth + 1)];
}

/** Kafka's error names in an error (TOPIC_ALREADY_EXISTS, INVALID_PARTITIONS…). */
/** Kafka's name for an error code in a response (NOT_LEADER_OR_FOLLOWER). */
export const errorNameOf = (code: number): string => (protocolErrorsCodesById as Record<number, string>)[code] ?? `ERROR_${code}`;

export const kafkaErrorNames = (error: unknown): string[] => [...new Set(flattenError(error).flatMap((e) => (typeof e.apiId === 'string' ? [e.apiId] : [])))];

const refusals: Array<[RegExp, ErrorCode]> = [
  [/^TOPIC_ALREADY_EXISTS$/, 'CONFLICT'],
  [/^(UNKNOWN_TOPIC_OR_PARTITION|UNKNOWN_TOPIC_ID|GROUP_ID_NOT_FOUND)$/, 'NOT_FOUND'],
  [/_AUTHORIZATION_FAILED$/, 'FORBIDDEN'],
  [/^(INVALID_PARTITIONS|INVALID_REPLICATION_FACTOR|INVALID_REPLICA_ASSIGNMENT|INVALID_CONFIG|POLICY_VIOLATION|INVALID_TOPIC_EXCEPTION|INVALID_REQUEST|OFFSET_OUT_OF_RANGE|TOPIC_DELETION_DISABLED|UNSUPPORTED_VERSION|INVALID_GROUP_ID)$/, 'INVALID_INPUT'],
];

/** Errors after which a change may or may not be on the cluster: read it back, never "refused". */
const mayHaveApplied = new Set(['REQUEST_TIMED_OUT', 'NOT_CONTROLLER', 'UNKNOWN_SERVER_ERROR', 'NETWORK_EXCEPTION']);

export function adminFailure(error: unknown, bootstrap: string[]): AppFailure {
  if (error instanceof AppFailure) return error;
  const parts = flattenError(error);
  const codes = new Set(parts.map((p) => p.code));
  const names = kafkaErrorNames(error);
  // Kafka's own sentence ("Topic 'x' already exists.") is the most useful part; the client's
  // wrappers ("Received response with error…") are not.
  const kafkaMessages = parts.filter((p) => p.apiId).map((p) => p.serverErrorMessage || p.message || p.apiId!);
  const detail = [...new Set(parts.map((p) => p.message).filter(Boolean))].join('; ');
  if (codes.has('PLT_KFK_NETWORK') || codes.has('PLT_KFK_TIMEOUT') || /Cannot connect to any broker|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|Connection closed/.test(detail)) {
    return new AppFailure('KAFKA_UNREACHABLE', `No answer from the brokers at ${bootstrap.join(', ')} (${detail || 'connection lost'}). Check that the cluster is running; a change sent just before may still have been applied.`, { detail });
  }
  if (codes.has('PLT_KFK_AUTHENTICATION')) {
    return new AppFailure('KAFKA_ERROR', 'The brokers rejected the credentials. Check the SASL mechanism, user name and password.', { detail });
  }
  const said = [...new Set(kafkaMessages)].join('; ') || names.join(', ');
  if (names.some((n) => mayHaveApplied.has(n))) {
    return new AppFailure('KAFKA_UNREACHABLE', `The broker did not confirm in time (${names.join(', ')}): ${said}.`, { kafkaErrors: names, detail });
  }
  for (const name of names) {
    const match = refusals.find(([pattern]) => pattern.test(name));
    if (match) return new AppFailure(match[1], `Kafka refused: ${said} (${name}).`, { kafkaErrors: names, detail });
  }
  return new AppFailure('KAFKA_ERROR', `Kafka returned an error: ${said || detail || String(error)}`, { kafkaErrors: names, detail });
}

/**
 * Describe-style responses report a per-item error (an offline partition, an unknown topic) by
 * failing the whole parse while the error still carries the parsed response: keep it.
 */
export async function keepPartialResponse<R>(request: Promise<R>): Promise<R> {
  try {
    return await request;
  } catch (error) {
    const partial = (error as { response?: R }).response;
    if (partial === undefined || partial === null) throw error;
    return partial;
  }
}
