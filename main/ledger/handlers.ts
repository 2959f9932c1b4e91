// The ledger slice: the ledger API (SLUICE_LEDGER_URL and SLUICE_LEDGER_TOKEN), read only.
import type { ledgerContract } from '../../shared/ledger/contract';
import { notConfigured } from '../platform/service-client';
import type { HandlerSlice } from '../platform/handler-types';
import { LedgerClient } from './ledger-client';

export interface LedgerSettings {
  ledgerUrl: string | null;
  ledgerToken: string | null;
}

export const ledgerSettingsFromEnvironment = (env: NodeJS.ProcessEnv = process.env): LedgerSettings => ({
  ledgerUrl: env.SLUICE_LEDGER_URL || null,
  ledgerToken: env.SLUICE_LEDGER_TOKEN || null,
});

export function ledgerHandlers(settings: LedgerSettings): HandlerSlice<typeof ledgerContract> {
  const client = settings.ledgerUrl ? new LedgerClient({ baseUrl: settings.ledgerUrl, token: settings.ledgerToken }) : null;
  const ledger = () => {
    if (!client) throw notConfigured('ledger API', 'SLUICE_LEDGER_URL');
    return client;
  };
  return {
    'ledger.payment': ({ paymentId }) => ledger().payment(paymentId),
    'ledger.payments': (input) => ledger().payments(input),
    'ledger.outboxHealth': () => ledger().outboxHealth(),
  };
}
