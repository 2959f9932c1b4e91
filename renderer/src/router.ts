// A small hash router: routes are few and the app runs from app:// and http:// alike.
import { useSyncExternalStore } from 'react';
import { hrefFor, parseRoute, type Route } from './route';

export { hrefFor, parseRoute, type Route } from './route';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export const navigate = (route: Route) => { window.location.hash = hrefFor(route); };
