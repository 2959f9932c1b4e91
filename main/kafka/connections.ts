// One session per active profile: the Kafka client, the monitor that samples the cluster, and the
// services built on them. Switching or editing the profile closes the old session, so clusters
// never mix their answers or their history.
import path from 'node:path';
import { AppFailure } from '../../shared/common/result';
import type { ProfileStore } from '../settings/profile-store';
import { GroupsService } from './groups-service';
import type { KafkaConnectionSettings, KafkaPort } from './kafka-port';
import { GroupMonitor, type MonitorOptions } from './monitor/group-monitor';
import type { MonitorApi } from './monitor/monitor-api';
import { MonitorHost } from './monitor/monitor-host';
import { PlatformaticKafka } from './platformatic-kafka';

export type KafkaFactory = (settings: KafkaConnectionSettings) => KafkaPort;
export const defaultKafkaFactory: KafkaFactory = (settings) => new PlatformaticKafka(settings);

/** What a monitor is built from: the session's settings and client, and the sampling options. */
export interface MonitorContext {
  settings: KafkaConnectionSettings;
  client: KafkaPort;
  options: MonitorOptions;
}
export type MonitorFactory = (context: MonitorContext) => MonitorApi;

/**
 * The app's monitor: in a worker thread with a client and heap limit of its own, off the thread
 * that answers the windows. `workerFile` is the worker's bundle in a built app.
 */
export const workerMonitor = (workerFile?: string): MonitorFactory => ({ settings, options }) => new MonitorHost(settings, { ...options, workerFile });

/** A monitor in this thread over the session's own client: what a substituted Kafka port needs. */
export const inThreadMonitor: MonitorFactory = ({ client, options }) => new GroupMonitor(client, options);

export interface ClusterSession {
  profileId: string;
  client: KafkaPort;
  monitor: MonitorApi;
  groups: GroupsService;
}

export interface ConnectionOptions {
  dataDir: string;
  sweepIntervalMs?: number;
  /** How each session's monitor is built; the worker-hosted one unless a test says otherwise. */
  monitorFactory?: MonitorFactory;
}

export class KafkaConnections {
  #current: (ClusterSession & { fingerprint: string; unsubscribe: () => void }) | null = null;
  readonly #monitorListeners = new Set<(monitor: MonitorApi) => void>();

  constructor(private readonly profiles: ProfileStore, private readonly factory: KafkaFactory, private readonly options: ConnectionOptions) {}

  settingsFor(profileId: string): KafkaConnectionSettings {
    const profile = this.profiles.get(profileId);
    return {
      bootstrapBrokers: profile.bootstrapBrokers,
      tls: profile.tls,
      sasl: { mechanism: profile.sasl.mechanism, username: profile.sasl.username, password: this.profiles.password(profileId) },
    };
  }

  /** The session of the active profile; a changed profile (edited brokers, new password) gets a new one. */
  active(): ClusterSession {
    const profileId = this.profiles.activeProfileId();
    if (!profileId) throw new AppFailure('NO_PROFILE', 'No connection profile is set up. Add one with the bootstrap brokers of your cluster.');
    const settings = this.settingsFor(profileId);
    const fingerprint = JSON.stringify(settings);
    if (this.#current?.profileId === profileId && this.#current.fingerprint === fingerprint) return this.#current;
    // The old session winds down in the background; the new one starts at once.
    void this.#closeCurrent();
    const client = this.factory(settings);
    const options = { intervalMs: this.options.sweepIntervalMs, historyDir: path.join(this.options.dataDir, 'history') };
    const monitor = (this.options.monitorFactory ?? workerMonitor())({ settings, client, options });
    const unsubscribe = monitor.onChange(() => { for (const listener of this.#monitorListeners) listener(monitor); });
    this.#current = { profileId, fingerprint, client, monitor, groups: new GroupsService(client, monitor), unsubscribe };
    return this.#current;
  }

  /** Called with the active session's monitor whenever it has news: a sweep finished, the cluster fell silent or answered again. */
  onMonitorChange(listener: (monitor: MonitorApi) => void): () => void {
    this.#monitorListeners.add(listener);
    return () => this.#monitorListeners.delete(listener);
  }

  /** Starts the active profile's session (and its monitor), if there is an active profile. */
  startActive(): void {
    if (this.profiles.activeProfileId()) this.active();
  }

  /** Closes the current session; resolves once its history is saved and its client closed. */
  #closeCurrent(): Promise<void> {
    const current = this.#current;
    if (!current) return Promise.resolve();
    this.#current = null;
    current.unsubscribe();
    return Promise.all([current.monitor.close(), current.client.close()]).then(() => undefined);
  }

  async close(): Promise<void> {
    await this.#closeCurrent();
  }
}
