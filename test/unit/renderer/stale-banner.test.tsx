// What a page says above live data: nothing when current, the data's age when overdue or failing,
// and what is missing when the reading is partial (log ends carried through a broker's restart).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { DataAgeBanner } from '../../../renderer/src/components/stale-banner';

afterEach(cleanup);

describe('DataAgeBanner', () => {
  it('says nothing about current data', () => {
    render(<DataAgeBanner freshness={{ asOf: Date.now(), status: 'current', reason: null }} />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows the age and the reason of failing data', () => {
    render(<DataAgeBanner freshness={{ asOf: Date.now() - 42_000, status: 'failing', reason: 'The last reading of the cluster failed: boom' }} />);
    expect(screen.getByTestId('data-age-banner').textContent).toMatch(/Showing data from 4[23] s ago\. The last reading of the cluster failed: boom/);
  });

  it('says what is missing from a partial reading, without calling it old', () => {
    render(<DataAgeBanner freshness={{ asOf: Date.now(), status: 'partial', reason: '2 partitions did not say their log end (NOT_LEADER_OR_FOLLOWER)' }} />);
    expect(screen.getByTestId('partial-notice').textContent).toContain('2 partitions did not say their log end');
    expect(screen.queryByTestId('data-age-banner')).toBeNull();
  });
});
