// Line icons for the sidebar and the palette, drawn on a 20×20 grid in the text colour: a collapsed
// sidebar shows only these, so each page needs a shape of its own. Decorative: every link and
// option carries its name as text.
import type { ReactNode } from 'react';
import type { NavIconName } from './nav-icon-names';

const shapes = {
  overview: <><rect x="3" y="3" width="6" height="8" rx="1.2" /><rect x="11" y="3" width="6" height="5" rx="1.2" /><rect x="11" y="10" width="6" height="7" rx="1.2" /><rect x="3" y="13" width="6" height="4" rx="1.2" /></>,
  groups: <><circle cx="7.5" cy="7" r="3" /><path d="M2.5 17c0-3 2.2-5 5-5s5 2 5 5" /><circle cx="14" cy="6.5" r="2.4" /><path d="M13.5 11.1c2.4 0 4.2 1.7 4.2 4.6" /></>,
  topics: <path d="M3 5h14M3 10h14M3 15h8M14 12.5l3 2.5-3 2.5" />,
  brokers: <><rect x="3" y="3" width="14" height="6" rx="1.5" /><rect x="3" y="11" width="14" height="6" rx="1.5" /><path d="M6 6h.01M6 14h.01M9 6h5M9 14h5" /></>,
  replication: <path d="M3.5 7h12l-3-3M16.5 13h-12l3 3" />,
  ledger: <path d="M5 16V4a1 1 0 0 1 1-1h9v12H6a1 1 0 0 0-1 1 1 1 0 0 0 1 1h9M8 6.5h4.5M8 9.5h4.5" />,
  schemas: <path d="M7 3c-2 0-2 1.5-2 3s0 2.7-2 4c2 1.3 2 2.5 2 4s0 3 2 3M13 3c2 0 2 1.5 2 3s0 2.7 2 4c-2 1.3-2 2.5-2 4s0 3-2 3" />,
  governance: <path d="M10 2.5l6 2.2v4.8c0 4-2.6 6.6-6 8-3.4-1.4-6-4-6-8V4.7zM7.3 10l1.9 1.9 3.6-3.7" />,
  decisions: <path d="M10 3v14M6.5 17h7M4 5.5h12M4 5.5L1.8 11a2.3 2.3 0 0 0 4.4 0zM16 5.5L13.8 11a2.3 2.3 0 0 0 4.4 0z" />,
  dictionary: <path d="M10 5.5C8.5 4 6 3.5 3 4v11c3-.5 5.5 0 7 1.5 1.5-1.5 4-2 7-1.5V4c-3-.5-5.5 0-7 1.5zM10 5.5v11" />,
  ontology: <><circle cx="5" cy="5" r="2" /><circle cx="15" cy="6" r="2" /><circle cx="9" cy="15" r="2" /><path d="M7 5.2l6 .6M5.8 6.9l2.4 6.2M13.9 7.7l-3.8 5.6" /></>,
  workspace: <path d="M3 6a1.5 1.5 0 0 1 1.5-1.5h3.3l1.7 2h6A1.5 1.5 0 0 1 17 8v6.5a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 3 14.5z" />,
  audit: <><rect x="4.5" y="4" width="11" height="13.5" rx="1.5" /><path d="M7.5 2.8h5v2.4h-5zM7.5 9h5M7.5 12h5M7.5 15h3" /></>,
  triage: <path d="M2 10.5h4l2-5.5 4 11 2-5.5h4" />,
  connections: <path d="M7.5 2.5v4M12.5 2.5v4M5 6.5h10v3a5 5 0 0 1-10 0zM10 14.5v3" />,
  mismatch: <path d="M4 8h12M4 12h12M14 4L6 16" />,
  search: <><circle cx="8.5" cy="8.5" r="5.5" /><path d="M12.6 12.6l4.4 4.4" /></>,
  collapse: <path d="M10.5 5l-5 5 5 5M15.5 5l-5 5 5 5" />,
  expand: <path d="M4.5 5l5 5-5 5M9.5 5l5 5-5 5" />,
} satisfies Record<NavIconName, ReactNode>;

export function NavIcon({ name, className }: { name: NavIconName; className?: string }) {
  return (
    <svg className={className ?? 'nav-icon'} viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor"
      strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {shapes[name]}
    </svg>
  );
}
