// Virtualized rows (a long table keeps only the visible rows in the DOM, so 10,000 scroll like 10).
// TanStack Virtual's useVirtualizer returns one object whose methods answer differently as the list
// scrolls; React Compiler cannot memoize around such an object, so it skips any component that
// calls it (the lint says so). This hook is that one place: it reads the answers on every render
// and hands out plain values, so the components that draw the rows stay ordinary.
import type { RefObject } from 'react';
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';

export interface VirtualRows {
  /** Height of all rows together: the scrolling body's inner height. */
  totalSize: number;
  /** The rows to draw now (visible plus overscan), each with its index and top offset. */
  items: VirtualItem[];
}

export function useVirtualRows({ count, scroller, rowHeight, overscan }: {
  count: number;
  scroller: RefObject<HTMLElement | null>;
  rowHeight: number;
  overscan: number;
}): VirtualRows {
  // eslint-disable-next-line react-hooks/incompatible-library -- the one call site, explained above
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan });
  return { totalSize: virtualizer.getTotalSize(), items: virtualizer.getVirtualItems() };
}
