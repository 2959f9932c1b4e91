// Says how old a page's data is when its source is overdue (a hung broker) or failing: frozen
// numbers must never look current; and what is missing when the reading is partial. The age counts
// up each second on this clock, from the time main read the data; nothing is polled for it.
import { useEffect, useState } from 'react';
import { isStale, type Freshness } from '../../../shared/kafka/freshness';
import { formatSeconds } from './format';

export function DataAgeBanner({ freshness }: { freshness: Freshness | null | undefined }) {
  const stale = !!freshness && isStale(freshness);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!stale) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [stale]);
  // Part of the reading is missing (the first still arriving, or log ends carried through a
  // broker's restart): current enough to show, but the numbers it affects are lower bounds.
  if (freshness?.status === 'partial' && freshness.reason) return <div className="notice" role="status" data-testid="partial-notice">{freshness.reason}</div>;
  if (!freshness || !stale) return null;
  const ageSeconds = Math.max(0, (now - freshness.asOf) / 1000);
  return (
    <div className="stale-banner" role="status" data-testid="data-age-banner" data-status={freshness.status}>
      Showing data from <strong data-testid="data-age">{formatSeconds(ageSeconds)}</strong> ago. {freshness.reason}
    </div>
  );
}
