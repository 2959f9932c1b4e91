import { useEffect } from 'react';
import { AppShell } from './components/app-shell';
import { ClusterPage } from './pages/cluster-page';
import { GroupPage } from './pages/group/group-page';
import { AuditPage } from './pages/audit-page';
import { GroupsPage } from './pages/groups-page';
import { ProfilesPage } from './pages/profiles-page';
import { navigate, useRoute } from './router';

export function App() {
  const route = useRoute();
  useEffect(() => {
    // Alt+G / Alt+C / Alt+P jump between the main pages.
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey) return;
      const target = ({ g: 'groups', c: 'cluster', p: 'profiles', a: 'audit' } as const)[e.key.toLowerCase() as 'g' | 'c' | 'p' | 'a'];
      if (target) { e.preventDefault(); navigate({ page: target }); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <AppShell route={route}>
      {route.page === 'groups' && <GroupsPage />}
      {route.page === 'group' && <GroupPage key={route.groupId} groupId={route.groupId} />}
      {route.page === 'cluster' && <ClusterPage />}
      {route.page === 'profiles' && <ProfilesPage />}
      {route.page === 'audit' && <AuditPage />}
    </AppShell>
  );
}
