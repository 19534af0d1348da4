package io.cloudshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's AsyncAPI document as the gateway's event catalogue fetches it ({@code GET /springwolf/docs}, no token):
 * AsyncAPI 3, titled by the service, and describing exactly the events the subclass names: each published type on
 * its topic with a Kafka key, each type the service reads on the topic it reads it from. Every published type has a
 * golden sample; the document is written to {@code target/asyncapi/<service>.json}, where {@code deploy/checks} parses
 * it with the AsyncAPI parser and validates the samples against its schemas.
 *
 * <p>Subclasses are {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} integration tests of one service.
 */
public abstract class EventCatalogContract {

    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private JsonNode document;

    /** The service's name, as in {@code spring.application.name} and its module directory. */
    protected abstract String service();

    /** Topic to the event types the service publishes there. */
    protected abstract Map<String, Set<String>> publishes();

    /** Topic to the event types the service reads from there (by their names on the wire). */
    protected abstract Map<String, Set<String>> reads();

    @BeforeEach
    void fetchTheDocument() {
        String body = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/springwolf/docs")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        document = json.readTree(body);
        Path file = Path.of("target", "asyncapi", service() + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void theDocumentIsAsyncApi3TitledByTheServiceOnItsKafkaServer() {
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(document.at("/info/title").asString()).isEqualTo(service());
        assertThat(document.at("/servers/kafka/protocol").asString()).isEqualTo("kafka");
    }

    @Test
    void itDescribesEveryEventItPublishesOnItsTopicWithTheKey() {
        assertThat(messages("send")).isEqualTo(new TreeMap<>(publishes()));
        for (JsonNode message : messageNodes("send")) {
            assertThat(message.at("/bindings/kafka/key").isMissingNode())
                    .as("a Kafka key for " + message.path("title").asString())
                    .isFalse();
        }
    }

    @Test
    void itDescribesEveryEventItReadsOnTheTopicItReadsItFrom() {
        assertThat(messages("receive")).isEqualTo(new TreeMap<>(reads()));
    }

    @Test
    void everyEventItPublishesHasAGoldenSample() {
        publishes().values().stream()
                .flatMap(Set::stream)
                .forEach(type -> assertThat(Path.of("src", "test", "resources", "contracts", type + ".json"))
                        .as("golden sample of " + type)
                        .isRegularFile());
    }

    /** Topic to the titles of the messages of every operation with {@code action} ("send" or "receive"). */
    private Map<String, Set<String>> messages(String action) {
        Map<String, Set<String>> byTopic = new TreeMap<>();
        for (JsonNode operation : document.path("operations")) {
            if (!operation.path("action").asString().equals(action)) {
                continue;
            }
            String topic =
                    resolve(operation.at("/channel/$ref")).path("address").asString();
            for (JsonNode message : operation.path("messages")) {
                byTopic.computeIfAbsent(topic, t -> new TreeSet<>())
                        .add(message(message).path("title").asString());
            }
        }
        return byTopic;
    }

    private List<JsonNode> messageNodes(String action) {
        return document.path("operations")
                .valueStream()
                .filter(operation -> operation.path("action").asString().equals(action))
                .flatMap(operation -> operation.path("messages").valueStream())
                .map(this::message)
                .toList();
    }

    /** A message reference (to a channel's message, which refers to a component) followed to its definition. */
    private JsonNode message(JsonNode reference) {
        JsonNode node = reference;
        for (int hops = 0; node.has("$ref") && hops < 5; hops++) {
            node = resolve(node.get("$ref"));
        }
        return node;
    }

    private JsonNode resolve(JsonNode ref) {
        String pointer = ref.asString();
        assertThat(pointer).as("a local reference").startsWith("#/");
        JsonNode target = document.at(pointer.substring(1));
        assertThat(target.isMissingNode()).as("the target of " + pointer).isFalse();
        return target;
    }
}
