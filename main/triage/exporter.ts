// Exports a session into a folder under the data folder (triage/exports/<session>/): the postmortem
// as Markdown with its charts as PNG files beside it, the whole session as JSON, and a MADR draft
// (status proposed) in the open workspace's decisions folder with the next number. Exporting again
// rewrites the folder and keeps the decision draft it wrote the first time (one per session).
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../shared/common/result';
import type { ExportResult } from '../../shared/triage/contract';
import { decisionDraft, decisionTitle } from '../../shared/triage/decision-draft';
import { renderPostmortem } from '../../shared/triage/postmortem';
import { orderEntries, sessionState } from '../../shared/triage/timeline';
import { adrFileName, nextAdrNumber } from '../../shared/workspace/adr';
import { writeFileAtomic } from '../platform/atomic-write';
import { createLogger } from '../platform/logger';
import type { WorkspaceService } from '../workspace/workspace-service';
import type { SessionStore } from './session-store';

const log = createLogger('triage-export');

/** The workspace calls the exporter needs (the workspace service has them). */
export type DecisionWorkspace = Pick<WorkspaceService, 'analysis' | 'config' | 'save'>;

interface ExportRecord { adr: { path: string; number: number } | null }

export class SessionExporter {
  constructor(private readonly store: SessionStore, private readonly dataDir: string, private readonly workspace: DecisionWorkspace | null, private readonly now: () => number = Date.now) {}

  folderOf(sessionId: string): string {
    return path.join(this.dataDir, 'triage', 'exports', sessionId);
  }

  async export(sessionId: string | null, options: { adr: boolean }): Promise<ExportResult> {
    if (!sessionId) throw new AppFailure('NOT_FOUND', 'There is no triage session to export: start one first.');
    const started = performance.now();
    const session = this.store.open(sessionId);
    const now = this.now();
    const entries = orderEntries(session.entries);
    const state = sessionState(entries, now);
    if (!state) throw new AppFailure('NOT_FOUND', `Session ${sessionId} has no start entry; its file may be damaged.`);
    const folder = this.folderOf(sessionId);
    try {
      fs.mkdirSync(path.join(folder, 'charts'), { recursive: true });
      // Charts beside the document: copies of the captured PNGs.
      const charts = new Map<string, string>();
      for (const entry of entries) {
        if (entry.kind !== 'capture' || !entry.data.image) continue;
        const name = path.basename(entry.data.image.file);
        const source = path.join(this.store.attachmentsOf(sessionId), name);
        if (!fs.existsSync(source)) continue;
        fs.copyFileSync(source, path.join(folder, 'charts', name));
        charts.set(entry.id, `charts/${name}`);
      }
      const jsonFile = 'session.json';
      const { markdown, impact } = renderPostmortem({ state, entries, charts, now, jsonFile });
      const json = JSON.stringify({ format: 'sluice-triage-session', version: 1, exportedAt: new Date(now).toISOString(), session: state, impact, entries });
      writeFileAtomic(path.join(folder, jsonFile), json, 0o644);
      writeFileAtomic(path.join(folder, 'postmortem.md'), markdown, 0o644);
      const { adr, adrProblem } = options.adr ? this.#decision(folder, state, entries, impact, now) : { adr: null, adrProblem: 'Not asked for.' };
      return {
        sessionId, folder,
        postmortem: { fileName: `postmortem-${sessionId}.md`, mediaType: 'text/markdown', content: markdown },
        json: { fileName: jsonFile, bytes: Buffer.byteLength(json) },
        charts: charts.size, adr, adrProblem,
        durationMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      if (error instanceof AppFailure) throw error;
      throw new AppFailure('AUDIT_UNAVAILABLE', `The export could not be written to ${folder} (${(error as NodeJS.ErrnoException).code ?? 'error'}); free disk space and export again.`);
    }
  }

  #decision(folder: string, state: NonNullable<ReturnType<typeof sessionState>>, entries: ReturnType<typeof orderEntries>, impact: ReturnType<typeof renderPostmortem>['impact'], now: number): { adr: ExportResult['adr']; adrProblem: string | null } {
    const workspace = this.workspace;
    const analysis = workspace?.analysis ?? null;
    const config = workspace?.config ?? null;
    if (!workspace || !analysis || !config) return { adr: null, adrProblem: 'No workspace is open: open one (Workspace page) and export again to get a decision draft in its decisions folder.' };
    const recordFile = path.join(folder, 'export.json');
    let record: ExportRecord = { adr: null };
    try {
      record = JSON.parse(fs.readFileSync(recordFile, 'utf8')) as ExportRecord;
    } catch {
      record = { adr: null };
    }
    if (record.adr && analysis.adrs.some((a) => a.file === record.adr!.path)) return { adr: record.adr, adrProblem: null };
    const number = nextAdrNumber(analysis.adrs);
    const relative = `${config.folders.decisions}/${adrFileName(number, decisionTitle(state))}`;
    const text = decisionDraft({ state, entries, impact, date: new Date(now).toISOString().slice(0, 10), postmortemPath: path.join(folder, 'postmortem.md') });
    try {
      workspace.save({ path: relative, text, baseVersion: null });
    } catch (error) {
      log.warn('Could not write the decision draft', error);
      return { adr: null, adrProblem: `The decision draft could not be written: ${error instanceof Error ? error.message : String(error)}` };
    }
    const adr = { path: relative, number };
    try {
      writeFileAtomic(recordFile, JSON.stringify({ adr } satisfies ExportRecord), 0o644);
    } catch (error) {
      log.warn('Could not remember the decision draft', error);
    }
    return { adr, adrProblem: null };
  }
}
