// Designed loading, empty and error states: a page is never blank.
import type { ReactNode } from 'react';
import type { CallError } from '../api/query-core';

export function Loading({ what }: { what: string }) {
  return (
    <div className="state-view" role="status" aria-live="polite">
      <div className="spinner" aria-hidden />
      <p>Loading {what}…</p>
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state-view">
      <h3>{title}</h3>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}

const hints: Record<string, string> = {
  KAFKA_UNREACHABLE: 'Start the cluster (for the sandbox: npm run sandbox -- start) or fix the profile’s bootstrap brokers.',
  NO_PROFILE: 'Add a connection profile to get started.',
  NOT_FOUND: 'It may have been deleted, or the profile points at another cluster.',
  KAFKA_LOADING: 'A broker has just started; this page tries again by itself.',
};

export function ErrorView({ error, action }: { error: CallError | Error; action?: ReactNode }) {
  const code = 'error' in error ? (error as CallError).error.code : 'INTERNAL';
  return (
    <div className="state-view error" role="alert">
      <h3>{error.message}</h3>
      {hints[code] && <p className="muted">{hints[code]}</p>}
      <p className="muted code">{code}</p>
      {code === 'NO_PROFILE' && <a className="button primary" href="#/profiles">Add a profile</a>}
      {action}
    </div>
  );
}

/** A thin banner for an error that arrived while older data is still shown. */
export function StaleBanner({ error }: { error: CallError | null }) {
  if (!error) return null;
  return <div className="stale-banner" role="alert">Showing the last data received. {error.message}</div>;
}
