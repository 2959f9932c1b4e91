// The frame around every page: navigation, the profile switcher, and the environment colour.
// A production profile is impossible to miss: a thick coloured bar and a PRODUCTION label.
import type { ReactNode } from 'react';
import { useActivateProfile, useProfiles } from '../api/profiles';
import { hrefFor, type Route } from '../router';

// Operations first (the on-call SRE), then governance (the data architect), then settings.
export const nav: Array<{ route: Route; label: string; key: string; group: 'operate' | 'govern' | 'settings' }> = [
  { route: { page: 'groups' }, label: 'Consumer groups', key: 'g', group: 'operate' },
  { route: { page: 'cluster' }, label: 'Cluster', key: 'c', group: 'operate' },
  { route: { page: 'replication' }, label: 'Replication', key: 'r', group: 'operate' },
  { route: { page: 'ledger' }, label: 'Ledger', key: 'l', group: 'operate' },
  { route: { page: 'schemas' }, label: 'Schemas', key: 's', group: 'govern' },
  { route: { page: 'governance' }, label: 'Governance', key: 'v', group: 'govern' },
  { route: { page: 'decisions' }, label: 'Decisions', key: 'd', group: 'govern' },
  { route: { page: 'dictionary' }, label: 'Dictionary', key: 't', group: 'govern' },
  { route: { page: 'ontology' }, label: 'Ontology', key: 'o', group: 'govern' },
  { route: { page: 'workspace' }, label: 'Workspace', key: 'w', group: 'govern' },
  { route: { page: 'profiles' }, label: 'Connections', key: 'p', group: 'settings' },
  { route: { page: 'audit' }, label: 'Audit log', key: 'a', group: 'settings' },
];

const section: Partial<Record<Route['page'], Route['page']>> = { group: 'groups', mismatch: 'replication', decision: 'decisions', subject: 'schemas' };

export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const profiles = useProfiles();
  const activate = useActivateProfile();
  const active = profiles.data?.profiles.find((p) => p.id === profiles.data?.activeProfileId) ?? null;
  const current = section[route.page] ?? route.page;

  return (
    <div className={`app ${active?.production ? 'production' : ''}`} style={{ ['--env-color' as string]: active?.color ?? '#64748b' }}>
      <header className="topbar">
        <div className="env-bar" aria-hidden />
        <a className="brand" href="#/groups">Sluice</a>
        <nav aria-label="Main">
          {nav.map((item, i) => (
            <a key={item.key} href={hrefFor(item.route)} aria-current={current === item.route.page ? 'page' : undefined} title={`Alt+${item.key.toUpperCase()}`}
              className={i > 0 && nav[i - 1]!.group !== item.group ? 'nav-group-start' : undefined}>
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
            onChange={(e) => activate.mutate({ id: e.target.value })}
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
