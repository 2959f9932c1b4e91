// Every page the sidebar shows, found by its name or a word for it ("cluster" finds Overview).
import { useEffect, useMemo } from 'react';
import { navLinks, navSections } from '../../navigation/nav-entries';
import { prepare } from '../match';
import type { FeedProps, PaletteItem, PaletteSource } from '../palette-source';

const sectionTitle = new Map(navSections.map((s) => [s.id, s.title]));

function PagesFeed({ onChange }: FeedProps) {
  const snapshot = useMemo(() => ({
    items: navLinks().map((link) => prepare<PaletteItem>({
      id: link.page, label: link.label, detail: `${sectionTitle.get(link.section)} · Alt+${link.key.toUpperCase()}`, route: link.route, icon: link.icon,
    }, link.label, link.keywords)),
    loading: false,
    problem: null,
  }), []);
  useEffect(() => onChange(snapshot), [snapshot, onChange]);
  return null;
}

export const pagesSource: PaletteSource = { kind: 'page', title: 'Pages', showWhenEmpty: true, Feed: PagesFeed };
