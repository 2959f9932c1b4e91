// Console addresses for what a timeline entry is about, so an entry can jump back to the live
// page. They follow renderer/src/route.ts; pages that main does not know (topics) get the address
// their slice is expected to use, and the renderer falls back to the groups page for anything else.
import type { WatchTarget } from './session';

const part = (value: string) => encodeURIComponent(value);

export const groupLink = (groupId: string) => `#/groups/${part(groupId)}`;
export const topicLink = (topic: string) => `#/topics/${part(topic)}`;
export const pipelinesLink = () => '#/replication';
export const mismatchLink = (mismatchId: string) => `#/replication/mismatches/${part(mismatchId)}`;
export const subjectLink = (subject: string) => `#/schemas/${part(subject)}`;
export const auditLink = () => '#/audit';
export const triageLink = (sessionId: string) => `#/triage/${part(sessionId)}`;

export function watchLink(target: WatchTarget): string {
  switch (target.kind) {
    case 'group': return groupLink(target.id);
    case 'topic': return topicLink(target.id);
    case 'pipeline': return pipelinesLink();
  }
}

/** The page an audited action's target lives on: its group, mismatch or subject, else the audit log. */
export function actionLink(target: unknown): string {
  if (target && typeof target === 'object') {
    const t = target as Record<string, unknown>;
    if (typeof t.groupId === 'string') return groupLink(t.groupId);
    if (typeof t.mismatchId === 'string') return mismatchLink(t.mismatchId);
    if (typeof t.subject === 'string') return subjectLink(t.subject);
  }
  return auditLink();
}

/** A short phrase for an action's target, for one-line timeline titles. */
export function targetPhrase(target: unknown): string {
  if (target && typeof target === 'object') {
    const t = target as Record<string, unknown>;
    for (const key of ['groupId', 'subject', 'mismatchId', 'jobId', 'topic']) {
      if (typeof t[key] === 'string') return `${key === 'groupId' ? 'group' : key === 'mismatchId' ? 'mismatch' : key === 'jobId' ? 'job' : key} ${t[key] as string}`;
    }
  }
  return 'its target';
}
