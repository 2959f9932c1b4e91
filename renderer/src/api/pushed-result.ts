// What main pushes crosses a boundary, so it is parsed before it reaches the cache: the envelope
// always (a malformed one is dropped), and in development builds the value too, against the
// method's output schema, so a drift between main and the contract shows at once as an error that
// names every path that broke. Production trusts main's own output check outside production and
// saves parsing a 10,000-group list every few seconds.
import { z } from 'zod';
import { contract, type MethodName } from '../../../shared/contract';
import { ParseError, parseUnknown } from '../../../shared/common/parse';
import { errorCodes, type AppError, type ErrorCode, type Result } from '../../../shared/common/result';

const pushedErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

/** The envelope Electron's preload hands over: the hub's Result as it is. */
export const pushedResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: pushedErrorSchema }),
]);

/** An error as main sent it; a code this console does not know reads as INTERNAL. */
export function toAppError(error: z.infer<typeof pushedErrorSchema>): AppError {
  const code = (errorCodes as readonly string[]).includes(error.code) ? (error.code as ErrorCode) : 'INTERNAL';
  return error.details === undefined ? { code, message: error.message } : { code, message: error.message, details: error.details };
}

/** The envelope parsed, or null (and a warning) when it is not one. */
export function parseEnvelope<S extends z.ZodType>(schema: S, data: unknown, what: string): z.infer<S> | null {
  try {
    return parseUnknown(schema, data, what);
  } catch (error) {
    console.warn(error instanceof Error ? error.message : String(error));
    return null;
  }
}

/** In development, a pushed value that breaks its method's output schema becomes an error. */
export function checkPushedValue(method: MethodName, result: Result<unknown>, checkOutput = import.meta.env.DEV): Result<unknown> {
  if (!result.ok || !checkOutput) return result;
  try {
    parseUnknown(contract[method].output, result.value, `The pushed ${method} value`);
    return result;
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    console.error(error.message);
    return { ok: false, error: { code: 'INTERNAL', message: `${error.message} (main and the contract disagree)`, details: { issues: error.issues } } };
  }
}
