// The postmortem renderer: impact figures measured from captures and watched changes, the timeline,
// actions with their CLI equivalents, notes and charts — and Markdown that user text cannot break.
import { describe, expect, it } from 'vitest';
import { measureImpact } from '../../../../shared/triage/impact';
import { cell, renderPostmortem } from '../../../../shared/triage/postmortem';
import { decisionDraft, involved } from '../../../../shared/triage/decision-draft';
import { parseAdr } from '../../../../shared/workspace/adr';
import type { Entry } from '../../../../shared/triage/session';
import { orderEntries, sessionState } from '../../../../shared/triage/timeline';

const T = (hhmm: string) => Date.parse(`2026-12-02T${hhmm}:00.000Z`);
const at = (hhmm: string) => new Date(T(hhmm)).toISOString();
const prod = { id: 'prod', name: 'Payments prod', production: true };
let serial = 0;
const e = (hhmm: string, fields: Record<string, unknown>, actor = 'ana'): Entry => ({ id: `e${++serial}`, sessionId: 's1', at: at(hhmm), actor, machine: 'laptop', link: null, ...fields }) as Entry;
const change = (hhmm: string, subject: { kind: string; id: string }, change: string, extra: Record<string, unknown> = {}) => e(hhmm, { kind: 'change', title: `${subject.id}: ${change}`, data: { subject, change, ...extra } }, 'Sluice');

const entries: Entry[] = [
  e('10:00', { kind: 'session', title: 'Session started', data: { event: 'started', title: 'Ledger writer | behind', severity: 'SEV2', profiles: [prod], who: 'ana' } }),
  e('10:01', { kind: 'watch', title: 'Watching', data: { target: { kind: 'group', id: 'ledger-writer' }, on: true, thresholds: { lag: 1000, lagSeconds: null } } }),
  e('10:20', {
    kind: 'capture', title: 'History of ledger-writer', data: {
      view: 'group-history', subject: { kind: 'group', id: 'ledger-writer' }, image: { file: 'c1.png', width: 600, height: 220, bytes: 1234 },
      data: {
        kind: 'group-history', groupId: 'ledger-writer', state: 'Stable',
        lag: [[T('10:05'), 100, 5], [T('10:10'), 5000, 120], [T('10:15'), 200, 10]],
        states: [{ state: 'Stable', from: T('09:50'), to: T('10:08') }, { state: 'Reconciling', from: T('10:08'), to: T('10:12') }, { state: 'Stable', from: T('10:12'), to: T('10:20') }],
        events: [], epochs: { groupEpoch: 7, assignmentEpoch: 7 }, timeInStateMs: {}, since: T('09:50'), generatedAt: T('10:20'),
      },
    },
  }),
  change('10:21', { kind: 'group', id: 'ledger-writer' }, 'lag-above', { to: 1500, detail: { threshold: 1000, lagSeconds: 30 } }),
  change('10:25', { kind: 'group', id: 'ledger-writer' }, 'state', { from: 'Stable', to: 'Empty' }),
  change('10:25', { kind: 'group', id: 'ledger-writer' }, 'member-left', { from: 3, to: 0 }),
  change('10:27', { kind: 'group', id: 'ledger-writer' }, 'state', { from: 'Empty', to: 'Stable' }),
  change('10:22', { kind: 'pipeline', id: 'p1' }, 'divergent-mismatch', { detail: { mismatchId: 'm1', table: 'payments', kind: 'missing' } }),
  change('10:23', { kind: 'pipeline', id: 'p1' }, 'divergent-mismatch', { detail: { mismatchId: 'm2', table: 'payments', kind: 'differs' } }),
  change('10:28', { kind: 'pipeline', id: 'p1' }, 'mismatch-resolved', { detail: { mismatchId: 'm1', table: 'payments', kind: 'missing' } }),
  e('10:24', { kind: 'action', title: 'refused', data: { auditId: null, intentId: null, phase: 'refused', action: 'groups.resetOffsets', profile: prod, target: { groupId: 'ledger-writer' }, command: null, result: 'refused', error: '“Payments prod” is a production profile and read-only.', note: null } }),
  e('10:25', { kind: 'access', title: 'Write access', data: { event: 'granted', grantId: 'g1', profile: prod, minutes: 15, reason: 'replay the lost minutes', expiresAt: at('10:40') } }),
  e('10:26', { kind: 'action', title: 'reset', data: { auditId: 'a1', intentId: null, phase: 'intent', action: 'groups.resetOffsets', profile: prod, target: { groupId: 'ledger-writer', topics: ['payments'] }, command: 'kafka-consumer-groups --bootstrap-server b:9092 --group ledger-writer --reset-offsets --to-datetime 2026-12-02T10:05:00.000 --execute', result: null, error: null, note: null } }),
  e('10:26', { kind: 'action', title: 'reset: applied', data: { auditId: 'a2', intentId: 'a1', phase: 'outcome', action: 'groups.resetOffsets', profile: prod, target: { groupId: 'ledger-writer' }, command: null, result: 'applied', error: null, note: null } }),
  e('10:29', { kind: 'note', title: 'Cause', data: { markdown: '# Cause\nA deploy | restarted <all> members at once.' } }),
  e('10:30', { kind: 'session', title: 'Session ended', data: { event: 'ended', summary: 'The ledger writer fell 5,000 records behind after a deploy.', findings: ['Deploys restart every member at once'], followUps: ['Roll deploys one member at a time'] } }),
];
const state = sessionState(orderEntries(entries), T('10:31'))!;

describe('measureImpact', () => {
  it('measures peak lag, lag in time and time not Stable from the captures and the watched changes', () => {
    const impact = measureImpact(orderEntries(entries), { from: T('10:00'), to: T('10:30') });
    expect(impact.groups).toEqual([{
      groupId: 'ledger-writer',
      peakLag: { value: 5000, at: T('10:10') },
      peakLagSeconds: { value: 120, at: T('10:10') },
      notStableMs: 6 * 60_000,
      stateCoverage: { from: T('09:50'), to: T('10:30') },
      statesSeen: ['Stable', 'Reconciling', 'Empty'],
      membersLeft: 3, membersJoined: 0,
      sources: ['1 history capture', 'watched changes'],
    }]);
    expect(impact).toMatchObject({ mismatchesRaised: 2, mismatchesResolved: 1, captures: 1, actions: { applied: 1, refused: 1, refusedReadOnly: 1, pending: 0 } });
    expect(impact.pipelines).toEqual([expect.objectContaining({ pipelineId: 'p1', raised: 2, resolved: 1 })]);
    expect(impact.writeGrants).toEqual([{ profile: 'Payments prod', minutes: 15, reason: 'replay the lost minutes', by: 'ana' }]);
  });

  it('says when nothing could be measured', () => {
    const impact = measureImpact([entries[0]!], { from: T('10:00'), to: T('10:30') });
    expect(impact.groups).toEqual([]);
  });
});

describe('renderPostmortem', () => {
  const { markdown } = renderPostmortem({ state, entries, charts: new Map([[entries[2]!.id, 'charts/c1.png']]), now: T('10:31'), jsonFile: 'session.json' });

  it('writes the summary, the impact table with its figures, and where they come from', () => {
    expect(markdown).toContain('# Postmortem: Ledger writer | behind');
    expect(markdown).toContain('| Ended | 2026-12-02 10:30:00 UTC (30 min 0 s) |');
    expect(markdown).toContain('The ledger writer fell 5,000 records behind after a deploy.');
    expect(markdown).toContain('| `ledger-writer` | 5,000 at 10:10:00 | 2 min 0 s at 10:10:00 | 6 min 0 s (of 40 min 0 s observed) | Stable, Reconciling, Empty | 3 / 0 | 1 history capture, watched changes |');
    expect(markdown).toContain('Divergent mismatches raised during the session: **2**; resolved: **1**.');
    expect(markdown).toContain('Control actions: 1 applied, 1 refused (1 on a read-only production profile), 0 failed, 0 unknown, 0 pending.');
    expect(markdown).toContain('- Payments prod, 15 min, by ana: “replay the lost minutes”');
  });

  it('lists the timeline, the actions with their CLI equivalents, the chart beside it, notes, findings and follow-ups', () => {
    expect(markdown).toMatch(/\| 10:26:00 \| action \| ana \| reset — \*\*applied\*\* \|/);
    expect(markdown).toContain('### 10:26:00 groups.resetOffsets — applied');
    expect(markdown).toContain('```sh\nkafka-consumer-groups --bootstrap-server b:9092 --group ledger-writer --reset-offsets --to-datetime 2026-12-02T10:05:00.000 --execute\n```');
    expect(markdown).toContain('- Reason: “Payments prod” is a production profile and read-only.');
    expect(markdown).toContain('![History of ledger-writer](charts/c1.png)');
    expect(markdown).toContain('**Cause**\nA deploy | restarted &lt;all> members at once.');
    expect(markdown).toContain('## Findings\n\n- Deploys restart every member at once');
    expect(markdown).toContain('## Follow-ups\n\n- [ ] Roll deploys one member at a time');
    expect(markdown.indexOf('## Impact')).toBeLessThan(markdown.indexOf('## Timeline'));
  });

  it('keeps table cells in one piece', () => {
    expect(cell('a|b\nc<script>')).toBe('a\\|b c&lt;script>');
  });
});

describe('decisionDraft', () => {
  it('is a proposed MADR record linking the session, its groups and topics', () => {
    const { impact } = renderPostmortem({ state, entries, charts: new Map(), now: T('10:31'), jsonFile: 'session.json' });
    const text = decisionDraft({ state, entries, impact, date: '2026-12-02', postmortemPath: '/data/triage/exports/s1/postmortem.md' });
    const { adr, diagnostics } = parseAdr('decisions/0009-follow-up.md', text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(adr).toMatchObject({ number: 9, statusKind: 'proposed', title: 'Follow-up to the incident “Ledger writer | behind”', links: { groups: ['ledger-writer'], topics: ['payments'] } });
    expect(text).toContain('triage session `s1`');
    expect(text).toContain('* Roll deploys one member at a time');
    expect(involved(state, entries)).toEqual({ groups: ['ledger-writer'], topics: ['payments'], subjects: [] });
  });
});
