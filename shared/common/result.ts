// Errors cross both transports as values: Electron forwards only an exception's message, and HTTP
// clients need a stable code to act on.
import { z } from 'zod';

export const errorCodes = [
  'INVALID_INPUT', // the input did not match the contract
  'UNKNOWN_METHOD', // no such method in the contract
  'NOT_FOUND', // the thing asked for does not exist (group, profile)
  'UNAUTHORIZED', // missing or wrong bridge token
  'FORBIDDEN', // a caller that is not the app's own window or origin
  'NO_PROFILE', // no connection profile is active
  'KAFKA_UNREACHABLE', // no broker answered
  'KAFKA_ERROR', // a broker answered with an error
  'KAFKA_LOADING', // a group coordinator is still loading its groups (a broker just started): try again shortly
  'GROUP_NOT_EMPTY', // the group has active members: stop them before changing its offsets
  'CONFIRMATION_REQUIRED', // a production profile needs its name typed to apply a destructive action
  'PRODUCTION_READ_ONLY', // a production profile is read-only until a triage session grants write access for a time box
  'STALE_PREVIEW', // what a preview showed has changed since: preview again before applying
  'SERVICE_NOT_CONFIGURED', // no URL for the verification or ledger API: set it, or run the sandbox
  'SERVICE_UNREACHABLE', // the verification or ledger API did not answer (refused, timed out)
  'SERVICE_ERROR', // the service answered with a 5xx
  'CONTRACT_VIOLATION', // the service answered with data that breaks its OpenAPI contract
  'CONFLICT', // the service refused a change that conflicts with an earlier one (same key, other target)
  'AUDIT_UNAVAILABLE', // the audit log cannot be written (disk full): the action was refused before anything changed
  'OUTCOME_UNKNOWN', // the action's answer was lost and reading the target back failed: check before retrying
  'INTERNAL', // a bug: the details say where
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown inside main to carry a code to the router, which turns it into a Result. */
export class AppFailure extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details?: unknown) {
    super(message);
    this.name = 'AppFailure';
  }
}

/** The HTTP status the bridge answers with for each code. */
export const httpStatusFor: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NO_PROFILE: 409,
  KAFKA_UNREACHABLE: 503,
  KAFKA_ERROR: 502,
  KAFKA_LOADING: 503,
  GROUP_NOT_EMPTY: 409,
  CONFIRMATION_REQUIRED: 428,
  PRODUCTION_READ_ONLY: 423,
  STALE_PREVIEW: 409,
  SERVICE_NOT_CONFIGURED: 503,
  SERVICE_UNREACHABLE: 503,
  SERVICE_ERROR: 502,
  CONTRACT_VIOLATION: 502,
  CONFLICT: 409,
  AUDIT_UNAVAILABLE: 507,
  OUTCOME_UNKNOWN: 502,
  INTERNAL: 500,
};
