// The sidebar: pages grouped by job, an entry only for a page whose route exists (topics, brokers
// and triage sessions appear by adding their routes), the current page marked for a detail page
// too, collapsing to icons remembered across restarts, and the Alt+<letter> shortcuts.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { parseRoute, type Route } from '../../../renderer/src/route';
import { currentLink, navEntries, navGroups, navLinks } from '../../../renderer/src/components/navigation/nav-entries';
import { Sidebar } from '../../../renderer/src/components/navigation/sidebar';
import { keyLetter, useGlobalShortcuts } from '../../../renderer/src/components/navigation/use-global-shortcuts';
import { usePaletteStore, useUiStore } from '../../../renderer/src/stores/ui-store';

/**
 * Today's router, told it also knows some pages (as it will once their routes are added) or does
 * not know others yet, so these tests keep their meaning when those routes arrive.
 */
const routerWith = (known: string[], unknown: string[] = []) => (hash: string): Route => {
  const page = hash.replace(/^#\//, '');
  if (known.includes(page)) return { page } as unknown as Route;
  return unknown.includes(page) ? { page: 'groups' } : parseRoute(hash);
};

const labelsBySection = (links: ReturnType<typeof navLinks>) => navGroups(links).map((s) => [s.title, s.links.map((l) => l.label)]);

beforeEach(() => {
  useUiStore.setState({ sidebarCollapsed: false });
  usePaletteStore.setState({ paletteOpen: false });
  window.location.hash = '#/groups';
});

describe('navigation entries', () => {
  it('group the pages by job, in this order', () => {
    const links = navLinks(navEntries, routerWith(['topics', 'brokers', 'triage']));
    expect(labelsBySection(links)).toEqual([
      ['Operate', ['Overview', 'Consumer groups', 'Topics', 'Brokers']],
      ['Pipelines', ['Replication', 'Ledger']],
      ['Govern', ['Schemas', 'Governance', 'Decisions', 'Dictionary', 'Ontology', 'Workspace']],
      ['Incidents', ['Audit log', 'Triage sessions']],
      ['Connections', ['Connections']],
    ]);
  });

  it('leave out a page whose route does not exist yet, and its shortcut with it', () => {
    const links = navLinks(navEntries, routerWith(['brokers'], ['topics', 'triage']));
    expect(links.map((l) => l.page)).not.toContain('topics');
    expect(links.map((l) => l.page)).not.toContain('triage');
    expect(links.find((l) => l.page === 'brokers')?.href).toBe('#/brokers');
    // Overview is the cluster page.
    expect(links.find((l) => l.label === 'Overview')?.href).toBe('#/cluster');
  });

  it('with today’s router, link only to pages it can show', () => {
    for (const link of navLinks()) expect(parseRoute(link.href).page).toBe(link.page);
  });

  it('give every page its own Alt letter', () => {
    const keys = navEntries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('mark the list a detail page was opened from', () => {
    const links = navLinks();
    const current = (route: Route) => currentLink(route, links)?.label;
    expect(current({ page: 'group', groupId: 'orders/eu' })).toBe('Consumer groups');
    expect(current({ page: 'mismatch', mismatchId: '17' })).toBe('Replication');
    expect(current({ page: 'decision', number: 3 })).toBe('Decisions');
    expect(current({ page: 'subject', subject: 'payments-value', tab: 'diff' })).toBe('Schemas');
    expect(current({ page: 'ledger', paymentId: 'pay_1' })).toBe('Ledger');
    expect(current({ page: 'workspace', file: 'decisions/0001.md', line: 3 })).toBe('Workspace');
    expect(current({ page: 'cluster' })).toBe('Overview');
    expect(current({ page: 'profiles' })).toBe('Connections');
  });
});

describe('the sidebar', () => {
  const renderSidebar = (route: Route) => render(<Sidebar route={route} />);

  it('is the main navigation: links by name, one section heading each, the current page marked', () => {
    renderSidebar({ page: 'group', groupId: 'orders' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('list').map((l) => l.getAttribute('aria-label') ?? document.getElementById(l.getAttribute('aria-labelledby')!)?.textContent))
      .toEqual(['Operate', 'Pipelines', 'Govern', 'Incidents', 'Connections']);
    const current = within(nav).getAllByRole('link').filter((a) => a.getAttribute('aria-current') === 'page');
    expect(current.map((a) => a.textContent)).toEqual(['Consumer groups']);
    expect(within(nav).getByRole('link', { name: 'Audit log' }).getAttribute('href')).toBe('#/audit');
    expect(within(nav).getByRole('link', { name: 'Consumer groups' }).getAttribute('aria-keyshortcuts')).toBe('Alt+G');
  });

  it('collapses to icons, keeps every link’s name, and remembers it across restarts', () => {
    renderSidebar({ page: 'cluster' });
    const before = screen.getAllByRole('link').map((a) => a.textContent);
    act(() => { fireEvent.click(screen.getByRole('button', { name: 'Collapse sidebar' })); });
    expect(screen.getByTestId('sidebar').classList.contains('collapsed')).toBe(true);
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(before);
    expect(screen.getByRole('link', { name: 'Consumer groups' }).getAttribute('title')).toBe('Consumer groups (Alt+G)');
    expect(JSON.parse(localStorage.getItem('sluice.ui')!).state.sidebarCollapsed).toBe(true);
    act(() => { fireEvent.click(screen.getByRole('button', { name: 'Expand sidebar' })); });
    expect(screen.getByTestId('sidebar').classList.contains('collapsed')).toBe(false);
    expect(JSON.parse(localStorage.getItem('sluice.ui')!).state.sidebarCollapsed).toBe(false);
  });

  it('shows an entry as soon as its route exists', () => {
    render(<Sidebar route={{ page: 'cluster' }} links={navLinks(navEntries, routerWith(['topics'], ['brokers']))} />);
    const operate = screen.getByRole('list', { name: 'Operate' });
    expect(within(operate).getAllByRole('link').map((a) => a.textContent)).toEqual(['Overview', 'Consumer groups', 'Topics']);
  });
});

describe('Alt+<letter>', () => {
  function Shortcuts({ links }: { links?: ReturnType<typeof navLinks> }) {
    useGlobalShortcuts(links);
    return null;
  }
  const alt = (key: string, code: string) => act(() => { fireEvent.keyDown(window, { key, code, altKey: true }); });

  it('opens the page with that letter, and closes the palette', () => {
    render(<Shortcuts />);
    usePaletteStore.setState({ paletteOpen: true });
    alt('r', 'KeyR');
    expect(window.location.hash).toBe('#/replication');
    expect(usePaletteStore.getState().paletteOpen).toBe(false);
    alt('c', 'KeyC');
    expect(window.location.hash).toBe('#/cluster');
  });

  it('reads the physical key when Option turns the letter into a symbol (macOS)', () => {
    render(<Shortcuts />);
    alt('©', 'KeyG');
    expect(window.location.hash).toBe('#/groups');
    expect(keyLetter({ key: 'Dead', code: 'Digit1' })).toBeNull();
  });

  it('does nothing for a page whose route does not exist yet', () => {
    render(<Shortcuts links={navLinks(navEntries, routerWith([], ['topics']))} />);
    window.location.hash = '#/audit';
    alt('k', 'KeyK');
    expect(window.location.hash).toBe('#/audit');
  });
});
