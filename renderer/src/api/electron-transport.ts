// Electron: the preload exposes window.sluice (call, subscribe) and nothing else.
import type { SluicePreloadApi, Transport } from './transport';

export function electronTransport(api: SluicePreloadApi): Transport {
  return {
    kind: 'electron',
    call: (method, input) => api.call(method, input),
    subscribe: (method, input, onResult) => api.subscribe(method, input, onResult),
  };
}
