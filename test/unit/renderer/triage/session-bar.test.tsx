// The shell's session bar and the Capture button over a fake main: what they show for the active
// session and a production profile's write grant, and what a capture sends.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CaptureButton } from '../../../../renderer/src/components/capture-button';
import { formatDuration, SessionBar } from '../../../../renderer/src/components/session-bar';
import { renderWithApi } from '../support/render';

const now = '2026-12-02T10:30:00.000Z';
const prod = { id: 'prod', name: 'Payments prod', production: true };
const profileView = { ...prod, bootstrapBrokers: ['b:9092'], color: '#dc2626', tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '' }, registry: { url: '', username: '' }, hasPassword: false, hasRegistryPassword: false, fromEnvironment: false };
const session = { id: 's1', title: 'Payments lag', severity: 'SEV2', who: 'ana', profiles: [prod], startedAt: '2026-12-02T10:00:00.000Z', endedAt: null, summary: null, entries: 3, participants: ['ana'], machines: ['laptop'] };
const grant = { grantId: 'g1', profile: prod, reason: 'reset', minutes: 30, by: 'ana', grantedAt: '2026-12-02T10:20:00.000Z', expiresAt: '2026-12-02T10:50:00.000Z', state: 'active', endedAt: null };

describe('formatDuration', () => {
  it('reads as minutes and seconds, with hours when there are some', () => {
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(-5)).toBe('0:00');
  });
});

describe('SessionBar', () => {
  it('offers to start a session, and says a production profile is read-only', async () => {
    const { transport } = renderWithApi(<SessionBar />);
    await act(async () => {
      transport.pushValue('triage.active', { session: null, grants: [], watches: 0, who: 'ana', now });
      transport.pushValue('profiles.list', { profiles: [profileView], activeProfileId: 'prod', secretStorage: { kind: 'memory', warning: null } });
    });
    expect((await screen.findByTestId('session-start')).getAttribute('href')).toBe('#/triage');
    expect(await screen.findByTestId('read-only')).toBeTruthy();
    expect(screen.queryByTestId('grant-write')).toBeNull();
  });

  it('shows the running session and counts down a write grant to its expiry; grants with a reason', async () => {
    const { transport } = renderWithApi(<SessionBar />);
    transport.answer('triage.grantWrite', (input) => ({ ok: true, value: { ...grant, ...(input as object) } }));
    await act(async () => {
      transport.pushValue('triage.active', { session, grants: [], watches: 1, who: 'ana', now });
      transport.pushValue('profiles.list', { profiles: [profileView], activeProfileId: 'prod', secretStorage: { kind: 'memory', warning: null } });
    });
    await screen.findByTestId('grant-write');
    expect(screen.getByTestId('session-running').textContent).toMatch(/SEV2 · Payments lag (29:5\d|30:0\d)/);
    fireEvent.click(screen.getByTestId('grant-write'));
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'reset the stuck group' } });
    fireEvent.change(screen.getByLabelText('Minutes'), { target: { value: '15' } });
    await act(async () => { fireEvent.click(screen.getByTestId('grant-submit')); });
    expect(transport.callsOf('triage.grantWrite')).toEqual([{ minutes: 15, reason: 'reset the stuck group' }]);
    await act(async () => { transport.pushValue('triage.active', { session, grants: [grant], watches: 1, who: 'ana', now }); });
    expect((await screen.findByTestId('write-countdown')).textContent).toMatch(/writable · (20:00|19:5\d) left/);
  });
});

describe('CaptureButton', () => {
  it('is disabled without a session, and sends the view’s data and link with one', async () => {
    window.location.hash = '#/groups/inventory-sync';
    const { transport } = renderWithApi(<CaptureButton view="group" title="Group inventory-sync" subject={{ kind: 'group', id: 'inventory-sync' }} data={() => ({ kind: 'group', state: 'Stable' })} />);
    transport.answer('triage.capture', () => ({ ok: true, value: { entryId: 'e1', image: false } }));
    await act(async () => { transport.pushValue('triage.active', { session: null, grants: [], watches: 0, who: 'ana', now }); });
    expect((screen.getByTestId('capture-button') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => { transport.pushValue('triage.active', { session, grants: [], watches: 0, who: 'ana', now }); });
    await waitFor(() => expect((screen.getByTestId('capture-button') as HTMLButtonElement).disabled).toBe(false));
    await act(async () => { fireEvent.click(screen.getByTestId('capture-button')); });
    expect(transport.callsOf('triage.capture')).toEqual([{ view: 'group', title: 'Group inventory-sync', subject: { kind: 'group', id: 'inventory-sync' }, data: { kind: 'group', state: 'Stable' }, image: null, link: '#/groups/inventory-sync' }]);
    expect((await screen.findByTestId('capture-done')).textContent).toBe('Captured');
  });
});
