// app.info: which version answers, over which transport.
import type { appContract } from '../../shared/app/contract';
import type { HandlerSlice } from '../platform/handler-types';

export const appHandlers = (info: { version: string; transport: 'electron' | 'web' }): HandlerSlice<typeof appContract> => ({
  'app.info': () => info,
});
