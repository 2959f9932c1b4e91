// The frame around every page: navigation, the profile switcher, and the environment colour.
// A production profile is impossible to miss: a thick coloured bar and a PRODUCTION label.
import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAction, useLive } from '../api/hooks';
import { hrefFor, type Route } from '../router';

const nav: Array<{ route: Route; label: string; key: string }> = [
  { route: { page: 'groups' }, label: 'Consumer groups', key: 'g' },
  { route: { page: 'cluster' }, label: 'Cluster', key: 'c' },
  { route: { page: 'replication' }, label: 'Replication', key: 'r' },
  { route: { page: 'ledger' }, label: 'Ledger', key: 'l' },
  { route: { page: 'profiles' }, label: 'Connections', key: 'p' },
  { route: { page: 'audit' }, label: 'Audit log', key: 'a' },
];

export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const profiles = useLive('profiles.list', {});
  const activate = useAction('profiles.activate');
  const client = useQueryClient();
  const active = profiles.data?.profiles.find((p) => p.id === profiles.data?.activeProfileId) ?? null;
  const current = route.page === 'group' ? 'groups' : route.page === 'mismatch' ? 'replication' : route.page;

  return (
    <div className={`app ${active?.production ? 'production' : ''}`} style={{ ['--env-color' as string]: active?.color ?? '#64748b' }}>
      <header className="topbar">
        <div className="env-bar" aria-hidden />
        <a className="brand" href="#/groups">Sluice</a>
        <nav aria-label="Main">
          {nav.map((item) => (
            <a key={item.key} href={hrefFor(item.route)} aria-current={current === item.route.page ? 'page' : undefined} title={`Alt+${item.key.toUpperCase()}`}>
              {item.label}
            </a>
          ))}
        </nav>
        <div className="profile-switcher">
          {active?.production && <span className="production-label" data-testid="production-label">PRODUCTION</span>}
          <span className="env-dot" aria-hidden />
          <label className="visually-hidden" htmlFor="profile-select">Connection profile</label>
          <select
            id="profile-select"
            data-testid="profile-select"
            value={active?.id ?? ''}
            disabled={activate.isPending || !profiles.data?.profiles.length}
            onChange={(e) => activate.mutate({ id: e.target.value }, { onSuccess: () => void client.resetQueries({ predicate: (q) => q.queryKey[0] !== 'profiles.list' }) })}
          >
            {!profiles.data?.profiles.length && <option value="">No profile</option>}
            {profiles.data?.profiles.map((p) => (
              <option key={p.id} value={p.id}>{p.name}{p.production ? ' (production)' : ''}</option>
            ))}
          </select>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
