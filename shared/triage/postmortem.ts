// The postmortem a session exports, as Markdown: summary, impact measured from the captures and
// the watched changes, the timeline, the actions taken with their CLI equivalents, the captures
// (charts as PNG files beside the document), notes, findings and follow-ups. Pure: the exporter
// gives it the session's entries and the chart files it wrote.
import { measureImpact, type Impact } from './impact';
import type { Entry, EntryOf } from './session';
import { buildTimeline, type SessionState, type TimelineItem } from './timeline';

/** Watched changes listed one by one in the timeline; the rest are counted (all are in the JSON export). */
export const MAX_LISTED_CHANGES = 400;

export interface PostmortemInput {
  state: SessionState;
  entries: readonly Entry[];
  /** Capture entry id → chart file, relative to the document (charts/<id>.png). */
  charts: ReadonlyMap<string, string>;
  /** When the document is written: the end of an active session's window. */
  now: number;
  jsonFile: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const time = (at: string | number) => iso(typeof at === 'number' ? at : Date.parse(at)).slice(11, 19);
const dateTime = (at: string | number) => iso(typeof at === 'number' ? at : Date.parse(at)).replace('T', ' ').slice(0, 19) + ' UTC';
const fmt = (n: number) => n.toLocaleString('en');

export function formatSpan(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Text safe in a table cell: no pipes, no line breaks, no HTML. */
export const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
/** Text safe on a line of its own: no HTML, no accidental heading. */
const line = (text: string) => text.replace(/</g, '&lt;');
/** A note's Markdown under the document's own headings: its headings become bold lines. */
const demoted = (markdown: string) => markdown.replace(/</g, '&lt;').replace(/^#{1,6}\s+(.*)$/gm, '**$1**');
const fence = (text: string) => {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
};

function impactSection(impact: Impact): string[] {
  const out = ['## Impact', ''];
  const basis = `Measured from ${impact.captures} capture${impact.captures === 1 ? '' : 's'} and ${impact.changes} watched change${impact.changes === 1 ? '' : 's'}`;
  out.push(`${basis}, over the session (${dateTime(impact.from)} – ${dateTime(impact.to)}); a history capture also covers what its chart showed before.`, '');
  if (impact.groups.length > 0) {
    out.push('### Consumer groups', '', '| Group | Peak lag | Peak lag (time) | Not Stable for | States seen | Members left / joined | From |', '|---|---:|---:|---:|---|---:|---|');
    for (const g of impact.groups) {
      const peakLag = g.peakLag ? `${fmt(g.peakLag.value)} at ${time(g.peakLag.at)}` : '—';
      const peakSeconds = g.peakLagSeconds ? `${formatSpan(g.peakLagSeconds.value * 1000)} at ${time(g.peakLagSeconds.at)}` : '—';
      const notStable = g.notStableMs === null ? '—' : `${formatSpan(g.notStableMs)}${g.stateCoverage ? ` (of ${formatSpan(g.stateCoverage.to - g.stateCoverage.from)} observed)` : ''}`;
      out.push(`| \`${cell(g.groupId)}\` | ${peakLag} | ${peakSeconds} | ${notStable} | ${cell(g.statesSeen.join(', ') || '—')} | ${g.membersLeft} / ${g.membersJoined} | ${cell(g.sources.join(', '))} |`);
    }
    out.push('');
  }
  if (impact.pipelines.length > 0 || impact.mismatchesRaised > 0 || impact.mismatchesResolved > 0) {
    out.push('### Replication', '', `Divergent mismatches raised during the session: **${impact.mismatchesRaised}**; resolved: **${impact.mismatchesResolved}**.`, '');
    if (impact.pipelines.length > 0) {
      out.push('| Pipeline | Raised | Resolved | Divergent: first → peak → last seen |', '|---|---:|---:|---|');
      for (const p of impact.pipelines) out.push(`| ${cell(p.name)} | ${p.raised} | ${p.resolved} | ${[p.divergentAtStart, p.divergentPeak, p.divergentAtEnd].map((n) => (n === null ? '—' : fmt(n))).join(' → ')} |`);
      out.push('');
    }
  }
  const a = impact.actions;
  out.push(`Control actions: ${a.applied} applied, ${a.refused} refused${a.refusedReadOnly ? ` (${a.refusedReadOnly} on a read-only production profile)` : ''}, ${a.failed} failed, ${a.unknown} unknown, ${a.pending} pending.`);
  if (impact.writeGrants.length > 0) {
    out.push('', `Production write access was granted ${impact.writeGrants.length} time${impact.writeGrants.length === 1 ? '' : 's'}:`);
    for (const g of impact.writeGrants) out.push(`- ${line(g.profile)}, ${g.minutes} min, by ${line(g.by)}: “${line(g.reason)}”`);
  }
  if (impact.groups.length === 0 && impact.pipelines.length === 0) out.push('', '_No group or pipeline was captured or watched, so no impact could be measured._');
  out.push('');
  return out;
}

function timelineSection(items: readonly TimelineItem[]): string[] {
  const out = ['## Timeline', '', '| Time (UTC) | Kind | Who | What |', '|---|---|---|---|'];
  const changes = items.filter((i) => i.entry.kind === 'change' && !i.pinned);
  const listedChanges = new Set(changes.slice(0, MAX_LISTED_CHANGES).map((i) => i.entry.id));
  for (const item of items) {
    const e = item.entry;
    if (e.kind === 'change' && !item.pinned && !listedChanges.has(e.id)) continue;
    const result = item.outcome?.result ?? (e.kind === 'action' && e.data.phase === 'refused' ? 'refused' : e.kind === 'action' && e.data.phase === 'intent' ? 'pending' : null);
    out.push(`| ${time(e.at)} | ${item.pinned ? '★ ' : ''}${e.kind} | ${cell(e.actor)} | ${cell(e.title)}${result ? ` — **${result}**` : ''} |`);
  }
  if (changes.length > listedChanges.size) out.push('', `_${fmt(changes.length - listedChanges.size)} more watched changes are in the JSON export._`);
  out.push('');
  return out;
}

function actionsSection(items: readonly TimelineItem[]): string[] {
  const actions = items.filter((i): i is TimelineItem & { entry: EntryOf<'action'> } => i.entry.kind === 'action');
  const out = ['## Actions taken', ''];
  if (actions.length === 0) return [...out, '_No control action was taken during the session._', ''];
  for (const item of actions) {
    const d = item.entry.data;
    const result = item.outcome?.result ?? (d.phase === 'refused' ? 'refused' : d.phase === 'intent' ? 'pending' : d.result ?? 'unknown');
    out.push(`### ${time(item.entry.at)} ${line(d.action)} — ${result}`, '');
    out.push(`- Profile: ${line(d.profile.name)}${d.profile.production ? ' (production)' : ''}`);
    out.push(`- Target: \`${cell(JSON.stringify(d.target ?? null)).slice(0, 500)}\``);
    out.push(`- By: ${line(item.entry.actor)}${d.profile.production && d.phase !== 'refused' ? ', confirmed by typing the profile name, under a write grant' : ''}`);
    const error = item.outcome?.error ?? d.error;
    const note = item.outcome?.note ?? d.note;
    if (error) out.push(`- ${result === 'refused' ? 'Reason' : 'Error'}: ${line(error)}`);
    if (note) out.push(`- Note: ${line(note)}`);
    const command = item.outcome?.command ?? d.command;
    if (command) {
      const f = fence(command);
      out.push('', 'CLI equivalent:', '', `${f}sh`, command, f);
    }
    out.push('');
  }
  return out;
}

function capturesSection(items: readonly TimelineItem[], charts: ReadonlyMap<string, string>): string[] {
  const captures = items.filter((i): i is TimelineItem & { entry: EntryOf<'capture'> } => i.entry.kind === 'capture');
  if (captures.length === 0) return [];
  const out = ['## Captures', ''];
  for (const item of captures) {
    const e = item.entry;
    out.push(`### ${time(e.at)} ${line(e.title)}`, '', `Captured by ${line(e.actor)} from the ${line(e.data.view)} view${e.data.subject ? ` of ${e.data.subject.kind} \`${cell(e.data.subject.id)}\`` : ''}.`, '');
    const chart = charts.get(e.id);
    if (chart) out.push(`![${cell(e.title)}](${chart})`, '');
  }
  return out;
}

function notesSection(items: readonly TimelineItem[]): string[] {
  const notes = items.filter((i): i is TimelineItem & { entry: EntryOf<'note'> } => i.entry.kind === 'note' && i.entry.actor !== 'Sluice');
  if (notes.length === 0) return [];
  const out = ['## Notes', ''];
  for (const item of notes) out.push(`#### ${time(item.entry.at)} · ${line(item.entry.actor)}${item.pinned ? ' ★' : ''}`, '', demoted(item.entry.data.markdown), '');
  return out;
}

export function renderPostmortem(input: PostmortemInput): { markdown: string; impact: Impact } {
  const { state } = input;
  const end = state.endedAt ? Date.parse(state.endedAt) : input.now;
  const start = Date.parse(state.startedAt);
  const impact = measureImpact(input.entries, { from: start, to: end });
  const { items } = buildTimeline(input.entries, { now: input.now });
  const out: string[] = [
    `# Postmortem: ${line(state.title)}`, '',
    '| | |', '|---|---|',
    `| Severity | ${state.severity} |`,
    `| Started | ${dateTime(start)} |`,
    `| ${state.endedAt ? 'Ended' : 'Exported (still active)'} | ${dateTime(end)} (${formatSpan(end - start)}) |`,
    `| Triaged by | ${cell(state.participants.join(', '))} |`,
    `| Profiles | ${cell(state.profiles.map((p) => `${p.name}${p.production ? ' (production)' : ''}`).join(', ') || '—')} |`,
    `| Watched | ${cell(state.watches.map((w) => `${w.target.kind} ${w.target.id}`).slice(0, 50).join(', ') || '—')}${state.watches.length > 50 ? ` and ${state.watches.length - 50} more` : ''} |`,
    `| Session | \`${state.id}\` (${fmt(state.entries)} entries; all of them in [${input.jsonFile}](${input.jsonFile})) |`,
    '',
    '## Summary', '',
    state.summary ? line(state.summary) : '_No summary yet: the session has not ended._', '',
    ...impactSection(impact),
    ...timelineSection(items),
    ...actionsSection(items),
    ...capturesSection(items, input.charts),
    ...notesSection(items),
    '## Findings', '',
    ...(state.findings.length ? state.findings.map((f) => `- ${line(f)}`) : ['_None recorded._']), '',
    '## Follow-ups', '',
    ...(state.followUps.length ? state.followUps.map((f) => `- [ ] ${line(f)}`) : ['_None recorded._']), '',
  ];
  return { markdown: out.join('\n'), impact };
}
