// How a contract slice declares a method: a zod input and output, `live` when it can be subscribed
// to, and `invalidates` when it changes something: the methods whose answers it makes stale. The
// names are checked against the merged contract (shared/contract.ts), so a misspelt one does not
// compile.
import { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, N extends string = string> {
  input: I;
  output: O;
  /** Poll interval in ms when subscribed; absent for methods that cannot be subscribed to. */
  live?: number;
  /** What a successful call makes stale. A call whose input says `dryRun: true` changes nothing. */
  invalidates?: readonly N[];
}

/** Keeps each spec's exact type, so `live` and `invalidates` are known statically per method. */
export const method = <const S extends MethodSpec>(spec: S): S => spec;

/** A slice whose `invalidates` lists only names of the contract C. */
export type CheckedContract<C> = { [M in keyof C]: C[M] extends MethodSpec<infer I, infer O> ? MethodSpec<I, O, keyof C & string> : never };

/** Merges slices into the contract and, through its type, checks every `invalidates` name. */
export const mergeContract = <C extends CheckedContract<C>>(contract: C): C => contract;

/** The methods a successful call of `spec` with `input` makes stale (none for a dry run). */
export function invalidatedBy<N extends string>(spec: { invalidates?: readonly N[] }, input: unknown): readonly N[] {
  const dryRun = typeof input === 'object' && input !== null && (input as { dryRun?: unknown }).dryRun === true;
  return dryRun ? [] : (spec.invalidates ?? []);
}

/** The input of a method that takes none. */
export const noInput = z.object({}).strict();
