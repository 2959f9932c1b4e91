// Renders renderer code the way main.tsx does (react-query + the API context), over a fake transport.
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook } from '@testing-library/react';
import { ApiProvider } from '../../../../renderer/src/api/api-context';
import { FakeTransport } from './fake-transport';

export function newClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false } } });
}

function wrapperFor(transport: FakeTransport, client: QueryClient) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={client}>
        <ApiProvider transport={transport}>{children}</ApiProvider>
      </QueryClientProvider>
    );
  };
}

export function renderWithApi(ui: ReactNode, transport = new FakeTransport(), client = newClient()) {
  return { transport, client, ...render(ui, { wrapper: wrapperFor(transport, client) }) };
}

export function renderHookWithApi<T>(hook: () => T, transport = new FakeTransport(), client = newClient()) {
  return { transport, client, ...renderHook(hook, { wrapper: wrapperFor(transport, client) }) };
}
