// `produceEncoded` (see SandboxClients.java for the directive): records in the Confluent wire
// format, for the demo's schema'd topics and for tests that need registry-encoded records written
// by something other than Sluice's decoder. Values arrive as plain JSON (a records file or a demo
// generator) and are turned into the format's data by WireFormatEncoders.
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.Future;

public final class EncodedProducer {
  private EncodedProducer() { }

  /** A record to write: its value is plain JSON, turned into the format's own data by the encoder. */
  record Out(String key, JsonNode value, Map<String, String> headers, Integer partition) { }

  interface Encoder {
    byte[] encode(String topic, Headers headers, JsonNode value) throws Exception;
    default ConfluentRegistry.Registered registered() { return null; }
  }

  interface EncoderFactory { Encoder create() throws Exception; }

  /** Records up front (records=FILE, or a generator's count=N) fail the run on any error; steady traffic retries. */
  static void produce(Map<String, String> d, Path base) throws Exception {
    String topic = require(d, "topic");
    String subject = require(d, "subject");
    String format = require(d, "format");
    String schemaText = Files.readString(base.resolve(require(d, "schema")));
    DemoRecords.Generator generator = d.containsKey("generator") ? DemoRecords.generator(d.get("generator"), Long.parseLong(d.getOrDefault("poisonAt", "-1"))) : null;
    if (generator != null && d.containsKey("rate")) {
      startEncodedProducer(topic, () -> encoder(d, subject, format, schemaText), generator, Double.parseDouble(d.get("rate")));
      return;
    }
    Encoder encoder = encoder(d, subject, format, schemaText);
    List<Out> records = new ArrayList<>();
    if (d.containsKey("records")) {
      for (String line : Files.readAllLines(base.resolve(d.get("records")))) {
        if (!line.isBlank()) records.add(readRecord(ConfluentRegistry.json.readTree(line)));
      }
    } else if (generator != null) {
      for (long n = 0, count = Long.parseLong(require(d, "count")); n < count; n++) records.add(generator.next(n));
    } else throw new IllegalArgumentException("produceEncoded needs records=FILE or generator=NAME");
    writeAll(topic, subject, encoder, records);
  }

  /** Looks the schema up (or registers it) and builds the format's encoder; the registered id travels with it. */
  static Encoder encoder(Map<String, String> d, String subject, String format, String schemaText) throws Exception {
    ConfluentRegistry.Registered registered = ConfluentRegistry.register(subject, format, schemaText);
    Encoder encoder = switch (format) {
      case "avro" -> WireFormatEncoders.avro(subject, registered, schemaText);
      case "json" -> WireFormatEncoders.jsonSchema(subject, registered);
      case "protobuf" -> WireFormatEncoders.protobuf(registered, schemaText, d.get("message"));
      default -> throw new IllegalArgumentException("format is avro, json or protobuf, not " + format);
    };
    return new Encoder() {
      public byte[] encode(String topic, Headers headers, JsonNode value) throws Exception {
        return encoder.encode(topic, headers, value);
      }
      public ConfluentRegistry.Registered registered() { return registered; }
    };
  }

  static String require(Map<String, String> d, String key) {
    String value = d.get(key);
    if (value == null) throw new IllegalArgumentException(d.get("kind") + " needs " + key + "=");
    return value;
  }

  static Out readRecord(JsonNode node) {
    Map<String, String> headers = new LinkedHashMap<>();
    node.path("headers").properties().forEach((e) -> headers.put(e.getKey(), e.getValue().asText()));
    JsonNode key = node.path("key");
    return new Out(key.isMissingNode() || key.isNull() ? null : key.asText(), node.path("value"), headers,
        node.hasNonNull("partition") ? node.get("partition").asInt() : null);
  }

  static KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SandboxClients.bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    return new KafkaProducer<>(p);
  }

  static ProducerRecord<String, byte[]> toRecord(String topic, Encoder encoder, Out out, int partitions, long n) throws Exception {
    RecordHeaders headers = new RecordHeaders();
    for (Map.Entry<String, String> h : out.headers().entrySet()) headers.add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8));
    byte[] value = encoder.encode(topic, headers, out.value());
    Integer partition = out.partition() != null ? out.partition() : Integer.valueOf((int) (n % partitions));
    return new ProducerRecord<>(topic, partition, out.key(), value, headers);
  }

  static void writeAll(String topic, String subject, Encoder encoder, List<Out> records) throws Exception {
    ConfluentRegistry.Registered registered = encoder.registered();
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
  static void startEncodedProducer(String topic, EncoderFactory factory, DemoRecords.Generator generator, double ratePerSecond) {
    Thread t = new Thread(() -> {
      long intervalNanos = (long) (1_000_000_000L / ratePerSecond);
      long n = 0;
      Encoder encoder = null;
      while (encoder == null && SandboxClients.running.get()) {
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
        while (SandboxClients.running.get()) {
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
    SandboxClients.threads.add(t);
    t.start();
  }
}
