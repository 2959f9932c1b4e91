// The records browser: a read (seek, limit, filter) runs as a scan in main, observed live through
// `records.scan` (progress every 250 ms) and read page by page with `records.results`; one record at
// an offset (the incident path); reveal and export, masked by default; produce, previewed first.
import { z } from 'zod';
import { method } from '../common/contract-method';
import {
  exportInputSchema, exportSchema, produceInputSchema, produceResultSchema, readInputSchema, recordAtInputSchema, recordAtSchema,
  recordLimits, recordViewSchema, resultsPageSchema, revealInputSchema, scanProgressSchema, topicPartitionsSchema,
} from './records';

const scanId = z.object({ scanId: z.string().min(1).max(100) }).strict();

export const recordsContract = {
  'records.partitions': method({ input: z.object({ topic: z.string().min(1).max(249) }).strict(), output: topicPartitionsSchema }),
  /**
   * Starts a scan; a filter that is not valid CEL is refused here, before anything is read. The
   * filter sees classified fields masked; with a reason it sees them unmasked (audited).
   */
  'records.read': method({ input: readInputSchema, output: scanProgressSchema, invalidates: ['audit.list'] }),
  'records.scan': method({ input: scanId, output: scanProgressSchema, live: 250 }),
  'records.results': method({
    input: z.object({ scanId: z.string().min(1).max(100), from: z.number().int().min(0), count: z.number().int().min(1).max(recordLimits.pageSize) }).strict(),
    output: resultsPageSchema,
  }),
  'records.cancel': method({ input: scanId, output: scanProgressSchema }),
  'records.at': method({ input: recordAtInputSchema, output: recordAtSchema }),
  /** One record with its masked fields shown; the reason goes into the audit log. */
  'records.reveal': method({ input: revealInputSchema, output: recordViewSchema, invalidates: ['audit.list'] }),
  'records.export': method({ input: exportInputSchema, output: exportSchema, invalidates: ['audit.list'] }),
  'records.produce': method({ input: produceInputSchema, output: produceResultSchema, invalidates: ['audit.list'] }),
};
