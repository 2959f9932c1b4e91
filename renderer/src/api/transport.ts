// The one way the console talks to main. Two implementations (Electron IPC, browser HTTP/WS),
// chosen at start-up; pages never know which one they run on.
import type { MethodName, MethodInput } from '../../../shared/contract';
import type { Result } from '../../../shared/common/result';

export interface Transport {
  readonly kind: 'electron' | 'web';
  call(method: MethodName, input: MethodInput<MethodName>): Promise<Result<unknown>>;
  /** Pushes the current value at once (when main has one) and every change after it. */
  subscribe(method: MethodName, input: MethodInput<MethodName>, onResult: (result: Result<unknown>) => void): () => void;
}

export interface SluicePreloadApi {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Hands over each pushed Result as main sent it: unparsed until the transport parses it. */
  subscribe(method: string, input: unknown, onPushed: (pushed: unknown) => void): () => void;
}

declare global {
  interface Window {
    sluice?: SluicePreloadApi;
  }
}
