// One Kafka client for the active profile, created on first use and closed when the profile
// changes, so switching clusters never mixes their answers.
import { AppFailure } from '../../shared/result';
import type { ProfileStore } from '../settings/profile-store';
import type { KafkaConnectionSettings, KafkaPort } from './kafka-port';
import { PlatformaticKafka } from './platformatic-kafka';

export type KafkaFactory = (settings: KafkaConnectionSettings) => KafkaPort;
export const defaultKafkaFactory: KafkaFactory = (settings) => new PlatformaticKafka(settings);

export class KafkaConnections {
  #current: { profileId: string; fingerprint: string; client: KafkaPort } | null = null;

  constructor(private readonly profiles: ProfileStore, private readonly factory: KafkaFactory = defaultKafkaFactory) {}

  settingsFor(profileId: string): KafkaConnectionSettings {
    const profile = this.profiles.get(profileId);
    return {
      bootstrapBrokers: profile.bootstrapBrokers,
      tls: profile.tls,
      sasl: { mechanism: profile.sasl.mechanism, username: profile.sasl.username, password: this.profiles.password(profileId) },
    };
  }

  /** The client for the active profile; a changed profile (edited brokers, new password) gets a new one. */
  active(): KafkaPort {
    const profileId = this.profiles.activeProfileId();
    if (!profileId) throw new AppFailure('NO_PROFILE', 'No connection profile is set up. Add one with the bootstrap brokers of your cluster.');
    const settings = this.settingsFor(profileId);
    const fingerprint = JSON.stringify(settings);
    if (this.#current?.profileId === profileId && this.#current.fingerprint === fingerprint) return this.#current.client;
    void this.#current?.client.close();
    const client = this.factory(settings);
    this.#current = { profileId, fingerprint, client };
    return client;
  }

  async close(): Promise<void> {
    await this.#current?.client.close();
    this.#current = null;
  }
}
