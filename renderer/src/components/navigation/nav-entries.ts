// The console's pages as the navigation shows them, grouped by the job the user is doing. One entry a
// line: a page another engineer is still building (triage sessions) is listed here
// already and appears in the sidebar, the palette and the Alt shortcuts the moment its route exists
// (renderer/src/route.ts parses it), so there is never a link to a page that is not there.
import { hrefFor, parseRoute, type Route } from '../../route';
import type { NavIconName } from './nav-icon-names';

export type NavSectionId = 'operate' | 'pipelines' | 'govern' | 'incidents' | 'connections';

/** Pages planned in the navigation whose routes other work adds; listed so the entry is one line. */
type PlannedPage = 'triage';

export interface NavEntry {
  section: NavSectionId;
  page: Route['page'] | PlannedPage;
  label: string;
  /** Alt+<key> opens the page; shown in the tooltip and in the palette. */
  key: string;
  icon: NavIconName;
  /** Other words a user may type in the palette for this page (its former name, say). */
  keywords?: string;
}

export const navSections: ReadonlyArray<{ id: NavSectionId; title: string }> = [
  { id: 'operate', title: 'Operate' },
  { id: 'pipelines', title: 'Pipelines' },
  { id: 'govern', title: 'Govern' },
  { id: 'incidents', title: 'Incidents' },
  { id: 'connections', title: 'Connections' },
];

export const navEntries: readonly NavEntry[] = [
  { section: 'operate', page: 'cluster', label: 'Overview', key: 'c', icon: 'overview', keywords: 'cluster controller' },
  { section: 'operate', page: 'groups', label: 'Consumer groups', key: 'g', icon: 'groups', keywords: 'lag consumers' },
  { section: 'operate', page: 'topics', label: 'Topics', key: 'k', icon: 'topics', keywords: 'partitions records' },
  { section: 'operate', page: 'brokers', label: 'Brokers', key: 'b', icon: 'brokers', keywords: 'nodes configs quorum' },
  { section: 'pipelines', page: 'replication', label: 'Replication', key: 'r', icon: 'replication', keywords: 'cdc mismatches pipelines' },
  { section: 'pipelines', page: 'ledger', label: 'Ledger', key: 'l', icon: 'ledger', keywords: 'payments' },
  { section: 'govern', page: 'schemas', label: 'Schemas', key: 's', icon: 'schemas', keywords: 'registry subjects' },
  { section: 'govern', page: 'governance', label: 'Governance', key: 'v', icon: 'governance', keywords: 'drift compliance' },
  { section: 'govern', page: 'decisions', label: 'Decisions', key: 'd', icon: 'decisions', keywords: 'adr' },
  { section: 'govern', page: 'dictionary', label: 'Dictionary', key: 't', icon: 'dictionary', keywords: 'words terms domains' },
  { section: 'govern', page: 'ontology', label: 'Ontology', key: 'o', icon: 'ontology', keywords: 'classes concepts graph' },
  { section: 'govern', page: 'workspace', label: 'Workspace', key: 'w', icon: 'workspace', keywords: 'files folder' },
  { section: 'incidents', page: 'audit', label: 'Audit log', key: 'a', icon: 'audit', keywords: 'history actions' },
  { section: 'incidents', page: 'triage', label: 'Triage sessions', key: 'i', icon: 'triage', keywords: 'incident' },
  { section: 'connections', page: 'profiles', label: 'Connections', key: 'p', icon: 'connections', keywords: 'profiles clusters settings' },
];

/** An entry whose page the router knows, with the route and address it opens. */
export interface NavLink extends NavEntry {
  route: Route;
  href: string;
}

/**
 * The route a page name opens, or null while the router does not know that page. Asking the
 * router itself keeps one list of routes: parseRoute falls back to the groups page for an address
 * it does not know, so a page is implemented exactly when its own address parses back to it.
 */
export function implementedRoute(page: string, parse: (hash: string) => Route = parseRoute): Route | null {
  const route = parse(`#/${page}`);
  return route.page === page ? route : null;
}

/** The entries whose pages exist, in navigation order. */
export function navLinks(entries: readonly NavEntry[] = navEntries, parse: (hash: string) => Route = parseRoute): NavLink[] {
  return entries.flatMap((entry) => {
    const route = implementedRoute(entry.page, parse);
    return route ? [{ ...entry, route, href: hrefFor(route) }] : [];
  });
}

/** The sections with their existing entries; a section with none is left out. */
export function navGroups(links: readonly NavLink[]): Array<{ id: NavSectionId; title: string; links: NavLink[] }> {
  return navSections
    .map((section) => ({ ...section, links: links.filter((link) => link.section === section.id) }))
    .filter((section) => section.links.length > 0);
}

/**
 * The link the current page belongs to: its own, or the list it was opened from (a group belongs
 * to Consumer groups, a mismatch to Replication), read from the address so that a new detail page
 * is marked without a table to keep up to date.
 */
export function currentLink(route: Route, links: readonly NavLink[]): NavLink | null {
  const href = hrefFor(route);
  return links.find((link) => href === link.href || href.startsWith(`${link.href}/`)) ?? null;
}

/** The link an Alt+<letter> shortcut opens, if any. */
export function linkForShortcut(letter: string, links: readonly NavLink[]): NavLink | null {
  return links.find((link) => link.key === letter) ?? null;
}
