// One router for both transports: parse the input as unknown with the contract's schema, run the
// handler, and always answer with a Result value (never a thrown error). After a successful call
// it reports what the method declared stale. In development and test builds it also checks each
// answer against the output schema, so a handler that breaks the contract fails its test.
import { z } from 'zod';
import { contract, isMethodName, staleAfter } from '../../shared/contract';
import { inputShapeProblem } from '../../shared/common/input-shape';
import { describeIssues } from '../../shared/common/parse';
import { AppFailure, fail, ok, type Result } from '../../shared/common/result';
import { createLogger } from '../platform/logger';
import type { Handlers } from '../platform/handler-types';
import type { StaleFeed } from '../platform/stale-feed';

export type { Handlers } from '../platform/handler-types';

const log = createLogger('rpc');

export interface Router {
  call(method: string, input: unknown): Promise<Result<unknown>>;
}

export interface RouterOptions {
  /** Told what a successful call made stale. */
  stale?: StaleFeed;
  /** Check every answer against the contract's output schema (on in development and tests). */
  checkOutputs?: boolean;
}

/**
 * A message with absolute file paths replaced: an unexpected error's text (ENOENT, a module that
 * failed to load) names the install or data folder. URLs keep their paths: a slash right after a
 * word character, a colon or another slash does not start a file path.
 */
export function withoutPaths(message: string): string {
  return message
    .replace(/(?<![\w:/.])\/(?:[^\s'"`/]+\/)+[^\s'"`]*/g, '<path>')
    .replace(/\b[A-Za-z]:\\[^\s'"`]+/g, '<path>')
    .slice(0, 2_000);
}

/**
 * On in development and tests; off in the built app (its bundle says NODE_ENV is production),
 * where parsing every answer (10,000 groups every few seconds) would cost the user. The e2e tests
 * run the built app with SLUICE_CHECK_OUTPUTS=1 to keep the check.
 */
export const checkOutputsByDefault = () => process.env.SLUICE_CHECK_OUTPUTS === '1' || (process.env.SLUICE_CHECK_OUTPUTS !== '0' && process.env.NODE_ENV !== 'production');

export function createRouter(handlers: Handlers, options: RouterOptions = {}): Router {
  const checkOutputs = options.checkOutputs ?? checkOutputsByDefault();
  return {
    async call(method, input) {
      if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `There is no method "${method}".`, { method });
      const spec = contract[method];
      // Before zod or a handler reads it: bounded depth and size, and text that can leave the
      // process (a lone surrogate makes encodeURIComponent throw deep inside a client).
      const problem = inputShapeProblem(input);
      if (problem) return fail('INVALID_INPUT', `The input of ${method} is not valid: ${problem}.`);
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        return fail('INVALID_INPUT', `The input of ${method} is not valid: ${z.prettifyError(parsed.error)}`, { issues: parsed.error.issues });
      }
      let value: unknown;
      try {
        const handler = handlers[method] as (input: unknown) => Promise<unknown>;
        value = await handler(parsed.data);
      } catch (error) {
        if (error instanceof AppFailure) return fail(error.code, error.message, error.details);
        // The log keeps the stack; the answer, which may reach any caller, keeps neither it nor a path.
        log.error(`${method} failed`, error);
        return fail('INTERNAL', `${method} failed unexpectedly: ${withoutPaths(error instanceof Error ? error.message : String(error))}`);
      }
      if (checkOutputs) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          const issues = describeIssues(checked.error);
          log.error(`${method} answered outside its output schema`, issues);
          return fail('INTERNAL', `${method} answered with data that breaks its contract: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`, { issues });
        }
      }
      options.stale?.markStale(staleAfter(method, parsed.data));
      return ok(value);
    },
  };
}
