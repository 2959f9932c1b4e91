// The frame around every page: a top bar with the environment colour, the palette button and the
// profile switcher, the sidebar on the left, and the command palette when it is open.
// A production profile is impossible to miss: a thick striped bar across the window and a
// PRODUCTION label, whatever the sidebar's state.
import type { ReactNode } from 'react';
import { useActivateProfile, useProfiles } from '../api/profiles';
import type { Route } from '../router';
import { usePaletteStore } from '../stores/ui-store';
import { NavIcon } from './navigation/nav-icons';
import { Sidebar } from './navigation/sidebar';
import { paletteShortcut } from './navigation/use-global-shortcuts';
import { CommandPalette } from './palette/command-palette';
import { SessionBar } from './session-bar';

export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const profiles = useProfiles();
  const activate = useActivateProfile();
  const active = profiles.data?.profiles.find((p) => p.id === profiles.data?.activeProfileId) ?? null;
  const paletteOpen = usePaletteStore((s) => s.paletteOpen);
  const openPalette = usePaletteStore((s) => s.openPalette);
  const closePalette = usePaletteStore((s) => s.closePalette);
  const shortcut = paletteShortcut();

  return (
    <div className={`app ${active?.production ? 'production' : ''}`} style={{ ['--env-color' as string]: active?.color ?? '#64748b' }}>
      <header className="topbar">
        <div className="env-bar" aria-hidden />
        <a className="brand" href="#/groups">Sluice</a>
        <button type="button" className="palette-button" onClick={openPalette} aria-keyshortcuts={shortcut === '⌘K' ? 'Meta+K' : 'Control+K'}
          aria-haspopup="dialog" data-testid="palette-button">
          <NavIcon name="search" />
          <span>Go to…</span>
          <kbd>{shortcut}</kbd>
        </button>
        <SessionBar />
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
      <div className="app-body">
        <Sidebar route={route} />
        <main className="content">{children}</main>
        {/* Over the sidebar and the page, never over the top bar: the environment stays in sight. */}
        {paletteOpen && <CommandPalette onClose={closePalette} />}
      </div>
    </div>
  );
}
