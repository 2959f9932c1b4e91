import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app';
import { electronTransport } from './api/electron-transport';
import { ApiProvider } from './api/api-context';
import { takeTokenFromUrl, webTransport } from './api/web-transport';
import './styles.css';

const transport = window.sluice ? electronTransport(window.sluice) : webTransport(takeTokenFromUrl());
const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ApiProvider transport={transport}>
        <App />
      </ApiProvider>
    </QueryClientProvider>
  </StrictMode>,
);
