// What a handler is: a function from a method's parsed input to its output, typed from the
// contract. Each domain exports its slice (main/<domain>/handlers.ts); main/rpc/handlers.ts merges.
import type { Contract, MethodName, MethodOutput, ParsedInput } from '../../shared/contract';

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;

/** The handlers of one contract slice: every method of the slice, nothing else. */
export type HandlerSlice<Slice> = { [M in keyof Slice & MethodName]: Handler<M> };

export type Handlers = HandlerSlice<Contract>;
