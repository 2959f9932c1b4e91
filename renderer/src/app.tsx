import { useEffect } from 'react';
import { AppShell } from './components/app-shell';
import { ClusterPage } from './pages/cluster-page';
import { GroupPage } from './pages/group/group-page';
import { AuditPage } from './pages/audit-page';
import { GroupsPage } from './pages/groups-page';
import { ProfilesPage } from './pages/profiles-page';
import { LedgerPage } from './pages/ledger/ledger-page';
import { MismatchPage } from './pages/replication/mismatch-page';
import { ReplicationPage } from './pages/replication/replication-page';
import { navigate, useRoute } from './router';

export function App() {
  const route = useRoute();
  useEffect(() => {
    // Alt+G / C / R / L / P / A jump between the main pages.
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey) return;
      const target = ({ g: 'groups', c: 'cluster', r: 'replication', l: 'ledger', p: 'profiles', a: 'audit' } as const)[e.key.toLowerCase() as 'g' | 'c' | 'r' | 'l' | 'p' | 'a'];
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
      {route.page === 'replication' && <ReplicationPage />}
      {route.page === 'mismatch' && <MismatchPage key={route.mismatchId} mismatchId={route.mismatchId} />}
      {route.page === 'ledger' && <LedgerPage key={route.paymentId ?? ''} paymentId={route.paymentId} />}
    </AppShell>
  );
}
