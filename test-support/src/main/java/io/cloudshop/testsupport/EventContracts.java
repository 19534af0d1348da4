package io.cloudshop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden JSON samples of the events a service publishes ({@code src/test/resources/contracts/<Type>.json}), for both
 * sides of a contract: the producer checks that what it writes today still carries every member of the golden sample
 * with the same JSON type (adding members is compatible, removing, renaming or retyping one is not); each consumer
 * reads the producer's samples with its own types.
 */
public final class EventContracts {

    private static final JsonMapper json = JsonMapper.builder().build();

    private EventContracts() {}

    /** A golden sample of {@code module} (e.g. {@code order-service}), read from the sibling module's test resources. */
    public static String sample(String module, String type) {
        Path file = Path.of("..", module, "src", "test", "resources", "contracts", type + ".json");
        try {
            return Files.readString(file);
        } catch (IOException ex) {
            throw new UncheckedIOException("No contract sample " + file.toAbsolutePath(), ex);
        }
    }

    /**
     * Fails unless every event of {@code family}, a sealed interface (records nested in it or its permitted classes
     * alike), has a golden sample in {@code module}: a new event type cannot be published before its contract is
     * written down.
     */
    public static void assertEverySampled(Class<?> family, String module) {
        if (!family.isSealed()) {
            throw new IllegalArgumentException(family + " is not a sealed event family");
        }
        List<String> missing = new ArrayList<>();
        for (Class<?> event : family.getPermittedSubclasses()) {
            Path file = Path.of("..", module, "src", "test", "resources", "contracts", event.getSimpleName() + ".json");
            if (!Files.isRegularFile(file)) {
                missing.add(file.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("Events of " + family.getSimpleName() + " without a golden sample: " + missing);
        }
    }

    /** Fails, naming every broken member, unless {@code actual} keeps all of {@code golden}'s members and types. */
    public static void assertCompatible(String golden, Object actual) {
        List<String> broken = new ArrayList<>();
        compare("$", json.readTree(golden), json.valueToTree(actual), broken);
        if (!broken.isEmpty()) {
            throw new AssertionError("Incompatible with the golden sample:\n" + String.join("\n", broken) + "\nactual: "
                    + json.writeValueAsString(actual));
        }
    }

    private static void compare(String path, JsonNode golden, JsonNode actual, List<String> broken) {
        if (actual == null || actual.isMissingNode()) {
            broken.add(path + ": missing");
            return;
        }
        if (golden.getNodeType() != actual.getNodeType() && !(golden.isNumber() && actual.isNumber())) {
            broken.add(path + ": " + golden.getNodeType() + " became " + actual.getNodeType());
            return;
        }
        if (golden.isObject()) {
            for (Map.Entry<String, JsonNode> member : golden.properties()) {
                compare(path + "." + member.getKey(), member.getValue(), actual.get(member.getKey()), broken);
            }
        } else if (golden.isArray() && !golden.isEmpty()) {
            if (actual.isEmpty()) {
                broken.add(path + ": no elements to compare");
            } else {
                compare(path + "[0]", golden.get(0), actual.get(0), broken);
            }
        } else if (path.endsWith(".type") && !golden.equals(actual)) {
            broken.add(path + ": " + golden + " became " + actual);
        }
    }
}
