// The app itself: which version answers, and over which transport.
import { z } from 'zod';
import { method, noInput } from '../common/contract-method';

export const appContract = {
  'app.info': method({
    input: noInput,
    output: z.object({ version: z.string(), transport: z.enum(['electron', 'web']) }),
  }),
};
