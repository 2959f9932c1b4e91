// A decision draft from a session: a MADR 4.0 record, status proposed, that links the session and the
// groups, topics and subjects the incident involved (front-matter `links`, which the Decisions
// pages and the drift check read), with the incident as its context and the follow-ups as options.
// Sluice drafts; a person decides.
import type { Impact } from './impact';
import type { Entry } from './session';
import type { SessionState } from './timeline';

export interface Involved { groups: string[]; topics: string[]; subjects: string[] }

const obj = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : null);

/** The groups, topics and subjects a session touched: watched, captured, or the target of an action. */
export function involved(state: SessionState, entries: readonly Entry[]): Involved {
  const groups = new Set<string>();
  const topics = new Set<string>();
  const subjects = new Set<string>();
  const fromTarget = (target: unknown) => {
    const t = obj(target);
    if (typeof t?.groupId === 'string') groups.add(t.groupId);
    if (typeof t?.topic === 'string') topics.add(t.topic);
    if (typeof t?.subject === 'string') subjects.add(t.subject);
    for (const name of Array.isArray(t?.topics) ? t.topics : []) if (typeof name === 'string') topics.add(name);
  };
  for (const w of state.watches) (w.target.kind === 'group' ? groups : w.target.kind === 'topic' ? topics : new Set<string>()).add(w.target.id);
  for (const entry of entries) {
    if (entry.kind === 'action') fromTarget(entry.data.target);
    if (entry.kind === 'watch' && entry.data.on) (entry.data.target.kind === 'group' ? groups : entry.data.target.kind === 'topic' ? topics : new Set<string>()).add(entry.data.target.id);
    if (entry.kind === 'capture') {
      const subject = entry.data.subject;
      if (subject?.kind === 'group') groups.add(subject.id);
      if (subject?.kind === 'topic') topics.add(subject.id);
      const data = obj(entry.data.data);
      fromTarget(data);
      for (const offset of Array.isArray(data?.offsets) ? data.offsets : []) fromTarget(offset);
      for (const pipeline of Array.isArray(data?.pipelines) ? data.pipelines : []) fromTarget(pipeline);
    }
  }
  const sorted = (set: Set<string>) => [...set].filter((s) => s && s !== '*').sort().slice(0, 200);
  return { groups: sorted(groups), topics: sorted(topics), subjects: sorted(subjects) };
}

/** A YAML flow list of JSON strings: any name is safe in it. */
const yamlList = (names: string[]) => `[${names.map((n) => JSON.stringify(n)).join(', ')}]`;
/** A one-line YAML value that cannot break the front matter. */
const yamlText = (text: string) => JSON.stringify(text.replace(/\s+/g, ' ').trim() || 'TBD');
const line = (text: string) => text.replace(/</g, '&lt;').replace(/\r?\n/g, ' ');

export const decisionTitle = (state: SessionState) => `Follow-up to the incident “${state.title}”`;

export function decisionDraft(input: { state: SessionState; entries: readonly Entry[]; impact: Impact; date: string; postmortemPath: string }): string {
  const { state, impact } = input;
  const links = involved(state, input.entries);
  const worst = impact.groups.filter((g) => g.peakLag || g.notStableMs).slice(0, 5).map((g) => {
    const parts = [g.peakLag ? `lag peaked at ${g.peakLag.value.toLocaleString('en')}` : null, g.notStableMs ? `not Stable for ${Math.round(g.notStableMs / 1000)} s` : null].filter(Boolean);
    return `\`${g.groupId}\` ${parts.join(', ')}`;
  });
  const front = [
    '---',
    'status: proposed',
    `date: ${input.date}`,
    `decision-makers: ${yamlText(state.participants.join(', ') || state.who)}`,
    'consulted: TBD',
    'informed: TBD',
    'links:',
    `  groups: ${yamlList(links.groups)}`,
    `  topics: ${yamlList(links.topics)}`,
    `  subjects: ${yamlList(links.subjects)}`,
    `triage-session: ${yamlText(state.id)}`,
    '---',
  ];
  const options = state.followUps.length ? state.followUps.map((f) => `* ${line(f)}`) : ['* Change what made the incident possible (describe it)'];
  return `${front.join('\n')}

# ${line(decisionTitle(state))}

## Context and Problem Statement

During the ${state.severity} incident “${line(state.title)}” (triage session \`${state.id}\`, ${state.startedAt.slice(0, 16).replace('T', ' ')} UTC${state.endedAt ? ` to ${state.endedAt.slice(0, 16).replace('T', ' ')} UTC` : ', still active when drafted'}), ${state.summary ? line(state.summary) : 'the team triaged the platform.'}
${worst.length ? `\nImpact measured in the session: ${worst.join('; ')}.` : ''}${impact.mismatchesRaised ? ` ${impact.mismatchesRaised} divergent mismatch(es) were raised and ${impact.mismatchesResolved} resolved.` : ''}

What should change so that it does not happen again?

## Decision Drivers

${state.findings.length ? state.findings.map((f) => `* ${line(f)}`).join('\n') : '* What the incident showed (from the postmortem\'s findings)'}

## Considered Options

${[...options, '* Keep things as they are, and rely on triage when it happens again'].join('\n')}

## Decision Outcome

Chosen option: TBD — to be decided by the decision-makers. This draft was written by Sluice from the triage session.

### Consequences

* Good, because …
* Bad, because …

### Confirmation

How compliance with this decision is checked (a watch, an alert, a test).

## More Information

* Triage session \`${state.id}\`; postmortem: \`${input.postmortemPath}\`
${links.groups.length ? `* Groups: ${links.groups.map((g) => `\`${g}\``).join(', ')}\n` : ''}${links.topics.length ? `* Topics: ${links.topics.map((t) => `\`${t}\``).join(', ')}\n` : ''}${links.subjects.length ? `* Subjects: ${links.subjects.map((s) => `\`${s}\``).join(', ')}\n` : ''}`;
}
