// Exports a triage session (filled in with the postmortem renderer).
import { AppFailure } from '../../shared/common/result';
import type { ExportResult } from '../../shared/triage/contract';

export class SessionExporter {
  export(_id: string | null, _options: { adr: boolean }): Promise<ExportResult> {
    return Promise.reject(new AppFailure('NOT_FOUND', 'Export is not available yet.'));
  }
}
