// The left sidebar: the pages grouped by the user's job (operate the cluster, follow the pipelines,
// govern the data, handle incidents, connect), the current page marked. Collapsed, it shows icons
// only; the links keep their names (read by screen readers, shown as tooltips).
import type { Route } from '../../route';
import { useUiStore } from '../../stores/ui-store';
import { currentLink, navGroups, navLinks, type NavLink } from './nav-entries';
import { NavIcon } from './nav-icons';

const defaultLinks = navLinks();

export function Sidebar({ route, links = defaultLinks }: { route: Route; links?: readonly NavLink[] }) {
  const collapsed = useUiStore((s) => s.sidebarCollapsed);
  const toggle = useUiStore((s) => s.toggleSidebar);
  const current = currentLink(route, links);
  return (
    <aside className={`sidebar${collapsed ? ' collapsed' : ''}`} data-testid="sidebar" data-collapsed={collapsed}>
      <nav id="main-navigation" aria-label="Main" className="sidebar-nav">
        {navGroups(links).map((section) => {
          // A section holding only its namesake (Connections) needs no heading of its own.
          const titled = !(section.links.length === 1 && section.links[0]!.label === section.title);
          return (
            <div className="nav-section" key={section.id} data-section={section.id}>
              {titled && <div className="nav-section-title" id={`nav-section-${section.id}`}>{section.title}</div>}
              <ul aria-labelledby={titled ? `nav-section-${section.id}` : undefined} aria-label={titled ? undefined : section.title}>
                {section.links.map((link) => {
                  const shortcut = `Alt+${link.key.toUpperCase()}`;
                  return (
                    <li key={link.page}>
                      <a href={link.href} aria-current={current?.page === link.page ? 'page' : undefined} aria-keyshortcuts={shortcut}
                        title={collapsed ? `${link.label} (${shortcut})` : shortcut} data-page={link.page}>
                        <NavIcon name={link.icon} />
                        <span className="nav-label">{link.label}</span>
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </nav>
      <button type="button" className="sidebar-toggle" onClick={toggle} aria-controls="main-navigation" data-testid="sidebar-toggle"
        aria-label={collapsed ? 'Expand sidebar' : 'Collapse sidebar'} title={collapsed ? 'Show page names' : 'Show icons only'}>
        <NavIcon name={collapsed ? 'expand' : 'collapse'} />
        <span className="nav-label" aria-hidden>Collapse</span>
      </button>
    </aside>
  );
}
