// What every hook needs from the app: the transport (Electron IPC or the browser bridge) and the
// live feeds that write main's pushes into this app's react-query cache.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { LiveFeeds } from './live-feeds';
import type { Transport } from './transport';

interface Api {
  transport: Transport;
  feeds: LiveFeeds;
}

const ApiContext = createContext<Api | null>(null);

/** Place inside QueryClientProvider: the feeds write into that client's cache. */
export function ApiProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  const client = useQueryClient();
  const api = useMemo(() => ({ transport, feeds: new LiveFeeds(transport, client) }), [transport, client]);
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiProvider is missing');
  return api;
}
