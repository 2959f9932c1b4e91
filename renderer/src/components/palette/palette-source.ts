// What the command palette searches: one source per kind of thing (pages, consumer groups, schema
// subjects…), each a module in ./sources/ listed once in ./sources/index.ts. A source's Feed is a
// component the palette mounts only while it is open, so live data (the groups list, the
// mismatches) is subscribed to only then; it reads its domain hook and reports its items, prepared
// for matching, whenever they change.
import { useEffect, useMemo, type ComponentType } from 'react';
import type { Route } from '../../route';
import type { NavIconName } from '../navigation/nav-icon-names';
import type { Prepared } from './match';

export interface PaletteItem {
  /** Unique within its source. */
  id: string;
  label: string;
  /** A short line beside the name: a group's type and state, a subject's schema type… */
  detail?: string;
  route: Route;
  icon: NavIconName;
}

export interface SourceSnapshot {
  items: readonly Prepared<PaletteItem>[];
  /** Nothing has arrived yet. */
  loading: boolean;
  /** Why the source cannot be searched now (the registry did not answer…), when it has no items to show. */
  problem: string | null;
}

export interface FeedProps {
  onChange(snapshot: SourceSnapshot): void;
}

export interface PaletteSource {
  /** Unique: names the source in results and tests. */
  kind: string;
  /** The heading of its results: "Consumer groups". */
  title: string;
  /** Listed before anything is typed (the pages); other sources wait for a query. */
  showWhenEmpty?: boolean;
  Feed: ComponentType<FeedProps>;
}

/** The state of a react-query read as a source reports it. */
interface ReadState {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  data?: unknown;
}

/** Reports the items (and whether they are still loading or failed) whenever one of them changes. */
export function useReportItems(read: ReadState, items: readonly Prepared<PaletteItem>[], onChange: (snapshot: SourceSnapshot) => void): void {
  const loading = read.isPending && !read.isError;
  const problem = read.isError && read.data === undefined ? read.error?.message ?? 'Could not be read.' : null;
  const snapshot = useMemo(() => ({ items, loading, problem }), [items, loading, problem]);
  useEffect(() => onChange(snapshot), [snapshot, onChange]);
}
