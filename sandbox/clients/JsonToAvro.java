// Plain JSON to Avro data by the schema, so tests and the demo write values as people read them:
// a union takes the value itself (not Avro's {"string": …} JSON encoding), a timestamp-millis an
// epoch number or an ISO-8601 text, a field left out its default. Errors say where (value.payAmt).
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.util.*;

public final class JsonToAvro {
  private JsonToAvro() { }

  static Object convert(org.apache.avro.Schema schema, JsonNode node, String where) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!node.isObject()) throw new IllegalArgumentException(where + ": expected an object for " + schema.getFullName());
        org.apache.avro.generic.GenericData.Record record = new org.apache.avro.generic.GenericData.Record(schema);
        for (org.apache.avro.Schema.Field field : schema.getFields()) {
          JsonNode value = node.get(field.name());
          if (value == null && field.hasDefaultValue()) record.put(field.pos(), org.apache.avro.generic.GenericData.get().getDefaultValue(field));
          else record.put(field.pos(), convert(field.schema(), value == null ? NullNode.getInstance() : value, where + "." + field.name()));
        }
        return record;
      }
      case UNION -> {
        for (org.apache.avro.Schema branch : schema.getTypes()) if (fits(branch, node)) return convert(branch, node, where);
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
      case BYTES -> { return java.nio.ByteBuffer.wrap(text(node, where).getBytes(StandardCharsets.UTF_8)); }
      case FIXED -> { return new org.apache.avro.generic.GenericData.Fixed(schema, text(node, where).getBytes(StandardCharsets.UTF_8)); }
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : node) list.add(convert(schema.getElementType(), item, where + "[" + i++ + "]"));
        return new org.apache.avro.generic.GenericData.Array<>(schema, list);
      }
      case MAP -> {
        Map<String, Object> map = new LinkedHashMap<>();
        node.properties().forEach((e) -> map.put(e.getKey(), convert(schema.getValueType(), e.getValue(), where + "." + e.getKey())));
        return map;
      }
      default -> throw new IllegalArgumentException(where + ": " + schema.getType() + " is not supported");
    }
  }

  static boolean fits(org.apache.avro.Schema schema, JsonNode node) {
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

  static String text(JsonNode node, String where) {
    if (!node.isTextual()) throw new IllegalArgumentException(where + ": expected a string, got " + node);
    return node.textValue();
  }

  /** A number, or for a timestamp/date logical type an ISO-8601 text as well. */
  static long number(org.apache.avro.Schema schema, JsonNode node, String where) {
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
}
