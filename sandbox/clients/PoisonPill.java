// `rejectWhere=FIELD:VALUE` on a group (see SandboxClients.java): a consumer that cannot get past
// a poison pill, as one without a dead-letter topic behaves.
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.common.TopicPartition;
import java.util.*;

/**
 * A consumer's processing step that cannot get past a poison pill: each record's value is
 * decoded (Avro in the Confluent wire format, its schema fetched from the registry by id) and a
 * record whose field has the refused value, or that does not decode, stops its partition. The
 * member commits every partition up to where it got — the stuck one up to the bad record — and
 * seeks back to the bad record, so the next poll hands it over again: retried for ever, as a
 * consumer without a dead-letter topic does.
 */
public final class PoisonPill {
  final String field;
  final String value;
  final String clientId;
  final Set<String> reported = new HashSet<>();

  PoisonPill(String rule, String clientId) {
    String[] parts = rule.split(":", 2);
    if (parts.length != 2) throw new IllegalArgumentException("rejectWhere takes FIELD:VALUE, not " + rule);
    this.field = parts[0];
    this.value = parts[1];
    this.clientId = clientId;
  }

  /** Processes a poll's records; true when a partition is stuck on a record it cannot process. */
  boolean process(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    boolean stuck = false;
    for (TopicPartition tp : records.partitions()) {
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
      Object decoded = ConfluentRegistry.decodeAvro(bytes);
      if (!(decoded instanceof org.apache.avro.generic.GenericRecord record)) return "the value is not an Avro record";
      if (record.getSchema().getField(field) == null) return null;
      Object actual = record.get(field);
      return actual != null && value.equals(actual.toString()) ? field + " is " + value : null;
    } catch (Exception e) {
      return "the value does not decode: " + e.getMessage();
    }
  }
}
