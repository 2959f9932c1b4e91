// The registry's Confluent API (`…/apis/ccompat/v7`, SLUICE_REGISTRY_URL): a schema looked up
// under a subject and registered there when it is not yet, and Avro schemas fetched by id to read
// values back. Plain HTTP and Jackson, so nothing here depends on the serdes being right.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class ConfluentRegistry {
  private ConfluentRegistry() { }

  static final String registryUrl = System.getenv().getOrDefault("SLUICE_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7").replaceAll("/+$", "");
  static final ObjectMapper json = new ObjectMapper();
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final Map<Integer, org.apache.avro.Schema> avroSchemasById = new ConcurrentHashMap<>();

  /** A schema as the Confluent API knows it under a subject: its id (what records carry) and version. */
  record Registered(int id, int version) { }

  static JsonNode call(String method, String path, Object body, int... accepted) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registryUrl + path))
        .timeout(Duration.ofSeconds(30)).header("content-type", "application/vnd.schemaregistry.v1+json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 == 2) return json.readTree(response.body());
    for (int status : accepted) if (status == response.statusCode()) return null;
    throw new IllegalStateException("the registry answered " + method + " " + path + " with HTTP " + response.statusCode() + ": " + response.body());
  }

  static Registered register(String subject, String format, String schemaText) throws Exception {
    String type = switch (format) { case "avro" -> "AVRO"; case "json" -> "JSON"; case "protobuf" -> "PROTOBUF"; default -> format; };
    Map<String, Object> body = Map.of("schema", schemaText, "schemaType", type);
    String path = "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    JsonNode found = call("POST", path, body, 404);
    if (found == null) {
      call("POST", path + "/versions", body);
      found = call("POST", path, body);
    }
    return new Registered(found.get("id").asInt(), found.get("version").asInt());
  }

  /** Reads an Avro value in the Confluent wire format, its schema fetched once per id from the registry. */
  static Object decodeAvro(byte[] bytes) throws Exception {
    if (bytes == null || bytes.length < 5 || bytes[0] != 0) throw new IllegalArgumentException("not in the Confluent wire format (no magic byte 0)");
    int id = java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt();
    org.apache.avro.Schema schema = avroSchemasById.get(id);
    if (schema == null) {
      JsonNode found = call("GET", "/schemas/ids/" + id, null, 404);
      if (found == null) throw new IllegalArgumentException("schema id " + id + " is not in the registry");
      schema = new org.apache.avro.Schema.Parser().parse(found.get("schema").asText());
      avroSchemasById.put(id, schema);
    }
    org.apache.avro.io.BinaryDecoder decoder = org.apache.avro.io.DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
    return new org.apache.avro.generic.GenericDatumReader<Object>(schema).read(null, decoder);
  }
}
