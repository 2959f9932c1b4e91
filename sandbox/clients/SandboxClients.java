// Real Kafka clients for the sandbox: demo traffic and test fixtures in one JVM.
// Why Java: Kafka's own client is the reference implementation of both group protocols
// (classic and KIP-848 "consumer"), so the groups Sluice shows are exactly what production
// clients produce. The sources in this folder are compiled together by sandbox/sandbox-clients.ts
// (javac, once per version of them) against the jars sandbox/clients/pom.xml fetches: Kafka's
// clients plus the encoders of produceEncoded.
//
// Usage: java -cp 'target/classes/<hash>:target/client-libs/*' SandboxClients <spec-file>
// Spec file, one directive per line ('#' starts a comment; values have no spaces):
//   topic name=T partitions=N
//   produce topic=T rate=R            records per second, continuously
//   produceOnce topic=T count=N       N records up front, then stop
//   produceEncoded topic=T subject=S format=avro|json|protobuf schema=FILE
//         (records=FILE | generator=card-payments|ledger-entries|merchant-payouts (count=N | rate=R) [poisonAt=N])
//         [message=NAME]
//       Records in the Confluent wire format: magic byte 0, the schema id (4 bytes, big-endian),
//       for Protobuf the message indexes (0 for the first message), then the payload. The schema
//       (FILE, relative to this spec file) is looked up in the registry's Confluent API under S,
//       and registered there when it is not yet (SLUICE_REGISTRY_URL, default
//       http://127.0.0.1:8081/apis/ccompat/v7). Avro and JSON Schema values are written by
//       Apicurio's Kafka serializers (apicurio.registry.as-confluent, content ids, no headers);
//       Protobuf by protobuf-java from the .proto parsed with Apicurio's schema utilities. None of
//       it shares code with the JavaScript library Sluice decodes with, so a test that reads these
//       records back checks Sluice against an independent encoder.
//       records=FILE: JSON Lines, one record a line: {"key": "k" | null, "value": {...},
//         "headers": {"idempotency-key": "..."}, "partition": 0}; key, headers and partition may
//         be left out. Values are plain JSON: an Avro union takes the value itself, a
//         timestamp-millis takes epoch millis or an ISO-8601 string; Protobuf takes proto3 JSON.
//       generator=NAME: realistic demo values keyed by their id, with idempotency-key, event-type
//         and producer headers, round-robin over the partitions; count=N writes N and stops,
//         rate=R keeps writing R a second. poisonAt=N makes the N-th record (from 0) of a
//         card-payments generator a poison pill: a valid record in currency XXX (ISO 4217's
//         "no currency"), which a group with rejectWhere=crncyCd:XXX cannot process.
//       Prints "ENCODED topic=T subject=S id=ID version=V count=N" for a records or count run.
//   group id=G protocol=consumer|classic topic=T[,T2] members=N
//         [churn=MIN-MAX churnEveryMs=MS] [pollDelayMs=MS maxPollRecords=N]
//         [commit=auto|none] [stopAfter=N] [closeAfter=true]
//         [rejectWhere=FIELD:VALUE [retryBackoffMs=MS]]
//       rejectWhere: the members decode each value (Avro in the Confluent wire format, schema
//       from the registry) and cannot process a record whose FIELD is VALUE, or that does not
//       decode: they commit up to it, seek back to it and retry it for ever (every retryBackoffMs,
//       default 1000) while the group's other partitions go on. Its partition STALLs: lag > 0, the
//       committed offset never moves, the consumer alive — a consumer stuck on a poison pill.
//       A group listed in the file SLUICE_PAUSED_GROUPS_FILE names (one id a line; the demo's is
//       .sandbox/paused-groups, written by `npm run sandbox -- pause|resume <group>`) leaves: its
//       members close, so it can go Empty for an offset reset, and join again once unlisted.
//   shareGroup id=G topic=T members=N  (KIP-932 share group: queue semantics, KafkaShareConsumer)
//   streamsApp id=APP source=T sink=T2 (KIP-1071 streams group: a stateless Kafka Streams app)
// The program prints "READY" on stdout once topics exist, every up-front record is written and
// every member has joined.
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

public class SandboxClients {
  static String bootstrap = System.getenv().getOrDefault("SLUICE_KAFKA_BROKERS", "127.0.0.1:9092");
  static final List<Thread> threads = new CopyOnWriteArrayList<>();
  static final AtomicBoolean running = new AtomicBoolean(true);

  public static void main(String[] args) throws Exception {
    Path specFile = Path.of(args[0]).toAbsolutePath();
    exitWithParent();
    List<Map<String, String>> directives = parse(Files.readAllLines(specFile));
    createTopics(directives);
    List<CountDownLatch> joined = new ArrayList<>();
    for (Map<String, String> d : directives) {
      switch (d.get("kind")) {
        case "produce" -> startProducer(d.get("topic"), Double.parseDouble(d.get("rate")));
        case "produceOnce" -> produceOnce(d.get("topic"), Integer.parseInt(d.get("count")));
        case "produceEncoded" -> EncodedProducer.produce(d, specFile.getParent());
        case "group" -> joined.add(startGroup(d));
        case "shareGroup" -> startShareGroup(d);
        case "streamsApp" -> startStreamsApp(d);
        default -> { }
      }
    }
    for (CountDownLatch latch : joined) latch.await(60, TimeUnit.SECONDS);
    System.out.println("READY");
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.set(false);
      for (Thread t : threads) { try { t.join(5000); } catch (InterruptedException ignored) { } }
    }));
    Thread.currentThread().join();
  }

  /**
   * Clients started for a test or a bench hold their standard input open to the parent: when the
   * parent dies without stopping them (killed, crashed), the pipe closes and these clients exit too,
   * instead of producing and consuming on the shared broker for ever.
   */
  static void exitWithParent() {
    if (!"1".equals(System.getenv("SLUICE_EXIT_WITH_PARENT"))) return;
    Thread watch = new Thread(() -> {
      try { while (System.in.read() >= 0) { } } catch (java.io.IOException ignored) { }
      System.exit(0);
    }, "exit-with-parent");
    watch.setDaemon(true);
    watch.start();
  }

  static List<Map<String, String>> parse(List<String> lines) {
    List<Map<String, String>> out = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.replaceAll("#.*", "").trim();
      if (line.isEmpty()) continue;
      String[] parts = line.split("\\s+");
      Map<String, String> d = new HashMap<>();
      d.put("kind", parts[0]);
      for (int i = 1; i < parts.length; i++) {
        String[] kv = parts[i].split("=", 2);
        d.put(kv[0], kv.length > 1 ? kv[1] : "true");
      }
      out.add(d);
    }
    return out;
  }

  static void createTopics(List<Map<String, String>> directives) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> toCreate = new ArrayList<>();
      for (Map<String, String> d : directives) {
        if (!d.get("kind").equals("topic") || existing.contains(d.get("name"))) continue;
        toCreate.add(new NewTopic(d.get("name"), Integer.parseInt(d.getOrDefault("partitions", "1")), (short) 1));
      }
      if (toCreate.isEmpty()) return;
      try {
        admin.createTopics(toCreate).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) throw e;
      }
    }
  }

  static KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    return new KafkaProducer<>(p);
  }

  static String record(String topic, long n) {
    return "{\"topic\":\"" + topic + "\",\"seq\":" + n + ",\"at\":" + System.currentTimeMillis() + "}";
  }

  static void produceOnce(String topic, int count) throws Exception {
    try (KafkaProducer<String, String> producer = producer()) {
      int partitions = producer.partitionsFor(topic).size();
      for (int i = 0; i < count; i++) producer.send(new ProducerRecord<>(topic, i % partitions, null, record(topic, i)));
      producer.flush();
    }
  }

  static void startProducer(String topic, double ratePerSecond) {
    Thread t = new Thread(() -> {
      long intervalNanos = (long) (1_000_000_000L / ratePerSecond);
      long n = 0;
      try (KafkaProducer<String, String> producer = producer()) {
        // Round-robin over partitions: at demo rates the sticky partitioner would leave most empty.
        int partitions = producer.partitionsFor(topic).size();
        long next = System.nanoTime();
        while (running.get()) {
          producer.send(new ProducerRecord<>(topic, (int) (n % partitions), null, record(topic, n)));
          n++;
          next += intervalNanos;
          long sleepMs = (next - System.nanoTime()) / 1_000_000;
          if (sleepMs > 0) Thread.sleep(sleepMs);
        }
      } catch (InterruptedException ignored) {
      } catch (Exception e) {
        System.err.println("producer " + topic + " failed: " + e);
      }
    }, "producer-" + topic);
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  static CountDownLatch startGroup(Map<String, String> d) {
    String groupId = d.get("id");
    int members = Integer.parseInt(d.getOrDefault("members", "1"));
    CountDownLatch joined = new CountDownLatch(members);
    List<Member> live = new CopyOnWriteArrayList<>();
    for (int i = 0; i < members; i++) live.add(new Member(d, groupId + "-" + i, joined));
    if (d.containsKey("churn")) {
      String[] range = d.get("churn").split("-");
      int min = Integer.parseInt(range[0]);
      int max = Integer.parseInt(range[1]);
      long every = Long.parseLong(d.getOrDefault("churnEveryMs", "5000"));
      Thread churner = new Thread(() -> {
        Random random = new Random();
        int serial = members;
        while (running.get()) {
          try { Thread.sleep(every); } catch (InterruptedException e) { return; }
          boolean grow = live.size() <= min || (live.size() < max && random.nextBoolean());
          if (grow) live.add(new Member(d, groupId + "-" + serial++, null));
          else live.remove(random.nextInt(live.size())).leave();
        }
      }, "churn-" + groupId);
      churner.setDaemon(true);
      churner.start();
    }
    return joined;
  }

  static void startShareGroup(Map<String, String> d) {
    int members = Integer.parseInt(d.getOrDefault("members", "1"));
    for (int i = 0; i < members; i++) {
      String clientId = d.get("id") + "-" + i;
      Thread t = new Thread(() -> {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, d.get("id"));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaShareConsumer<String, String> c = new KafkaShareConsumer<>(p)) {
          c.subscribe(Arrays.asList(d.get("topic").split(",")));
          while (running.get()) c.poll(Duration.ofMillis(500)); // implicit acknowledgement
        } catch (Exception e) {
          if (running.get()) System.err.println("share member " + clientId + " failed: " + e);
        }
      }, clientId);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  static void startStreamsApp(Map<String, String> d) throws Exception {
    Properties p = new Properties();
    p.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, d.get("id"));
    p.put(org.apache.kafka.streams.StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(org.apache.kafka.streams.StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, org.apache.kafka.common.serialization.Serdes.StringSerde.class);
    p.put(org.apache.kafka.streams.StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, org.apache.kafka.common.serialization.Serdes.StringSerde.class);
    p.put("group.protocol", "streams");
    p.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("sluice-streams").toString());
    org.apache.kafka.streams.StreamsBuilder builder = new org.apache.kafka.streams.StreamsBuilder();
    builder.<String, String>stream(d.get("source")).mapValues(v -> v == null ? null : v.toUpperCase()).to(d.get("sink"));
    org.apache.kafka.streams.KafkaStreams streams = new org.apache.kafka.streams.KafkaStreams(builder.build(), p);
    streams.start();
    Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
  }

  static final class Member {
    final AtomicBoolean leaving = new AtomicBoolean(false);
    volatile KafkaConsumer<String, byte[]> consumer;

    Member(Map<String, String> d, String clientId, CountDownLatch joined) {
      Thread t = new Thread(() -> run(d, clientId, joined), clientId);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }

    void leave() {
      leaving.set(true);
      KafkaConsumer<String, byte[]> c = consumer;
      if (c != null) c.wakeup();
    }

    void run(Map<String, String> d, String clientId, CountDownLatch joined) {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ConsumerConfig.GROUP_ID_CONFIG, d.get("id"));
      p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
      p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, d.getOrDefault("protocol", "consumer"));
      p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      PoisonPill rejecter = d.containsKey("rejectWhere") ? new PoisonPill(d.get("rejectWhere"), clientId) : null;
      // A member that can refuse a record commits by hand: up to the record it is stuck on, never past it.
      p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, String.valueOf(rejecter == null && !"none".equals(d.get("commit"))));
      p.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, "1000");
      p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, d.getOrDefault("maxPollRecords", "500"));
      if ("classic".equals(d.get("protocol"))) {
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
      }
      long pollDelayMs = Long.parseLong(d.getOrDefault("pollDelayMs", "0"));
      long retryBackoffMs = Long.parseLong(d.getOrDefault("retryBackoffMs", "1000"));
      long stopAfter = Long.parseLong(d.getOrDefault("stopAfter", "-1"));
      boolean closeAfter = Boolean.parseBoolean(d.getOrDefault("closeAfter", "false"));
      long consumed = 0;
      boolean counted = false;
      boolean done = false;
      try {
        // One pass per membership: a paused group's members leave it (closing their consumer, so
        // the group can go Empty and its offsets be reset) and join again once it is resumed.
        while (!done && running.get() && !leaving.get()) {
          if (Paused.has(d.get("id"))) { Thread.sleep(1000); continue; }
          try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
            consumer = c;
            c.subscribe(Arrays.asList(d.get("topic").split(",")));
            while (running.get() && !leaving.get() && !Paused.has(d.get("id"))) {
              ConsumerRecords<String, byte[]> records;
              try {
                records = c.poll(Duration.ofMillis(200));
              } catch (WakeupException e) {
                done = true;
                break;
              }
              if (!counted && !c.assignment().isEmpty() && joined != null) { joined.countDown(); counted = true; }
              consumed += records.count();
              if (rejecter != null && !records.isEmpty() && rejecter.process(c, records)) Thread.sleep(retryBackoffMs);
              if (stopAfter >= 0 && consumed >= stopAfter) {
                // Hold position: stay in the group (so lag is stable) but read nothing more.
                if (!"none".equals(d.get("commit"))) c.commitSync();
                if (closeAfter) { done = true; break; }
                c.pause(c.assignment());
              }
              if (pollDelayMs > 0) Thread.sleep(pollDelayMs);
            }
          }
        }
      } catch (InterruptedException ignored) {
      } catch (Exception e) {
        if (running.get()) System.err.println("member " + clientId + " failed: " + e);
      } finally {
        if (joined != null && !counted) joined.countDown();
      }
    }
  }

  /**
   * Groups paused from outside (`npm run sandbox -- pause <group>`): one group id a line in the
   * file SLUICE_PAUSED_GROUPS_FILE names, read at most once a second. How an operator stops a
   * group's consumers in the demo without stopping the rest, as Kafka requires before a reset.
   */
  static final class Paused {
    static final String file = System.getenv("SLUICE_PAUSED_GROUPS_FILE");
    static volatile Set<String> groups = Set.of();
    static volatile long readAt = 0;

    static boolean has(String groupId) {
      if (file == null) return false;
      long now = System.currentTimeMillis();
      if (now - readAt > 1000) {
        readAt = now;
        try {
          Path path = Path.of(file);
          groups = Files.exists(path) ? Set.copyOf(Files.readAllLines(path).stream().map(String::trim).filter((l) -> !l.isEmpty()).toList()) : Set.of();
        } catch (Exception e) {
          groups = Set.of();
        }
      }
      return groups.contains(groupId);
    }
  }
}
