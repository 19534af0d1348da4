package io.cloudshop.systemtests;

import static io.cloudshop.systemtests.Api.*;

import io.cloudshop.devstack.Stack;
import io.cloudshop.systemtests.FaultDrillSystemTests.Drill;
import io.cloudshop.systemtests.FaultDrillSystemTests.Load;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * What shows, after a drill, that the faulty component's users went back to it by themselves, for the components whose
 * loss placements never see (a drill's placements and reconciliation already show the rest): the services' spans reach
 * Zipkin again, the gateway counts rate limits in Redis again (and counted in its own memory meanwhile), Prometheus
 * scrapes every target again, and Eureka lists every instance again. Each check polls with a deadline and returns what
 * did not hold.
 */
abstract class Recovery {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    static Recovery of(String component) {
        return switch (component) {
            case "zipkin" -> new Tracing();
            case "redis" -> new RateLimits();
            case "prometheus" -> new Scrapes();
            case "discovery" -> new Registry();
            default -> new Recovery() {};
        };
    }

    /** Called before the fault. */
    void before() {}

    /** Called once the drill's orders have finished; {@code faultEnded} as {@link System#nanoTime()}. */
    List<String> after(Drill drill, Load load, long faultEnded, Instant faultEndedAt) {
        return List.of();
    }

    /** Nothing if {@code check} held within {@link #PATIENCE}, else {@code violation} (as the last poll left it). */
    static List<String> unless(Check check, Supplier<String> violation) {
        try {
            await(check, "recovery", PATIENCE);
            return List.of();
        } catch (AssertionError notRecovered) {
            return List.of(violation.get());
        }
    }

    /** A placement accepted after the fault is one trace in Zipkin, with the gateway's and order-service's spans. */
    static final class Tracing extends Recovery {
        @Override
        List<String> after(Drill drill, Load load, long faultEnded, Instant faultEndedAt) {
            List<String> traces = load.tracesSince(faultEnded);
            if (traces.isEmpty()) {
                return List.of("no placement accepted after the " + drill + " named its trace (X-Trace-Id)");
            }
            // The newest first: the reporters may have dropped what they could not send while Zipkin was away.
            List<String> candidates = traces.subList(0, Math.min(5, traces.size()));
            return unless(
                    () -> {
                        for (String trace : candidates) {
                            HttpResponse<String> spans = get(
                                    "http://localhost:" + Devstack.settings().zipkinPort() + "/api/v2/trace/" + trace);
                            if (spans.statusCode() == 200) {
                                Set<String> services = new TreeSet<>();
                                json.readTree(spans.body())
                                        .forEach(span -> services.add(span.at("/localEndpoint/serviceName")
                                                .asString()));
                                if (services.containsAll(Set.of("gateway", "order-service"))) {
                                    return true;
                                }
                            }
                        }
                        return false;
                    },
                    () -> "no trace of the placements accepted after the " + drill
                            + " reached Zipkin with the gateway's and" + " order-service's spans (tried " + candidates
                            + ")");
        }
    }

    /**
     * While Redis is away the gateway counts in its own memory ({@code cloudshop.ratelimit.fallbacks} grows: requests
     * did not wait for Redis), and once Redis is back it counts there again (the counter stands still over new
     * requests).
     */
    static final class RateLimits extends Recovery {

        private double before;

        @Override
        void before() {
            before = fallbacks();
        }

        @Override
        List<String> after(Drill drill, Load load, long faultEnded, Instant faultEndedAt) {
            List<String> violations = new ArrayList<>();
            if (fallbacks() <= before) {
                violations.add("the gateway never counted in its own memory while Redis was "
                        + drill.fault().past() + ": its requests waited for Redis");
            }
            violations.addAll(unless(
                    () -> {
                        double now = fallbacks();
                        for (int i = 0; i < 3; i++) {
                            get(gateway("/api/v1/products"), adminToken());
                        }
                        return fallbacks() == now;
                    },
                    () -> "the gateway still counts in its own memory after the " + drill
                            + ": it did not go back to Redis"));
            return violations;
        }

        private static double fallbacks() {
            HttpResponse<String> metric = get(
                    Devstack.management("gateway", "/actuator/metrics/cloudshop.ratelimit.fallbacks"), adminToken());
            if (metric.statusCode() != 200) {
                throw new AssertionError("cloudshop.ratelimit.fallbacks: " + metric.statusCode() + " " + metric.body());
            }
            return json.readTree(metric.body())
                    .get("measurements")
                    .get(0)
                    .get("value")
                    .asDouble();
        }
    }

    /** Every target Prometheus knows is up, scraped after the fault ended. */
    static final class Scrapes extends Recovery {
        @Override
        List<String> after(Drill drill, Load load, long faultEnded, Instant faultEndedAt) {
            List<String> stale = new ArrayList<>();
            return unless(
                    () -> {
                        stale.clear();
                        HttpResponse<String> targets =
                                get("http://localhost:" + Devstack.settings().prometheusPort() + "/api/v1/targets");
                        if (targets.statusCode() != 200) {
                            return false;
                        }
                        JsonNode active = json.readTree(targets.body()).at("/data/activeTargets");
                        active.forEach(target -> {
                            if (!target.path("health").asString().equals("up")
                                    || Instant.parse(target.path("lastScrape").asString())
                                            .isBefore(faultEndedAt)) {
                                stale.add(target.path("scrapeUrl").asString() + " "
                                        + target.path("health").asString());
                            }
                        });
                        return !active.isEmpty() && stale.isEmpty();
                    },
                    () -> "Prometheus did not scrape every target again after the " + drill + ": " + stale);
        }
    }

    /** Eureka lists the gateway and every service again. */
    static final class Registry extends Recovery {

        static final Set<String> APPLICATIONS =
                Set.of("GATEWAY", "USER-SERVICE", "PRODUCT-SERVICE", "ORDER-SERVICE", "PAYMENT-SERVICE");

        @Override
        List<String> after(Drill drill, Load load, long faultEnded, Instant faultEndedAt) {
            Set<String> listed = new TreeSet<>();
            return unless(
                    () -> {
                        listed.clear();
                        HttpResponse<String> apps = HttpClient.newHttpClient()
                                .send(
                                        HttpRequest.newBuilder(URI.create("http://localhost:"
                                                        + Devstack.settings().eurekaPort() + "/eureka/apps"))
                                                .header("Accept", "application/json")
                                                .header("Authorization", "Basic " + credentials())
                                                .timeout(Duration.ofSeconds(10))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                        if (apps.statusCode() != 200) {
                            return false;
                        }
                        json.readTree(apps.body())
                                .at("/applications/application")
                                .forEach(app -> listed.add(app.get("name").asString()));
                        return listed.containsAll(APPLICATIONS);
                    },
                    () -> "Eureka does not list every instance again after the " + drill + ": only " + listed);
        }

        private static String credentials() {
            return Base64.getEncoder()
                    .encodeToString(
                            (Stack.EUREKA_USERNAME + ":" + Devstack.secrets().getProperty("eureka.password"))
                                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
