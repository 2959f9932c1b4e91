import { lazy, Suspense } from 'react';
import { AppShell } from './components/app-shell';
import { useGlobalShortcuts } from './components/navigation/use-global-shortcuts';
import { ClusterPage } from './pages/cluster-page';
import { BrokersPage } from './pages/brokers/brokers-page';
import { TopicPage } from './pages/topics/topic-page';
import { TopicsPage } from './pages/topics/topics-page';
import { GroupPage } from './pages/group/group-page';
import { AuditPage } from './pages/audit-page';
import { GroupsPage } from './pages/groups-page';
import { ProfilesPage } from './pages/profiles-page';
import { LedgerPage } from './pages/ledger/ledger-page';
import { MismatchPage } from './pages/replication/mismatch-page';
import { ReplicationPage } from './pages/replication/replication-page';
import { useRoute } from './router';
import { Loading } from './components/state-views';

// The data architect's pages carry the parsers, the graph library and the editor: loaded when
// first opened, so the on-call pages start as fast as before.
const WorkspacePage = lazy(() => import('./pages/workspace/workspace-page').then((m) => ({ default: m.WorkspacePage })));
const DecisionsPage = lazy(() => import('./pages/decisions/decisions-page').then((m) => ({ default: m.DecisionsPage })));
const AdrPage = lazy(() => import('./pages/decisions/adr-page').then((m) => ({ default: m.AdrPage })));
const DictionaryPage = lazy(() => import('./pages/dictionary/dictionary-page').then((m) => ({ default: m.DictionaryPage })));
const OntologyPage = lazy(() => import('./pages/ontology/ontology-page').then((m) => ({ default: m.OntologyPage })));
const SubjectsPage = lazy(() => import('./pages/schemas/subjects-page').then((m) => ({ default: m.SubjectsPage })));
const SubjectPage = lazy(() => import('./pages/schemas/subject-page').then((m) => ({ default: m.SubjectPage })));
const RecordsPage = lazy(() => import('./pages/records/records-page').then((m) => ({ default: m.RecordsPage })));
const TriagePage = lazy(() => import('./pages/triage/triage-page').then((m) => ({ default: m.TriagePage })));
const GovernancePage = lazy(() => import('./pages/governance/governance-page').then((m) => ({ default: m.GovernancePage })));

export function App() {
  const route = useRoute();
  // Alt+<letter> opens a page, Ctrl+K (⌘K) the command palette.
  useGlobalShortcuts();
  return (
    <AppShell route={route}>
      {route.page === 'groups' && <GroupsPage />}
      {route.page === 'group' && <GroupPage key={route.groupId} groupId={route.groupId} />}
      {route.page === 'cluster' && <ClusterPage />}
      {route.page === 'topics' && <TopicsPage />}
      {route.page === 'topic' && <TopicPage key={route.topic} topic={route.topic} tab={route.tab} />}
      {route.page === 'brokers' && <BrokersPage nodeId={route.nodeId} />}
      {route.page === 'profiles' && <ProfilesPage />}
      {route.page === 'audit' && <AuditPage />}
      {route.page === 'replication' && <ReplicationPage />}
      {route.page === 'mismatch' && <MismatchPage key={route.mismatchId} mismatchId={route.mismatchId} />}
      {route.page === 'ledger' && <LedgerPage key={route.paymentId ?? ''} paymentId={route.paymentId} />}
      <Suspense fallback={<Loading what="the page" />}>
      {route.page === 'workspace' && <WorkspacePage file={route.file} line={route.line} />}
      {route.page === 'decisions' && <DecisionsPage />}
      {route.page === 'decision' && <AdrPage key={route.number} number={route.number} />}
      {route.page === 'dictionary' && <DictionaryPage tab={route.tab} entry={route.entry} />}
      {route.page === 'ontology' && <OntologyPage node={route.node} />}
      {route.page === 'schemas' && <SubjectsPage />}
      {route.page === 'subject' && <SubjectPage key={route.subject} subject={route.subject} tab={route.tab} />}
      {route.page === 'governance' && <GovernancePage />}
      {route.page === 'records' && <RecordsPage key={`${route.topic}/${route.partition ?? ''}/${route.offset ?? ''}`} topic={route.topic} partition={route.partition} offset={route.offset} />}
      {route.page === 'triage' && <TriagePage key={route.sessionId ?? ''} sessionId={route.sessionId} />}
      </Suspense>
    </AppShell>
  );
}
