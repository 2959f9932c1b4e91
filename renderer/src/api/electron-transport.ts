// Electron: the preload exposes window.sluice (call, subscribe) and nothing else. What it pushes
// is parsed like any other boundary (./pushed-result.ts).
import { checkPushedValue, parseEnvelope, pushedResultSchema, toAppError } from './pushed-result';
import type { SluicePreloadApi, Transport } from './transport';

export function electronTransport(api: SluicePreloadApi): Transport {
  return {
    kind: 'electron',
    call: (method, input) => api.call(method, input),
    subscribe: (method, input, onResult) => api.subscribe(method, input, (pushed) => {
      const envelope = parseEnvelope(pushedResultSchema, pushed, `A pushed ${method} message`);
      if (!envelope) return;
      onResult(checkPushedValue(method, envelope.ok ? envelope : { ok: false, error: toAppError(envelope.error) }));
    }),
  };
}
