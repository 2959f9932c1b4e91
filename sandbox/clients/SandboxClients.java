// Real Kafka clients for the sandbox: demo traffic and test fixtures in one JVM.
// Why Java: Kafka's own client is the reference implementation of both group protocols
// (classic and KIP-848 "consumer"), so the groups Sluice shows are exactly what production
// clients produce. Launched as a single-file source program (java 17+), no build step.
//
// Usage: java -cp 'sandbox/clients/target/client-libs/*' SandboxClients.java <spec-file>
// (the classpath comes from sandbox/clients/pom.xml: Kafka's clients plus the encoders below).
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
    List<Map<String, String>> directives = parse(Files.readAllLines(specFile));
    createTopics(directives);
    List<CountDownLatch> joined = new ArrayList<>();
    for (Map<String, String> d : directives) {
      switch (d.get("kind")) {
        case "produce" -> startProducer(d.get("topic"), Double.parseDouble(d.get("rate")));
        case "produceOnce" -> produceOnce(d.get("topic"), Integer.parseInt(d.get("count")));
        case "produceEncoded" -> Encoded.produce(d, specFile.getParent());
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
      Rejecter rejecter = d.containsKey("rejectWhere") ? new Rejecter(d.get("rejectWhere"), clientId) : null;
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

  /**
   * `produceEncoded`: records in the Confluent wire format, for the demo's schema'd topics and for
   * tests that need registry-encoded records written by something other than Sluice's decoder.
   */
  static final class Encoded {
    static final String registryUrl = System.getenv().getOrDefault("SLUICE_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7").replaceAll("/+$", "");
    static final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    static final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Map<Integer, org.apache.avro.Schema> avroSchemasById = new ConcurrentHashMap<>();

    /** A record to write: its value is plain JSON, turned into the format's own data by the encoder. */
    record Out(String key, com.fasterxml.jackson.databind.JsonNode value, Map<String, String> headers, Integer partition) { }

    interface Encoder {
      byte[] encode(String topic, org.apache.kafka.common.header.Headers headers, com.fasterxml.jackson.databind.JsonNode value) throws Exception;
      default Registered registered() { return null; }
    }

    interface EncoderFactory { Encoder create() throws Exception; }

    record Registered(int id, int version) { }

    /** Records up front (records=FILE, or a generator's count=N) fail the run on any error; steady traffic retries. */
    static void produce(Map<String, String> d, Path base) throws Exception {
      String topic = require(d, "topic");
      String subject = require(d, "subject");
      String format = require(d, "format");
      String schemaText = Files.readString(base.resolve(require(d, "schema")));
      Generator generator = d.containsKey("generator") ? generator(d.get("generator"), Long.parseLong(d.getOrDefault("poisonAt", "-1"))) : null;
      if (generator != null && d.containsKey("rate")) {
        startEncodedProducer(topic, () -> encoder(d, subject, format, schemaText), generator, Double.parseDouble(d.get("rate")));
        return;
      }
      Encoder encoder = encoder(d, subject, format, schemaText);
      List<Out> records = new ArrayList<>();
      if (d.containsKey("records")) {
        for (String line : Files.readAllLines(base.resolve(d.get("records")))) {
          if (!line.isBlank()) records.add(readRecord(json.readTree(line)));
        }
      } else if (generator != null) {
        for (long n = 0, count = Long.parseLong(require(d, "count")); n < count; n++) records.add(generator.next(n));
      } else throw new IllegalArgumentException("produceEncoded needs records=FILE or generator=NAME");
      writeAll(topic, subject, encoder, records);
    }

    /** Looks the schema up (or registers it) and builds the format's encoder; the registered id travels with it. */
    static Encoder encoder(Map<String, String> d, String subject, String format, String schemaText) throws Exception {
      Registered registered = register(subject, format, schemaText);
      Encoder encoder = switch (format) {
        case "avro" -> avro(subject, registered, schemaText);
        case "json" -> jsonSchema(subject, registered);
        case "protobuf" -> protobuf(registered, schemaText, d.get("message"));
        default -> throw new IllegalArgumentException("format is avro, json or protobuf, not " + format);
      };
      return new Encoder() {
        public byte[] encode(String topic, org.apache.kafka.common.header.Headers headers, com.fasterxml.jackson.databind.JsonNode value) throws Exception {
          return encoder.encode(topic, headers, value);
        }
        public Registered registered() { return registered; }
      };
    }

    static String require(Map<String, String> d, String key) {
      String value = d.get(key);
      if (value == null) throw new IllegalArgumentException(d.get("kind") + " needs " + key + "=");
      return value;
    }

    static Out readRecord(com.fasterxml.jackson.databind.JsonNode node) {
      Map<String, String> headers = new LinkedHashMap<>();
      node.path("headers").properties().forEach((e) -> headers.put(e.getKey(), e.getValue().asText()));
      com.fasterxml.jackson.databind.JsonNode key = node.path("key");
      return new Out(key.isMissingNode() || key.isNull() ? null : key.asText(), node.path("value"), headers,
          node.hasNonNull("partition") ? node.get("partition").asInt() : null);
    }

    static KafkaProducer<String, byte[]> producer() {
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
      return new KafkaProducer<>(p);
    }

    static ProducerRecord<String, byte[]> toRecord(String topic, Encoder encoder, Out out, int partitions, long n) throws Exception {
      org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
      for (Map.Entry<String, String> h : out.headers().entrySet()) headers.add(h.getKey(), h.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      byte[] value = encoder.encode(topic, headers, out.value());
      Integer partition = out.partition() != null ? out.partition() : Integer.valueOf((int) (n % partitions));
      return new ProducerRecord<>(topic, partition, out.key(), value, headers);
    }

    static void writeAll(String topic, String subject, Encoder encoder, List<Out> records) throws Exception {
      Registered registered = encoder.registered();
      try (KafkaProducer<String, byte[]> producer = producer()) {
        int partitions = producer.partitionsFor(topic).size();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) sent.add(producer.send(toRecord(topic, encoder, records.get(i), partitions, i)));
        producer.flush();
        for (Future<RecordMetadata> f : sent) f.get(); // a failed send fails the run, not silently
      }
      System.out.println("ENCODED topic=" + topic + " subject=" + subject + " id=" + registered.id() + " version=" + registered.version() + " count=" + records.size());
      System.out.flush();
    }

    /**
     * Steady demo traffic. The schema is looked up in the thread, again every 5 s until the
     * registry answers: a registry that is slow to start delays this topic, not the whole demo.
     */
    static void startEncodedProducer(String topic, EncoderFactory factory, Generator generator, double ratePerSecond) {
      Thread t = new Thread(() -> {
        long intervalNanos = (long) (1_000_000_000L / ratePerSecond);
        long n = 0;
        Encoder encoder = null;
        while (encoder == null && running.get()) {
          try {
            encoder = factory.create();
          } catch (Exception e) {
            System.err.println("encoded producer " + topic + " waits for the registry: " + e.getMessage());
            try { Thread.sleep(5000); } catch (InterruptedException stop) { return; }
          }
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
          int partitions = producer.partitionsFor(topic).size();
          long next = System.nanoTime();
          while (running.get()) {
            producer.send(toRecord(topic, encoder, generator.next(n), partitions, n));
            n++;
            next += intervalNanos;
            long sleepMs = (next - System.nanoTime()) / 1_000_000;
            if (sleepMs > 0) Thread.sleep(sleepMs);
          }
        } catch (InterruptedException ignored) {
        } catch (Exception e) {
          System.err.println("encoded producer " + topic + " failed: " + e);
        }
      }, "encoded-producer-" + topic);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }

    // ---- the registry's Confluent API: look the schema up under the subject, register it if absent

    static com.fasterxml.jackson.databind.JsonNode call(String method, String path, Object body, int... accepted) throws Exception {
      java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(registryUrl + path))
          .timeout(Duration.ofSeconds(30)).header("content-type", "application/vnd.schemaregistry.v1+json");
      request.method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
      java.net.http.HttpResponse<String> response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 2) return json.readTree(response.body());
      for (int status : accepted) if (status == response.statusCode()) return null;
      throw new IllegalStateException("the registry answered " + method + " " + path + " with HTTP " + response.statusCode() + ": " + response.body());
    }

    static Registered register(String subject, String format, String schemaText) throws Exception {
      String type = switch (format) { case "avro" -> "AVRO"; case "json" -> "JSON"; case "protobuf" -> "PROTOBUF"; default -> format; };
      Map<String, Object> body = Map.of("schema", schemaText, "schemaType", type);
      String path = "/subjects/" + java.net.URLEncoder.encode(subject, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
      com.fasterxml.jackson.databind.JsonNode found = call("POST", path, body, 404);
      if (found == null) {
        call("POST", path + "/versions", body);
        found = call("POST", path, body);
      }
      return new Registered(found.get("id").asInt(), found.get("version").asInt());
    }

    /** The v2 API the Apicurio 2.x serdes speak, beside the Confluent API (`…/apis/ccompat/v7`). */
    static String apicurioV2Url() {
      return registryUrl.replaceFirst("/apis/ccompat/v\\d+$", "") + "/apis/registry/v2";
    }

    static Map<String, Object> serdeConfig(String subject, Registered registered) {
      Map<String, Object> config = new HashMap<>();
      config.put("apicurio.registry.url", apicurioV2Url());
      // The Confluent wire format: magic byte + 4-byte id in the value, no Apicurio headers, and the
      // content id, which is what the Confluent API calls a schema's id.
      config.put("apicurio.registry.as-confluent", true);
      config.put("apicurio.registry.id-handler", "io.apicurio.registry.serde.Legacy4ByteIdHandler");
      config.put("apicurio.registry.use-id", "contentId");
      config.put("apicurio.registry.headers.enabled", false);
      // The exact version looked up above (subjects of the Confluent API live in the default group).
      config.put("apicurio.registry.artifact.group-id", "default");
      config.put("apicurio.registry.artifact.artifact-id", subject);
      config.put("apicurio.registry.artifact.version", String.valueOf(registered.version()));
      config.put("apicurio.registry.auto-register", false);
      return config;
    }

    /** The serde chose its id through another API: a record must carry the one the Confluent API gave. */
    static byte[] checked(byte[] bytes, Registered registered) {
      int id = java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt();
      if (bytes[0] != 0 || id != registered.id()) {
        throw new IllegalStateException("the serializer wrote magic " + bytes[0] + " and id " + id + ", but the registry's Confluent API gives id " + registered.id());
      }
      return bytes;
    }

    static Encoder avro(String subject, Registered registered, String schemaText) {
      org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser().parse(schemaText);
      io.apicurio.registry.serde.avro.AvroKafkaSerializer<Object> serializer = new io.apicurio.registry.serde.avro.AvroKafkaSerializer<>();
      serializer.configure(serdeConfig(subject, registered), false);
      return (topic, headers, value) -> checked(serializer.serialize(topic, headers, toAvro(schema, value, "value")), registered);
    }

    static Encoder jsonSchema(String subject, Registered registered) {
      io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer<com.fasterxml.jackson.databind.JsonNode> serializer = new io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer<>();
      Map<String, Object> config = serdeConfig(subject, registered);
      config.put("apicurio.registry.serde.validation-enabled", true); // a value the schema refuses is not written
      serializer.configure(config, false);
      return (topic, headers, value) -> checked(serializer.serialize(topic, headers, value), registered);
    }

    static Encoder protobuf(Registered registered, String schemaText, String messageName) throws Exception {
      // wire-schema wants the file where its package puts it (acmepay/settlement/…), so name the package.
      java.util.regex.Matcher pkg = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(schemaText);
      com.google.protobuf.Descriptors.FileDescriptor file = io.apicurio.registry.utils.protobuf.schema.FileDescriptorUtils
          .protoFileToFileDescriptor(schemaText, "schema.proto", pkg.find() ? Optional.of(pkg.group(1)) : Optional.empty());
      List<com.google.protobuf.Descriptors.Descriptor> messages = file.getMessageTypes();
      int index = 0;
      if (messageName != null) {
        while (index < messages.size() && !messages.get(index).getName().equals(messageName)) index++;
        if (index == messages.size()) throw new IllegalArgumentException("the .proto has no top-level message " + messageName);
      }
      com.google.protobuf.Descriptors.Descriptor descriptor = messages.get(index);
      // Confluent's message indexes: the path to the message type; [0], the first message, is
      // written as a single 0, any other as its count and then each index (zig-zag varints).
      byte[] indexes = index == 0 ? new byte[] { 0 } : new byte[] { 2, (byte) (index * 2) };
      if (index >= 64) throw new IllegalArgumentException("message indexes past 63 are not written here");
      com.google.protobuf.util.JsonFormat.Parser parser = com.google.protobuf.util.JsonFormat.parser();
      return (topic, headers, value) -> {
        com.google.protobuf.DynamicMessage.Builder builder = com.google.protobuf.DynamicMessage.newBuilder(descriptor);
        parser.merge(json.writeValueAsString(value), builder);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(registered.id()).array());
        out.write(indexes);
        builder.build().writeTo(out);
        return out.toByteArray();
      };
    }

    // ---- plain JSON → Avro data, by the schema (unions take the value itself, not {"type": value})

    static Object toAvro(org.apache.avro.Schema schema, com.fasterxml.jackson.databind.JsonNode node, String where) {
      switch (schema.getType()) {
        case RECORD -> {
          if (!node.isObject()) throw new IllegalArgumentException(where + ": expected an object for " + schema.getFullName());
          org.apache.avro.generic.GenericData.Record record = new org.apache.avro.generic.GenericData.Record(schema);
          for (org.apache.avro.Schema.Field field : schema.getFields()) {
            com.fasterxml.jackson.databind.JsonNode value = node.get(field.name());
            if (value == null && field.hasDefaultValue()) record.put(field.pos(), org.apache.avro.generic.GenericData.get().getDefaultValue(field));
            else record.put(field.pos(), toAvro(field.schema(), value == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value, where + "." + field.name()));
          }
          return record;
        }
        case UNION -> {
          for (org.apache.avro.Schema branch : schema.getTypes()) if (fits(branch, node)) return toAvro(branch, node, where);
          throw new IllegalArgumentException(where + ": " + node + " fits no branch of " + schema);
        }
        case NULL -> { if (!node.isNull()) throw new IllegalArgumentException(where + ": expected null"); return null; }
        case STRING -> { return text(node, where); }
        case ENUM -> { return new org.apache.avro.generic.GenericData.EnumSymbol(schema, text(node, where)); }
        case BOOLEAN -> { if (!node.isBoolean()) throw new IllegalArgumentException(where + ": expected true or false"); return node.booleanValue(); }
        case INT -> { return (int) number(schema, node, where); }
        case LONG -> { return number(schema, node, where); }
        case FLOAT -> { return (float) node.asDouble(); }
        case DOUBLE -> { return node.asDouble(); }
        case BYTES -> { return java.nio.ByteBuffer.wrap(text(node, where).getBytes(java.nio.charset.StandardCharsets.UTF_8)); }
        case FIXED -> { return new org.apache.avro.generic.GenericData.Fixed(schema, text(node, where).getBytes(java.nio.charset.StandardCharsets.UTF_8)); }
        case ARRAY -> {
          List<Object> list = new ArrayList<>();
          int i = 0;
          for (com.fasterxml.jackson.databind.JsonNode item : node) list.add(toAvro(schema.getElementType(), item, where + "[" + i++ + "]"));
          return new org.apache.avro.generic.GenericData.Array<>(schema, list);
        }
        case MAP -> {
          Map<String, Object> map = new LinkedHashMap<>();
          node.properties().forEach((e) -> map.put(e.getKey(), toAvro(schema.getValueType(), e.getValue(), where + "." + e.getKey())));
          return map;
        }
        default -> throw new IllegalArgumentException(where + ": " + schema.getType() + " is not supported");
      }
    }

    static boolean fits(org.apache.avro.Schema schema, com.fasterxml.jackson.databind.JsonNode node) {
      return switch (schema.getType()) {
        case NULL -> node.isNull();
        case STRING, ENUM, BYTES, FIXED -> node.isTextual();
        case INT, LONG -> node.isIntegralNumber() || (node.isTextual() && schema.getLogicalType() != null);
        case FLOAT, DOUBLE -> node.isNumber();
        case BOOLEAN -> node.isBoolean();
        case RECORD, MAP -> node.isObject();
        case ARRAY -> node.isArray();
        default -> false;
      };
    }

    static String text(com.fasterxml.jackson.databind.JsonNode node, String where) {
      if (!node.isTextual()) throw new IllegalArgumentException(where + ": expected a string, got " + node);
      return node.textValue();
    }

    /** A number, or for a timestamp/date logical type an ISO-8601 text as well. */
    static long number(org.apache.avro.Schema schema, com.fasterxml.jackson.databind.JsonNode node, String where) {
      if (node.isIntegralNumber()) return node.longValue();
      org.apache.avro.LogicalType logical = schema.getLogicalType();
      if (node.isTextual() && logical != null) {
        return switch (logical.getName()) {
          case "timestamp-millis" -> java.time.Instant.parse(node.textValue()).toEpochMilli();
          case "timestamp-micros" -> java.time.Instant.parse(node.textValue()).toEpochMilli() * 1000;
          case "date" -> java.time.LocalDate.parse(node.textValue()).toEpochDay();
          default -> throw new IllegalArgumentException(where + ": " + logical.getName() + " takes a number");
        };
      }
      throw new IllegalArgumentException(where + ": expected a whole number, got " + node);
    }

    /** Reads an Avro value in the Confluent wire format, its schema fetched once per id from the registry. */
    static Object decodeAvro(byte[] bytes) throws Exception {
      if (bytes == null || bytes.length < 5 || bytes[0] != 0) throw new IllegalArgumentException("not in the Confluent wire format (no magic byte 0)");
      int id = java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt();
      org.apache.avro.Schema schema = avroSchemasById.get(id);
      if (schema == null) {
        com.fasterxml.jackson.databind.JsonNode found = call("GET", "/schemas/ids/" + id, null, 404);
        if (found == null) throw new IllegalArgumentException("schema id " + id + " is not in the registry");
        schema = new org.apache.avro.Schema.Parser().parse(found.get("schema").asText());
        avroSchemasById.put(id, schema);
      }
      org.apache.avro.io.BinaryDecoder decoder = org.apache.avro.io.DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
      return new org.apache.avro.generic.GenericDatumReader<Object>(schema).read(null, decoder);
    }

    // ---- demo values

    interface Generator { Out next(long n); }

    static final String[] FAMILY = { "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임" };
    static final String[] GIVEN = { "민준", "서연", "도윤", "지우", "하준", "서윤", "시우", "하은", "지호", "수아" };
    static final String[] MERCHANTS = { "MRCH-000118", "MRCH-000245", "MRCH-001032", "MRCH-002210", "MRCH-004871" };
    static final String[] STATUSES = { "APRV", "APRV", "APRV", "APRV", "APRV", "APRV", "CNCL", "REQ", "FAIL" };

    static Generator generator(String name, long poisonAt) {
      return switch (name) {
        case "card-payments" -> (n) -> cardPayment(n, n == poisonAt);
        case "ledger-entries" -> Encoded::ledgerEntry;
        case "merchant-payouts" -> Encoded::merchantPayout;
        default -> throw new IllegalArgumentException("generator is card-payments, ledger-entries or merchant-payouts, not " + name);
      };
    }

    static Map<String, String> headers(String idempotencyKey, String eventType, String producer) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("idempotency-key", idempotencyKey);
      headers.put("event-type", eventType);
      headers.put("producer", producer);
      return headers;
    }

    static Out cardPayment(long n, boolean poison) {
      Random random = new Random(n * 7919 + System.nanoTime());
      String payId = "PAY-" + UUID.randomUUID();
      String idempotencyKey = UUID.randomUUID().toString();
      String customer = String.format("CUST-%06d", random.nextInt(40_000));
      // Masked at the source as the domain says: the first 6 and last 4 digits stay.
      String[] bins = { "541234", "453201", "356901", "625814", "943117" };
      String cardNo = bins[random.nextInt(bins.length)] + "******" + String.format("%04d", random.nextInt(10_000));
      com.fasterxml.jackson.databind.node.ObjectNode value = json.createObjectNode()
          .put("payId", payId)
          .put("mrchId", MERCHANTS[random.nextInt(MERCHANTS.length)])
          .put("custId", customer)
          .put("custNm", FAMILY[random.nextInt(FAMILY.length)] + GIVEN[random.nextInt(GIVEN.length)])
          .put("cardNo", cardNo)
          .put("payAmt", poison ? -125_000L : 1_000L * (1 + random.nextInt(500)))
          // XXX is ISO 4217's "no currency": nothing downstream can post it.
          .put("crncyCd", poison ? "XXX" : "KRW")
          .put("payStatCd", STATUSES[random.nextInt(STATUSES.length)])
          .put("payDtm", System.currentTimeMillis())
          .put("instlMmCnt", new int[] { 0, 0, 0, 3, 6, 12 }[random.nextInt(6)])
          .put("idmpKey", idempotencyKey);
      // One customer in five has left no phone number.
      if (random.nextInt(5) == 0) value.putNull("custTelNo");
      else value.put("custTelNo", String.format("+8210%08d", random.nextInt(100_000_000)));
      return new Out(payId, value, headers(idempotencyKey, "payment.card.approved", "card-gateway"), null);
    }

    static Out ledgerEntry(long n) {
      Random random = new Random(n * 104729 + System.nanoTime());
      String payId = UUID.randomUUID().toString();
      String idempotencyKey = UUID.randomUUID().toString();
      long amount = 1_000L * (1 + random.nextInt(500));
      boolean debit = n % 2 == 0;
      com.fasterxml.jackson.databind.node.ObjectNode value = json.createObjectNode()
          .put("ldgr_entr_id", UUID.randomUUID().toString())
          .put("pay_id", payId)
          .put("entr_seq", 1 + (n % 2))
          .put("dr_amt", debit ? amount : 0)
          .put("cr_amt", debit ? 0 : amount)
          .put("actt_cd", debit ? "1100" : "4010")
          .put("entr_dtm", java.time.Instant.now().toString());
      return new Out(value.get("pay_id").asText(), value, headers(idempotencyKey, "ledger.entry.booked", "ledger"), null);
    }

    static Out merchantPayout(long n) {
      Random random = new Random(n * 15485863 + System.nanoTime());
      String merchant = MERCHANTS[(int) (n % MERCHANTS.length)];
      long settled = 100_000L * (1 + random.nextInt(900));
      double feeRate = new double[] { 0.008, 0.015, 0.0225, 0.0325 }[random.nextInt(4)];
      long fee = Math.round(settled * feeRate);
      long vat = fee / 10;
      String[] banks = { "004", "011", "020", "088", "090" };
      com.fasterxml.jackson.databind.node.ObjectNode value = json.createObjectNode()
          .put("dsbr_id", "DSBR-" + UUID.randomUUID())
          .put("stlm_id", "STLM-" + UUID.randomUUID())
          .put("mrch_id", merchant)
          .put("dsbr_amt", settled - fee - vat)
          .put("fee_amt", fee)
          .put("vat_amt", vat)
          .put("fee_rt", feeRate)
          .put("dsbr_bank_cd", banks[random.nextInt(banks.length)])
          .put("dsbr_acct_no", String.format("%03d-%06d-%02d-%03d", random.nextInt(1000), random.nextInt(1_000_000), random.nextInt(100), random.nextInt(1000)));
      return new Out(merchant, value, headers(UUID.randomUUID().toString(), "settlement.payout.scheduled", "settlement-batch"), null);
    }
  }

  /**
   * A consumer's processing step that cannot get past a poison pill: each record's value is
   * decoded (Avro in the Confluent wire format, its schema fetched from the registry by id) and a
   * record whose field has the refused value, or that does not decode, stops its partition. The
   * member commits every partition up to where it got — the stuck one up to the bad record — and
   * seeks back to the bad record, so the next poll hands it over again: retried for ever, as a
   * consumer without a dead-letter topic does.
   */
  static final class Rejecter {
    final String field;
    final String value;
    final String clientId;
    final Set<String> reported = new HashSet<>();

    Rejecter(String rule, String clientId) {
      String[] parts = rule.split(":", 2);
      if (parts.length != 2) throw new IllegalArgumentException("rejectWhere takes FIELD:VALUE, not " + rule);
      this.field = parts[0];
      this.value = parts[1];
      this.clientId = clientId;
    }

    /** Processes a poll's records; true when a partition is stuck on a record it cannot process. */
    boolean process(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
      Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
      boolean stuck = false;
      for (org.apache.kafka.common.TopicPartition tp : records.partitions()) {
        for (ConsumerRecord<String, byte[]> r : records.records(tp)) {
          String why = refusal(r.value());
          if (why != null) {
            if (reported.add(tp + "@" + r.offset())) {
              System.err.println(clientId + ": cannot process " + tp + " offset " + r.offset() + " (" + why + "); retrying it until someone skips it");
            }
            c.seek(tp, r.offset());
            commit.put(tp, new OffsetAndMetadata(r.offset()));
            stuck = true;
            break;
          }
          commit.put(tp, new OffsetAndMetadata(r.offset() + 1));
        }
      }
      c.commitSync(commit);
      return stuck;
    }

    String refusal(byte[] bytes) {
      try {
        Object decoded = Encoded.decodeAvro(bytes);
        if (!(decoded instanceof org.apache.avro.generic.GenericRecord record)) return "the value is not an Avro record";
        if (record.getSchema().getField(field) == null) return null;
        Object actual = record.get(field);
        return actual != null && value.equals(actual.toString()) ? field + " is " + value : null;
      } catch (Exception e) {
        return "the value does not decode: " + e.getMessage();
      }
    }
  }
}
