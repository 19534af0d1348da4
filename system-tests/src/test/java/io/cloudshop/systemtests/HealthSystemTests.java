package io.cloudshop.systemtests;

import static io.cloudshop.systemtests.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the services' probes say when what they need goes away and comes back. */
@ExtendWith(Devstack.class)
@Order(4)
class HealthSystemTests {

    static final List<String> SERVICES = List.of("user-service", "product-service", "order-service", "payment-service");

    /**
     * PostgreSQL stops: every service turns not ready (so a load balancer stops sending it traffic) but stays live (so
     * nothing restarts it); PostgreSQL comes back: ready again without a restart, and an order goes through.
     */
    @Test
    void withoutTheirDatabaseServicesAreLiveButNotReadyAndRecoverOnTheirOwn() throws Exception {
        for (String service : SERVICES) {
            assertThat(status(probe(service, "readiness"))).as(service).isEqualTo(200);
        }
        Devstack.stack().stop("postgres");
        try {
            awaitEveryServiceLiveButNotReady();
        } finally {
            Devstack.stack().start("postgres");
        }
        awaitEveryServiceReadyAgain();
        awaitConsumersStable();
        String token = customerWith("Back again", 10);
        String product = createProduct("1.00", 1);
        assertThat(placeAndAwait(token, product, 1).get("status").asString()).isEqualTo("CONFIRMED");
    }

    /**
     * Kafka stops: every service turns not ready but stays live, and orders are still taken (the outbox holds their
     * events; the gateway routes by Eureka, which does not follow readiness). Kafka comes back: ready again without a
     * restart, and the order taken meanwhile finishes.
     */
    @Test
    void withoutKafkaServicesAreNotReadyYetOrdersAreTakenAndFinishWhenItReturns() throws Exception {
        String token = customerWith("Kafka away", 10);
        String product = createProduct("1.00", 5);
        HttpResponse<String> placed;
        Devstack.stack().stop("kafka");
        try {
            awaitEveryServiceLiveButNotReady();
            placed = placeOrder(token, UUID.randomUUID().toString(), product, 1);
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        } finally {
            Devstack.stack().start("kafka");
        }
        awaitEveryServiceReadyAgain();
        awaitConsumersStable();
        // CONFIRMED, or CANCELLED by the 30 s timeout if the outbox's retry came later: either way it finished.
        assertThat(awaitFinished(idOf(placed), token, Duration.ofSeconds(120))
                        .get("status")
                        .asString())
                .isIn("CONFIRMED", "CANCELLED");
        assertThat(placeAndAwait(token, product, 1).get("status").asString()).isEqualTo("CONFIRMED");
    }

    private static void awaitEveryServiceLiveButNotReady() throws Exception {
        for (String service : SERVICES) {
            await(() -> status(probe(service, "readiness")) == 503, service + " not ready");
            assertThat(status(probe(service, "liveness"))).as(service + " live").isEqualTo(200);
        }
    }

    private static void awaitEveryServiceReadyAgain() throws Exception {
        for (String service : SERVICES) {
            await(() -> status(probe(service, "readiness")) == 200, service + " ready again", Duration.ofSeconds(90));
        }
    }

    private static String probe(String service, String group) {
        return Devstack.management(service, "/actuator/health/" + group);
    }

    /** The probe's status code; 0 when it did not answer in time (a probe that times out has failed too). */
    private static int status(String url) {
        try {
            HttpResponse<String> response = get(url);
            return response.statusCode();
        } catch (RuntimeException timedOut) {
            return 0;
        }
    }
}
