package io.cloudshop.systemtests;

import static io.cloudshop.systemtests.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contract-driven fuzzing through the gateway. Every operation of the four OpenAPI documents the gateway serves is
 * sent a catalogue of hostile values, in each path parameter, query parameter and header it documents and each member
 * of its request body (nested objects and array elements included), plus hostile bodies as a whole, anonymously and
 * with a customer's and an admin's token. Whatever the input:
 *
 * <ul>
 *   <li>never a 5xx;
 *   <li>every 4xx is {@code application/problem+json} with a stable {@code code};
 *   <li>no answer carries a stack trace, an exception or a class name;
 *   <li>a refused write changes nothing: no user, product, reservation, order, payment, wallet or ledger row is
 *       added or changed. (Events leave only through each service's transactional outbox, in the transaction that
 *       changes those rows, so no row changed means no event sent.)
 * </ul>
 *
 * An operation added to any service is fuzzed without touching this class: the operations come from the documents.
 */
@ExtendWith(Devstack.class)
class ContractFuzzSystemTests {

    static final List<String> SERVICES = List.of("user-service", "product-service", "order-service", "payment-service");

    /** Hostile JSON values for a body member, as raw JSON. */
    static final List<String> MEMBER_VALUES = List.of(
            "\"\"",
            "\" \"",
            "\"" + "x".repeat(10_001) + "\"",
            "\"a\\u0000b\"",
            "\"a\\ud800b\"",
            "\"\\udc00\"",
            "\"a\\u0007b\"",
            "\"a\\u202eb\"",
            "\"line\\nbreak\"",
            "\"' OR '1'='1\"",
            "\"\\ud83d\\udca5\"",
            "\"1e-20000\"",
            "\"5\"",
            "\"true\"",
            "-1",
            "0",
            "2147483648",
            "9223372036854775808",
            "1e-20000",
            "1e20000",
            "1.5",
            "-0.0001",
            "true",
            "null",
            "[]",
            "{}",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");

    /** Hostile values for a query or path parameter, already percent-encoded where needed. */
    static final List<String> PARAMETER_VALUES = List.of(
            "",
            "%20",
            "%00",
            "a%00b",
            "%ED%A0%80",
            "%E2%80%AE",
            "%F0%9F%92%A5",
            "-1",
            "0",
            "2147483648",
            "9223372036854775808",
            "1e-20000",
            "1e20000",
            "1.5",
            "NaN",
            "true",
            "abc",
            "%27%20OR%20%271%27%3D%271",
            "x".repeat(3000),
            "..%2F..%2Fetc%2Fpasswd");

    /** Hostile values for a header the operation documents (HTTP forbids control characters in headers). */
    static final List<String> HEADER_VALUES = List.of(" ", "x".repeat(300), "a b", "\u00e9", "-1", "%00", "' OR 1=1");

    /** What no answer may carry: traces of the implementation. */
    static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |java\\.|javax\\.|jakarta\\.|org\\.springframework|org\\.hibernate|tools\\.jackson"
                    + "|com\\.fasterxml|io\\.cloudshop|PSQL|SQLState|Hikari|stackTrace|trace\":\\s*\"");

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** HTTP/1.1 as the gateway speaks it (no h2c upgrade attempts); each request may take 30 s. */
    static final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Each service's database and the role that owns it. */
    static final String[][] DATABASES = {
        {"users", "user_service"},
        {"products", "product_service"},
        {"orders", "order_service"},
        {"payments", "payment_service"}
    };

    /**
     * Database, table, and an expression that changes when a row is added, deleted or (for tables with a JPA
     * {@code version}) updated: every table a refused request could wrongly write.
     */
    static final String[][] FINGERPRINTED = {
        {"users", "users", "count(*) + coalesce(sum(version), 0)"},
        {"users", "user_roles", "count(*)"},
        {"products", "products", "count(*) + coalesce(sum(version), 0)"},
        {"products", "reservations", "count(*) + coalesce(sum(version), 0)"},
        {"orders", "orders", "count(*) + coalesce(sum(version), 0)"},
        {"orders", "order_lines", "count(*)"},
        {"payments", "payments", "count(*) + coalesce(sum(version), 0)"},
        {"payments", "ledger_entries", "count(*)"},
        {"payments", "wallets", "count(*) + coalesce(sum(version), 0)"}
    };

    record Operation(String service, String method, String path, JsonNode spec, JsonNode document) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** One request: what is hostile in it, and how to send it. */
    record Probe(
            String what,
            String path,
            String query,
            Map<String, String> headers,
            @Nullable String body,
            String contentType) {}

    final List<String> failures = new ArrayList<>();
    final Map<String, Connection> databases = new LinkedHashMap<>();
    final java.util.Set<String> codes = new java.util.TreeSet<>();
    int sent;
    int refused;
    int retried;

    @Test
    void hostileInputNeverGetsAServerErrorLeaksNothingAndWritesNothing() throws Exception {
        List<Operation> operations = operations();
        assertThat(operations).as("operations in the OpenAPI documents").hasSizeGreaterThan(20);
        Map<String, @Nullable String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("customer", registerAndLogin("Fuzz customer"));
        callers.put("admin", adminToken());

        long started = System.nanoTime();
        try {
            for (String[] database : DATABASES) {
                databases.put(database[0], Devstack.database(database[0], database[1]));
            }
            for (Operation operation : operations) {
                for (Probe probe : probes(operation)) {
                    for (Map.Entry<String, @Nullable String> caller : callers.entrySet()) {
                        check(operation, probe, caller.getKey(), caller.getValue());
                    }
                }
            }
        } finally {
            for (Connection connection : databases.values()) {
                connection.close();
            }
        }

        System.out.printf(
                "Fuzzed %d operations with %d requests (%d refused with 4xx, %d sent again after a client timeout)"
                        + " in %d s%n",
                operations.size(),
                sent,
                refused,
                retried,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(failures)
                .as("%d findings in %d requests", failures.size(), sent)
                .isEmpty();
        // The probes got past the gateway into the services' validation, and some baselines were accepted: a suite
        // that only ever met 401s would prove nothing.
        assertThat(codes).contains("UNAUTHORIZED", "VALIDATION_FAILED", "MALFORMED_REQUEST", "NOT_FOUND");
        assertThat(sent - refused).as("requests accepted").isPositive();
    }

    private void check(Operation operation, Probe probe, String caller, @Nullable String token) throws SQLException {
        boolean write = !operation.method().equals("get");
        Map<String, Long> before = write ? fingerprint() : Map.of();
        HttpResponse<String> response = send(operation, probe, caller, token);
        if (response == null) {
            return; // the client refused to send it (an illegal header value): nothing reached the gateway
        }
        sent++;
        int status = response.statusCode();
        String where = operation + " " + probe.what() + " (" + caller + ") -> " + status;
        String body = response.body();
        if (status >= 500) {
            failures.add(where + ": server error " + abbreviate(body));
        }
        if (LEAK.matcher(body).find()) {
            failures.add(where + ": leaks " + abbreviate(body));
        }
        if (status >= 400) {
            refused++;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add(where + ": not problem+json but '" + type + "' " + abbreviate(body));
            } else {
                JsonNode problem = json.readTree(body);
                JsonNode code = problem.get("code");
                if (code == null || !CODE.matcher(code.asString()).matches()) {
                    failures.add(where + ": no stable code in " + abbreviate(body));
                } else {
                    codes.add(code.asString());
                }
            }
            if (write) {
                Map<String, Long> after = fingerprint();
                if (!after.equals(before)) {
                    failures.add(where + ": refused, but wrote " + difference(before, after));
                }
            }
        } else if (write) {
            awaitQuiet(); // an accepted write may start asynchronous work (a registration opens a wallet)
        }
    }

    /** Polls until the fingerprint holds still, so the next refused write is judged on its own effects. */
    private void awaitQuiet() throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Map<String, Long> previous = fingerprint();
        while (System.nanoTime() < deadline) {
            pause(Duration.ofMillis(200));
            Map<String, Long> current = fingerprint();
            if (current.equals(previous)) {
                return;
            }
            previous = current;
        }
        failures.add("writes did not settle within 15 s after an accepted request");
    }

    private @Nullable HttpResponse<String> send(
            Operation operation, Probe probe, String caller, @Nullable String token) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(gateway(probe.path() + probe.query())))
                    .timeout(Duration.ofSeconds(30));
            probe.headers().forEach(request::header);
        } catch (IllegalArgumentException unsendable) {
            return null;
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = probe.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(probe.body());
        if (probe.body() != null) {
            request.header("Content-Type", probe.contentType());
        }
        request.method(operation.method().toUpperCase(), body);
        try {
            HttpRequest built = request.build();
            try {
                return client.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException timeout) {
                // Once in a few thousand requests a pooled connection took one and never answered, while the gateway
                // had no request in flight: the client's side. Sent again once; a second silence is a finding.
                retried++;
                return client.send(built, HttpResponse.BodyHandlers.ofString());
            }
        } catch (java.io.IOException ex) {
            failures.add(operation + " " + probe.what() + " (" + caller + "): no answer (" + ex + ")");
            return null;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Every operation of every service's document, as the gateway serves them. */
    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            HttpResponse<String> response = get(gateway("/openapi/" + service));
            assertThat(response.statusCode())
                    .as(service + "'s OpenAPI document")
                    .isEqualTo(200);
            JsonNode document = json.readTree(response.body());
            document.get("paths")
                    .properties()
                    .forEach(path -> path.getValue().properties().forEach(method -> {
                        if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                            operations.add(new Operation(
                                    service, method.getKey(), path.getKey(), method.getValue(), document));
                        }
                    }));
        }
        return operations;
    }

    /** The baseline request of an operation and each of its hostile variants. */
    private static List<Probe> probes(Operation operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.spec().path("parameters").forEach(parameters::add);
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.get("name").asString();
            switch (parameter.get("in").asString()) {
                case "path" -> pathValues.put(name, UUID.randomUUID().toString());
                case "header" -> headers.put(name, UUID.randomUUID().toString());
                default -> {}
            }
        }
        JsonNode bodySchema = resolve(
                operation.document(),
                operation
                        .spec()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema"));
        @Nullable ObjectNode baseline = bodySchema.isMissingNode() ? null : sample(operation.document(), bodySchema, 0);
        String baselineBody = baseline == null ? null : baseline.toString();

        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe(
                "baseline", path(operation.path(), pathValues), "", headers, baselineBody, "application/json"));
        for (JsonNode parameter : parameters) {
            String name = parameter.get("name").asString();
            switch (parameter.get("in").asString()) {
                case "path" -> {
                    for (String value : PARAMETER_VALUES) {
                        Map<String, String> values = new LinkedHashMap<>(pathValues);
                        values.put(name, value);
                        String path = path(operation.path(), values);
                        if (!value.isEmpty()) {
                            probes.add(new Probe(
                                    name + "=" + abbreviate(value),
                                    path,
                                    "",
                                    headers,
                                    baselineBody,
                                    "application/json"));
                        }
                    }
                }
                case "query" -> {
                    for (String value : PARAMETER_VALUES) {
                        probes.add(new Probe(
                                name + "=" + abbreviate(value),
                                path(operation.path(), pathValues),
                                "?" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + value,
                                headers,
                                baselineBody,
                                "application/json"));
                    }
                }
                case "header" -> {
                    for (String value : HEADER_VALUES) {
                        Map<String, String> hostile = new LinkedHashMap<>(headers);
                        hostile.put(name, value);
                        probes.add(new Probe(
                                name + ": " + abbreviate(value),
                                path(operation.path(), pathValues),
                                "",
                                hostile,
                                baselineBody,
                                "application/json"));
                    }
                }
                default -> {}
            }
        }
        if (baseline != null) {
            String path = path(operation.path(), pathValues);
            for (String pointer : members(baseline, "")) {
                for (String value : MEMBER_VALUES) {
                    probes.add(new Probe(
                            pointer + "=" + abbreviate(value),
                            path,
                            "",
                            headers,
                            replace(baselineBody, baseline, pointer, value),
                            "application/json"));
                }
            }
            Iterator<String> names = baseline.propertyNames().iterator();
            if (names.hasNext()) {
                String first = names.next();
                String duplicated = "{\"" + first + "\": " + baseline.get(first) + ", " + baselineBody.substring(1);
                probes.add(new Probe("duplicated " + first, path, "", headers, duplicated, "application/json"));
            }
            for (String hostile :
                    List.of("", "null", "[]", "\"text\"", "{", "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}")) {
                probes.add(new Probe("body " + abbreviate(hostile), path, "", headers, hostile, "application/json"));
            }
            probes.add(new Probe("text/plain body", path, "", headers, baselineBody, "text/plain"));
            probes.add(new Probe("XML body", path, "", headers, "<order/>", "application/xml"));
            probes.add(new Probe("form body", path, "", headers, "a=1&b=2", "application/x-www-form-urlencoded"));
        }
        return probes;
    }

    /** A small valid-looking instance of {@code schema}: each property present, with a plausible value of its type. */
    private static ObjectNode sample(JsonNode document, JsonNode schema, int depth) {
        ObjectNode object = json.createObjectNode();
        schema.path("properties").properties().forEach(property -> {
            JsonNode type = resolve(document, property.getValue());
            object.set(property.getKey(), sampleValue(document, type, depth));
        });
        return object;
    }

    private static JsonNode sampleValue(JsonNode document, JsonNode schema, int depth) {
        String type = typeOf(schema);
        return switch (type) {
            case "integer" -> json.getNodeFactory().numberNode(1);
            case "number" -> json.getNodeFactory().numberNode(new java.math.BigDecimal("1.00"));
            case "boolean" -> json.getNodeFactory().booleanNode(true);
            case "array" -> {
                var array = json.createArrayNode();
                if (depth < 3) {
                    array.add(sampleValue(document, resolve(document, schema.path("items")), depth + 1));
                }
                yield array;
            }
            case "object" -> depth < 3 ? sample(document, schema, depth + 1) : json.createObjectNode();
            default -> {
                String format = schema.path("format").asString("");
                yield json.getNodeFactory()
                        .stringNode(
                                switch (format) {
                                    case "uuid" -> UUID.randomUUID().toString();
                                    case "email" -> "fuzz-" + UUID.randomUUID() + "@example.com";
                                    default ->
                                        schema.has("enum")
                                                ? schema.get("enum").get(0).asString()
                                                : "fuzz value";
                                });
            }
        };
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asString().equals("null")) {
                    return each.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : "string";
    }

    /** {@code $ref} and single-schema {@code allOf}/{@code anyOf}/{@code oneOf} followed to the schema itself. */
    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10; i++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asString();
                current = document.at(ref.substring(1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else if (current.has("oneOf") && current.get("oneOf").size() >= 1) {
                current = current.get("oneOf").get(0);
            } else if (current.has("anyOf") && current.get("anyOf").size() >= 1) {
                current = current.get("anyOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    /** JSON pointers of every scalar member, and of every array element and object member below it. */
    private static List<String> members(JsonNode node, String pointer) {
        List<String> pointers = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(member -> {
                String child = pointer + "/" + member.getKey();
                pointers.add(child);
                pointers.addAll(members(member.getValue(), child));
            });
        } else if (node.isArray() && !node.isEmpty()) {
            String child = pointer + "/0";
            pointers.add(child);
            pointers.addAll(members(node.get(0), child));
        }
        return pointers;
    }

    /** The baseline body with the member at {@code pointer} replaced by {@code rawJson}. */
    private static String replace(String baselineBody, ObjectNode baseline, String pointer, String rawJson) {
        String marker = "\"__fuzz_" + UUID.randomUUID() + "__\"";
        JsonNode copy = json.readTree(baselineBody);
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).put(last, marker.substring(1, marker.length() - 1));
        } else if (parent.isArray()) {
            ((tools.jackson.databind.node.ArrayNode) parent)
                    .set(
                            Integer.parseInt(last),
                            json.getNodeFactory().stringNode(marker.substring(1, marker.length() - 1)));
        }
        return copy.toString().replace(marker, rawJson);
    }

    private static String path(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    /**
     * Rows and versions of every table a refused request could wrongly write: a row added, deleted or updated
     * ({@code @Version} columns) changes it.
     */
    private Map<String, Long> fingerprint() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String[] table : FINGERPRINTED) {
            try (Statement statement = databases.get(table[0]).createStatement();
                    ResultSet result = statement.executeQuery("select " + table[2] + " from " + table[1])) {
                result.next();
                counts.put(table[1], result.getLong(1));
            }
        }
        return counts;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, value) -> {
            if (!value.equals(before.get(table))) {
                changed.add(table + " " + before.get(table) + " -> " + value);
            }
        });
        return String.join(", ", changed);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 40) + "...(" + text.length() + " chars)";
    }
}
