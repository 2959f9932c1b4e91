// The records slice: reads of a topic as scans observed live, one record at an offset, reveal and
// export (audited when they show masked fields), and produce (previewed, confirmed, audited).
import type { recordsContract } from '../../shared/records/contract';
import type { HandlerSlice } from '../platform/handler-types';
import { produceRecord, type ProduceDependencies } from './produce';
import type { RecordsService } from './records-service';

export function recordsHandlers(records: RecordsService, produce: Omit<ProduceDependencies, 'records'>): HandlerSlice<typeof recordsContract> {
  return {
    'records.partitions': ({ topic }) => records.partitions(topic),
    'records.read': (input) => records.read(input),
    'records.scan': ({ scanId }) => records.progress(scanId),
    'records.results': ({ scanId, from, count }) => records.results(scanId, from, count),
    'records.cancel': ({ scanId }) => records.cancel(scanId),
    'records.at': ({ topic, partition, offset }) => records.at(topic, partition, offset),
    'records.reveal': (input) => records.reveal(input),
    'records.export': (input) => records.export(input),
    'records.produce': (input) => produceRecord({ ...produce, records }, input),
  };
}
