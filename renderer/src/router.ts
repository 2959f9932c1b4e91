// A small hash router: routes are few and the app runs from app:// and http:// alike.
import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'groups' }
  | { page: 'group'; groupId: string }
  | { page: 'cluster' }
  | { page: 'profiles' }
  | { page: 'audit' }
  | { page: 'replication' }
  | { page: 'mismatch'; mismatchId: string }
  | { page: 'ledger'; paymentId?: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [first, ...rest] = path.split('/');
  if (first === 'groups' && rest.length > 0 && rest[0]) return { page: 'group', groupId: decodeURIComponent(rest.join('/')) };
  if (first === 'cluster') return { page: 'cluster' };
  if (first === 'profiles') return { page: 'profiles' };
  if (first === 'audit') return { page: 'audit' };
  if (first === 'replication' && rest[0] === 'mismatches' && rest[1]) return { page: 'mismatch', mismatchId: decodeURIComponent(rest[1]) };
  if (first === 'replication') return { page: 'replication' };
  if (first === 'ledger') return rest[0] ? { page: 'ledger', paymentId: decodeURIComponent(rest[0]) } : { page: 'ledger' };
  return { page: 'groups' };
}

export const hrefFor = (route: Route): string => {
  switch (route.page) {
    case 'group': return `#/groups/${encodeURIComponent(route.groupId)}`;
    case 'mismatch': return `#/replication/mismatches/${encodeURIComponent(route.mismatchId)}`;
    case 'ledger': return route.paymentId ? `#/ledger/${encodeURIComponent(route.paymentId)}` : '#/ledger';
    default: return `#/${route.page}`;
  }
};

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export const navigate = (route: Route) => { window.location.hash = hrefFor(route); };
