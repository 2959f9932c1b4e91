// How server data is named in the react-query cache: [method, how it is read, input]. "How" keeps
// the three kinds apart, because they are refreshed differently after a write:
//   live   pushed by main (a subscription); never fetched by the renderer
//   fetch  a one-off read, refetched when a write declares its method stale
//   pages  cursor pages of a list (useInfiniteQuery), refetched likewise
import type { MethodName } from '../../../shared/contract';
import type { AppError } from '../../../shared/common/result';

export type ReadKind = 'live' | 'fetch' | 'pages';

export const liveKey = (method: MethodName, input: unknown) => [method, 'live', input] as const;
export const fetchKey = (method: MethodName, input: unknown) => [method, 'fetch', input] as const;
export const pagesKey = (method: MethodName, input: unknown) => [method, 'pages', input] as const;

export const methodOfKey = (key: readonly unknown[]): unknown => key[0];
export const readKindOfKey = (key: readonly unknown[]): unknown => key[1];

/** A failed call or push, with the code and message main answered. */
export class CallError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'CallError';
  }
}

/** The input field a refusal names (main's INVALID_INPUT answers say `{ field }`), or null. */
export function refusedField(error: unknown): string | null {
  if (!(error instanceof CallError)) return null;
  const details = error.error.details;
  return details !== null && typeof details === 'object' && typeof (details as { field?: unknown }).field === 'string' ? (details as { field: string }).field : null;
}
