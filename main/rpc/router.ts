// One router for both transports: parse the input as unknown with the contract's schema, run the
// handler, and always answer with a Result value (never a thrown error).
import { z } from 'zod';
import { contract, isMethodName, type MethodName, type MethodOutput } from '../../shared/contract';
import { AppFailure, fail, ok, type Result } from '../../shared/common/result';
import { createLogger } from '../platform/logger';

const log = createLogger('rpc');

export type Handlers = {
  [M in MethodName]: (input: z.infer<(typeof contract)[M]['input']>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

export interface Router {
  call(method: string, input: unknown): Promise<Result<unknown>>;
}

export function createRouter(handlers: Handlers): Router {
  return {
    async call(method, input) {
      if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `There is no method "${method}".`, { method });
      const parsed = contract[method].input.safeParse(input ?? {});
      if (!parsed.success) {
        return fail('INVALID_INPUT', `The input of ${method} is not valid: ${z.prettifyError(parsed.error)}`, { issues: parsed.error.issues });
      }
      try {
        const handler = handlers[method] as (input: unknown) => Promise<unknown>;
        const value = await handler(parsed.data);
        return ok(value);
      } catch (error) {
        if (error instanceof AppFailure) return fail(error.code, error.message, error.details);
        log.error(`${method} failed`, error);
        return fail('INTERNAL', `${method} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, {
          stack: error instanceof Error ? error.stack : undefined,
        });
      }
    },
  };
}
