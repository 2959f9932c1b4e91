// The topics slice: the list and one topic (live), and five audited actions. One state per admin
// session (the active profile's cluster): produce-rate samples and the readers index never mix
// clusters.
import type { topicsContract } from '../../shared/topics/contract';
import type { AuditLog } from '../audit/audit-log';
import type { AdminSession, AdminSessions } from '../kafka-admin/admin-sessions';
import type { KafkaConnections } from '../kafka/connections';
import { KeyedQueue } from '../kafka/keyed-queue';
import type { HandlerSlice } from '../platform/handler-types';
import type { ProfileStore } from '../settings/profile-store';
import { ProduceRates } from './produce-rates';
import { alterTopicConfigs, createPartitions, createTopic, deleteRecords, deleteTopic, type TopicActionContext } from './topic-actions';
import { TopicReadersIndex } from './topic-readers';
import { TopicsService, type SubjectVersions, type TopicsContext } from './topics-service';

export interface TopicsHandlerDependencies {
  admins: AdminSessions;
  /** The groups session: its client reads which groups commit to a topic; its monitor sweeps again after a change. */
  connections: KafkaConnections;
  profiles: ProfileStore;
  audit: AuditLog;
  registry: SubjectVersions;
}

interface SessionState {
  session: AdminSession;
  context: TopicsContext;
  service: TopicsService;
}

export function topicsHandlers(deps: TopicsHandlerDependencies): HandlerSlice<typeof topicsContract> {
  let state: SessionState | null = null;
  const queue = new KeyedQueue();
  const current = (): SessionState => {
    const session = deps.admins.active();
    if (state?.session !== session) {
      const groups = () => deps.connections.active().client;
      const context: TopicsContext = { admin: session.admin, groups, readers: new TopicReadersIndex(groups), rates: new ProduceRates(), registry: deps.registry };
      state = { session, context, service: new TopicsService(() => context) };
    }
    return state;
  };
  const actions = (): TopicActionContext => {
    const { session, context, service } = current();
    return {
      admin: session.admin, profile: deps.profiles.get(session.profileId), audit: deps.audit, queue, topics: service, topicsContext: context,
      changed: (topic) => {
        service.forgetConfigs(topic);
        context.readers.invalidate();
        // Lag of the groups reading it changed (records or the topic gone): sweep again now.
        deps.connections.active().monitor.refresh();
      },
    };
  };
  return {
    'topics.list': () => current().service.list(),
    'topics.describe': ({ topic }) => current().service.describe(topic),
    'topics.create': (input) => createTopic(actions(), input),
    'topics.createPartitions': (input) => createPartitions(actions(), input),
    'topics.alterConfigs': (input) => alterTopicConfigs(actions(), input),
    'topics.deleteRecords': (input) => deleteRecords(actions(), input),
    'topics.delete': (input) => deleteTopic(actions(), input),
  };
}
