package io.cloudshop.systemtests;

import static io.cloudshop.systemtests.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The monitoring in deploy/observability against the real thing: every metric its alerts and dashboards query exists
 * in the devstack's scrapes, and Prometheus' own {@code promtool} accepts the expositions, the configuration and the
 * rules, whose unit tests pass.
 *
 * <p>promtool comes from Debian's {@code prometheus} package, which {@code .ci/run} installs. Without it the promtool
 * checks are skipped (and say so), unless {@code CLOUDSHOP_REQUIRE_TOOLS=true}, as CI sets, makes them fail.
 */
@ExtendWith(Devstack.class)
@Order(5)
class MonitoringSystemTests {

    static final Path OBSERVABILITY =
            Path.of("..", "deploy", "observability").toAbsolutePath().normalize();
    static final Path PROMETHEUS = OBSERVABILITY.resolve("prometheus");
    static final Path DASHBOARDS = OBSERVABILITY.resolve("grafana").resolve("dashboards");
    static final Path SCRAPES = Path.of("target", "scrapes").toAbsolutePath();

    /** Metric names as they appear in PromQL: ours, and the families Boot, Micrometer and the libraries export. */
    static final Pattern METRIC = Pattern.compile(
            "\\b((?:cloudshop|http_server|spring_cloud_gateway|spring_kafka|kafka_consumer|resilience4j|jvm|process"
                    + "|hikaricp)_[a-z0-9_]+)");

    /** A label in the exposition: {@code name="value"}. */
    static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    /** A selector in PromQL, {@code metric{matchers}}, and the label names of its matchers. */
    static final Pattern SELECTOR = Pattern.compile("\\b([a-z][a-z0-9_]*)\\{([^}]*)}");

    static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");

    @Test
    void everyMetricTheAlertsAndDashboardsQueryIsExposedAndValid() throws Exception {
        activity();
        Map<String, String> scrapes = scrapeAll();

        // Every metric name, and the label names each one carries somewhere.
        Map<String, Set<String>> exposed = new TreeMap<>();
        scrapes.values()
                .forEach(exposition -> exposition
                        .lines()
                        .filter(line -> !line.startsWith("#") && !line.isBlank())
                        .forEach(line -> {
                            Set<String> labels =
                                    exposed.computeIfAbsent(line.split("[{ ]", 2)[0], name -> new TreeSet<>());
                            Matcher label = LABEL.matcher(line);
                            while (label.find()) {
                                labels.add(label.group(1));
                            }
                        }));
        Set<String> labelNames = new TreeSet<>();
        exposed.values().forEach(labelNames::addAll);
        Map<String, String> queried = queries();
        assertThat(queried).as("files under " + OBSERVABILITY).hasSizeGreaterThanOrEqualTo(3);
        queried.forEach((file, promql) -> {
            Set<String> metrics = new TreeSet<>();
            Matcher metric = METRIC.matcher(promql);
            while (metric.find()) {
                metrics.add(metric.group(1));
            }
            metrics.removeAll(labelNames); // "by (cloudshop_event_type)" names a label, not a metric
            assertThat(exposed.keySet())
                    .as("metrics queried in " + file + " and exposed by the devstack")
                    .containsAll(metrics);
            Matcher selector = SELECTOR.matcher(promql);
            while (selector.find()) {
                String name = selector.group(1);
                if (!metrics.contains(name)) {
                    continue; // e.g. up{job=...}, which Prometheus itself records
                }
                Matcher matcher = MATCHER.matcher(selector.group(2));
                while (matcher.find()) {
                    assertThat(exposed.get(name))
                            .as("labels of " + name + " (" + file + ")")
                            .contains(matcher.group(1));
                }
            }
        });
        assertThat(scrapes.get("gateway")).contains("application=\"gateway\"");
        assertThat(scrapes.get("order-service")).contains("application=\"order-service\"");

        if (promtool()) {
            for (String component : scrapes.keySet()) {
                checkMetrics(component, SCRAPES.resolve(component + ".prom"));
            }
        }
    }

    /**
     * {@code promtool check metrics} (which reads the exposition on stdin): it must parse (exit 1 is a parse error),
     * and our own metrics must pass its lint. The libraries' metrics draw lint remarks (no help text, camelCase
     * labels from Resilience4j and the gateway) that are not ours to fix; they are exit 3 and tolerated.
     */
    private static void checkMetrics(String component, Path exposition) throws IOException {
        Run check = exec(exposition, "promtool", "check", "metrics");
        assertThat(check.exit())
                .as("promtool check metrics for " + component + ":\n" + check.output())
                .isIn(0, 3);
        assertThat(check.output().lines())
                .as("promtool's remarks on " + component)
                .noneMatch(line -> line.startsWith("cloudshop_"));
    }

    @Test
    void theRulesAndConfigurationPassPromtoolAndTheRulesUnitTests() throws Exception {
        Assumptions.assumeTrue(promtool(), "promtool not installed (Debian package prometheus)");
        assertThat(run("promtool", "check", "config", PROMETHEUS.resolve("prometheus.yml")))
                .isZero();
        assertThat(run("promtool", "check", "rules", PROMETHEUS.resolve("alerts.yml")))
                .isZero();
        assertThat(run("promtool", "test", "rules", PROMETHEUS.resolve("alerts-tests.yml")))
                .isZero();
    }

    /**
     * The devstack's Prometheus (run because the prometheus binary is on the PATH, as .ci/run installs it) scrapes
     * every component's management port with the repository's configuration, loads its alert rules, and its queries
     * see the saga: the funnel counts an order placed and confirmed after this test placed one.
     */
    @Test
    void theDevstacksPrometheusScrapesEveryComponentAndSeesTheSaga() throws Exception {
        Assumptions.assumeTrue(prometheus(), "prometheus not installed (Debian package prometheus)");
        String prometheus = "http://localhost:" + Devstack.settings().prometheusPort();

        Map<String, String> everyoneUp = Map.of(
                "discovery", "up",
                "gateway", "up",
                "order-service", "up",
                "payment-service", "up",
                "product-service", "up",
                "user-service", "up");
        List<Map<String, String>> seen = new ArrayList<>(List.of(Map.of()));
        try {
            await(
                    () -> {
                        seen.set(0, targets(prometheus));
                        return seen.getFirst().equals(everyoneUp);
                    },
                    "every component's target up in Prometheus",
                    Duration.ofSeconds(60));
        } catch (AssertionError ex) {
            assertThat(seen.getFirst())
                    .as("targets (last errors: %s)", targetErrors(prometheus))
                    .isEqualTo(everyoneUp);
        }
        JsonNode rules = json.readTree(get(prometheus + "/api/v1/rules").body());
        assertThat(rules.at("/data/groups").findValuesAsString("name"))
                .as("alert rules loaded from alerts.yml")
                .contains("SagaStalled");

        double confirmed = funnel(prometheus, "CONFIRMED");
        activity();
        await(
                () -> funnel(prometheus, "CONFIRMED") > confirmed,
                "the confirmed order in Prometheus' saga funnel",
                Duration.ofSeconds(60));
        assertThat(funnel(prometheus, "CONFIRMED")).isGreaterThanOrEqualTo(confirmed + 1);
    }

    /** The application label of every scraped target, with its health ("up", "down", "unknown"). */
    private static Map<String, String> targets(String prometheus) {
        JsonNode active = json.readTree(
                        get(prometheus + "/api/v1/targets?state=active").body())
                .at("/data/activeTargets");
        Map<String, String> health = new TreeMap<>();
        for (JsonNode target : active) {
            health.put(
                    component(target.at("/labels/instance").asString()),
                    target.get("health").asString());
        }
        return health;
    }

    private static List<String> targetErrors(String prometheus) {
        List<String> errors = new ArrayList<>();
        json.readTree(get(prometheus + "/api/v1/targets?state=active").body())
                .at("/data/activeTargets")
                .forEach(target -> errors.add(target.at("/labels/instance").asString() + ": "
                        + target.at("/lastError").asString()));
        return errors;
    }

    /** The component behind a target's {@code localhost:<management port>}. */
    private static String component(String instance) {
        int port = Integer.parseInt(instance.substring(instance.lastIndexOf(':') + 1));
        return Stream.of("gateway", "discovery", "user-service", "product-service", "order-service", "payment-service")
                .filter(component -> Devstack.settings().managementPort(component) == port)
                .findFirst()
                .orElse(instance);
    }

    /** Orders finished with {@code outcome} so far, by Prometheus' query of the funnel (0 before the first). */
    private static double funnel(String prometheus, String outcome) {
        String query = "sum(cloudshop_orders_finished_total{outcome=\"%s\"})".formatted(outcome);
        JsonNode result = json.readTree(get(prometheus + "/api/v1/query?query="
                                + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8))
                        .body())
                .at("/data/result");
        return result.isEmpty()
                ? 0
                : Double.parseDouble(result.get(0).at("/value/1").asString());
    }

    private static boolean prometheus() {
        boolean installed = Devstack.settings().prometheus() != null;
        if (!installed && Boolean.parseBoolean(System.getenv("CLOUDSHOP_REQUIRE_TOOLS"))) {
            throw new AssertionError("prometheus is required (CLOUDSHOP_REQUIRE_TOOLS=true) but not on the PATH:"
                    + " apt-get install --no-install-recommends prometheus");
        }
        return installed;
    }

    /** Enough traffic that every series exists: an order through the saga, the catalog read. */
    private static void activity() throws Exception {
        String token = customerWith("Monitored", 10);
        String product = createProduct("1.00", 1);
        assertThat(placeAndAwait(token, product, 1).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(get(gateway("/api/v1/products")).statusCode()).isEqualTo(200);
    }

    private static Map<String, String> scrapeAll() throws IOException {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("gateway", Devstack.management("gateway", "/actuator/prometheus"));
        urls.put("discovery", Devstack.management("discovery", "/actuator/prometheus"));
        for (String service : HealthSystemTests.SERVICES) {
            urls.put(service, Devstack.management(service, "/actuator/prometheus"));
        }
        Files.createDirectories(SCRAPES);
        Map<String, String> scrapes = new LinkedHashMap<>();
        String admin = adminToken();
        for (Map.Entry<String, String> url : urls.entrySet()) {
            HttpResponse<String> scrape = scrape(url.getValue(), admin);
            assertThat(scrape.statusCode()).as(url.getKey()).isEqualTo(200);
            Files.writeString(SCRAPES.resolve(url.getKey() + ".prom"), scrape.body(), StandardCharsets.UTF_8);
            scrapes.put(url.getKey(), scrape.body());
        }
        return scrapes;
    }

    /** Per file: its text, which holds the PromQL (JSON-escaped quotes unescaped). */
    private static Map<String, String> queries() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(PROMETHEUS.resolve("alerts.yml"));
        try (Stream<Path> dashboards = Files.list(DASHBOARDS)) {
            dashboards
                    .filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .forEach(files::add);
        }
        Map<String, String> queried = new LinkedHashMap<>();
        for (Path file : files) {
            queried.put(
                    OBSERVABILITY.relativize(file).toString(),
                    Files.readString(file).replace("\\\"", "\""));
        }
        return queried;
    }

    private static boolean promtool() {
        boolean installed;
        try {
            installed = run("promtool", "--version") == 0;
        } catch (IOException notInstalled) {
            installed = false;
        }
        if (!installed && Boolean.parseBoolean(System.getenv("CLOUDSHOP_REQUIRE_TOOLS"))) {
            throw new AssertionError("promtool is required (CLOUDSHOP_REQUIRE_TOOLS=true) but not installed:"
                    + " apt-get install --no-install-recommends prometheus");
        }
        return installed;
    }

    private static int run(Object... command) throws IOException {
        Run run = exec(null, command);
        if (run.exit() != 0) {
            System.err.println(run.command() + ":\n" + run.output());
        }
        return run.exit();
    }

    record Run(String command, int exit, String output) {}

    /** Runs {@code command} (with {@code input} on stdin, if any) for at most 60 s; stdout and stderr together. */
    private static Run exec(Path input, Object... command) throws IOException {
        List<String> arguments = Stream.of(command).map(Object::toString).toList();
        ProcessBuilder builder = new ProcessBuilder(arguments).redirectErrorStream(true);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", arguments) + " did not finish within 60 s");
            }
            return new Run(String.join(" ", arguments), process.exitValue(), output);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException(ex);
        }
    }
}
