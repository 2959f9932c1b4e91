// The three encoders of `produceEncoded`, each writing the Confluent wire format: magic byte 0,
// the schema id as 4 big-endian bytes, then the payload (for Protobuf after the message indexes).
// Avro and JSON Schema go through Apicurio's Kafka serializers (2.6.13, Maven Central) configured
// for that format; Apicurio's Protobuf serializer writes its own "Ref" message instead of the
// message indexes, so Protobuf is written here with protobuf-java from the .proto text.
import com.fasterxml.jackson.databind.JsonNode;
import java.util.*;

public final class WireFormatEncoders {
  private WireFormatEncoders() { }

  /** The v2 API the Apicurio 2.x serdes speak, beside the Confluent API (`…/apis/ccompat/v7`). */
  static String apicurioV2Url() {
    return ConfluentRegistry.registryUrl.replaceFirst("/apis/ccompat/v\\d+$", "") + "/apis/registry/v2";
  }

  static Map<String, Object> serdeConfig(String subject, ConfluentRegistry.Registered registered) {
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
  static byte[] checked(byte[] bytes, ConfluentRegistry.Registered registered) {
    int id = java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt();
    if (bytes[0] != 0 || id != registered.id()) {
      throw new IllegalStateException("the serializer wrote magic " + bytes[0] + " and id " + id + ", but the registry's Confluent API gives id " + registered.id());
    }
    return bytes;
  }

  static EncodedProducer.Encoder avro(String subject, ConfluentRegistry.Registered registered, String schemaText) {
    org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser().parse(schemaText);
    io.apicurio.registry.serde.avro.AvroKafkaSerializer<Object> serializer = new io.apicurio.registry.serde.avro.AvroKafkaSerializer<>();
    serializer.configure(serdeConfig(subject, registered), false);
    return (topic, headers, value) -> checked(serializer.serialize(topic, headers, JsonToAvro.convert(schema, value, "value")), registered);
  }

  static EncodedProducer.Encoder jsonSchema(String subject, ConfluentRegistry.Registered registered) {
    io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer<JsonNode> serializer = new io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer<>();
    Map<String, Object> config = serdeConfig(subject, registered);
    config.put("apicurio.registry.serde.validation-enabled", true); // a value the schema refuses is not written
    serializer.configure(config, false);
    return (topic, headers, value) -> checked(serializer.serialize(topic, headers, value), registered);
  }

  static EncodedProducer.Encoder protobuf(ConfluentRegistry.Registered registered, String schemaText, String messageName) throws Exception {
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
      parser.merge(ConfluentRegistry.json.writeValueAsString(value), builder);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      out.write(0);
      out.write(java.nio.ByteBuffer.allocate(4).putInt(registered.id()).array());
      out.write(indexes);
      builder.build().writeTo(out);
      return out.toByteArray();
    };
  }
}
