// A KIP-848 consumer group member (group.protocol=consumer) that hands each record to a handler in
// order and commits what it has handled. The replicator and the verifier are both built on it; each
// is its own group on the same topic, so their lag is visible in any Kafka console, Sluice's too.
import { Consumer, stringDeserializers, type Message, type MessagesStream } from '@platformatic/kafka';

export interface EventConsumerOptions {
  brokers: string[];
  topic: string;
  groupId: string;
  clientId: string;
  log: (line: string) => void;
  /** Handles one record; a throw is the handler's bug, logged and skipped so the pipeline never stops. */
  handle: (message: Message<string, string, string, string>) => Promise<void>;
  /** Records handled at once. Ledger rows are insert-only with unique keys, so order between rows does not matter. */
  concurrency?: number;
}

const COMMIT_EVERY_MS = 250;
const HEARTBEAT_SILENCE_MS = 30_000;

const membershipLost = (error: unknown) => /not aware of this member|group id does not exist|fenced|unknown member|stale member epoch/i.test(String(error) + String((error as { cause?: unknown }).cause ?? ''));

export class EventConsumer {
  private consumer: Consumer<string, string, string, string>;
  private stream: MessagesStream<string, string, string, string> | null = null;
  private loop: Promise<void> | null = null;
  private pending = new Map<number, { offset: bigint; leaderEpoch: number }>();
  private lastCommit = 0;
  private closed = false;
  private commitFailures = 0;
  private rejoining = false;
  private inFlight = new Set<Promise<void>>();
  private idleCommits: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private joinedAt = 0;

  constructor(private readonly options: EventConsumerOptions) {
    this.consumer = this.newConsumer();
  }

  private newConsumer(): Consumer<string, string, string, string> {
    return new Consumer({
      clientId: this.options.clientId, groupId: this.options.groupId, bootstrapBrokers: this.options.brokers,
      groupProtocol: 'consumer', deserializers: stringDeserializers, autocommit: false, maxWaitTime: 200,
    });
  }

  async start(): Promise<void> {
    this.stream = await this.consumer.consume({ topics: [this.options.topic], mode: 'committed', fallbackMode: 'earliest', autocommit: false });
    this.joinedAt = Date.now();
    this.loop = this.run(this.stream);
    this.idleCommits = setInterval(() => void this.commit(), COMMIT_EVERY_MS);
    this.watchdog = setInterval(() => this.checkMembership(), 5000);
  }

  /**
   * Under heavy load a member can drop out of its group without its stream failing (seen with the
   * embedded database starving the event loop). Heartbeats go every 5 s at most (1 s in the
   * sandbox), so 30 s without one is a member that is gone: end the stream, which rejoins.
   */
  private checkMembership(): void {
    if (this.closed || this.rejoining || !this.stream) return;
    const last = Math.max(this.consumer.lastHeartbeat?.getTime() ?? 0, this.joinedAt);
    if (Date.now() - last > HEARTBEAT_SILENCE_MS) {
      this.options.log(`${this.options.groupId}: no heartbeat for ${Math.round((Date.now() - last) / 1000)} s, rejoining`);
      this.joinedAt = Date.now();
      void this.stream.close().catch(() => undefined);
    }
  }

  private async run(stream: MessagesStream<string, string, string, string>): Promise<void> {
    try {
      const limit = this.options.concurrency ?? 16;
      for await (const message of stream) {
        if (this.closed) break;
        while (this.inFlight.size >= limit) await Promise.race(this.inFlight);
        const handled: Promise<void> = this.options.handle(message).catch((error: unknown) => {
          this.options.log(`${this.options.groupId}: skipped ${message.topic}-${message.partition}@${message.offset}: ${String(error)}`);
        }).finally(() => this.inFlight.delete(handled));
        this.inFlight.add(handled);
        this.pending.set(message.partition, { offset: message.offset + 1n, leaderEpoch: message.leaderEpoch });
        if (Date.now() - this.lastCommit >= COMMIT_EVERY_MS) await this.commit();
      }
      if (!this.closed) throw new Error('the message stream ended');
    } catch (error) {
      if (this.closed) return;
      // The pipeline must not stop: commit what is done, then rejoin the group and carry on.
      this.options.log(`${this.options.groupId}: consumer failed, rejoining in 1 s: ${String(error)}`);
      await this.commit().catch(() => undefined);
      this.rejoining = true;
      await stream.close().catch(() => undefined);
      await this.consumer.close(true).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (this.closed) return;
      this.consumer = this.newConsumer();
      this.rejoining = false;
      try {
        this.stream = await this.consumer.consume({ topics: [this.options.topic], mode: 'committed', fallbackMode: 'earliest', autocommit: false });
        this.joinedAt = Date.now();
        await this.run(this.stream);
      } catch (rejoinError) {
        this.options.log(`${this.options.groupId}: could not rejoin: ${String(rejoinError)}`);
      }
    }
  }

  /** Commits handled offsets; also called on a timer, so lag drops to zero promptly when the topic is idle. */
  async commit(): Promise<void> {
    if (this.pending.size === 0 || this.rejoining) return;
    const offsets = [...this.pending].map(([partition, { offset, leaderEpoch }]) => ({ topic: this.options.topic, partition, offset, leaderEpoch }));
    this.pending.clear();
    // Every record below these offsets has been handled once the records in flight now are done.
    await Promise.all([...this.inFlight]);
    this.lastCommit = Date.now();
    try {
      await this.consumer.commit({ offsets });
      this.commitFailures = 0;
    } catch (error) {
      this.commitFailures++;
      this.options.log(`${this.options.groupId}: commit failed (will retry with the next record): ${String(error)}`);
      for (const o of offsets) if (!this.pending.has(o.partition)) this.pending.set(o.partition, { offset: o.offset, leaderEpoch: o.leaderEpoch });
      // A member the coordinator no longer knows cannot commit again: end the stream, which rejoins.
      if (membershipLost(error) || this.commitFailures >= 5) {
        this.commitFailures = 0;
        void this.stream?.close().catch(() => undefined);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.idleCommits) clearInterval(this.idleCommits);
    if (this.watchdog) clearInterval(this.watchdog);
    await this.commit().catch(() => undefined);
    await this.stream?.close().catch(() => undefined);
    await this.loop;
    await this.consumer.close(true).catch(() => undefined);
  }
}
