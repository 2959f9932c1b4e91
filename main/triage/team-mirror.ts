// The team store (filled in later).
import type { TeamStatus } from '../../shared/triage/contract';
import type { SessionSummary } from '../../shared/triage/timeline';
import type { EntryKind } from '../../shared/triage/session';
import type { Timeline } from '../../shared/triage/timeline';
import type { StoredSession } from './session-store';

export interface TeamMirror {
  status(): TeamStatus;
  sessions(): Promise<SessionSummary[]>;
  view(id: string, options: { kinds?: EntryKind[]; text?: string; limit: number; now: number }): Promise<Timeline | null>;
  pull(id: string): Promise<StoredSession>;
}
