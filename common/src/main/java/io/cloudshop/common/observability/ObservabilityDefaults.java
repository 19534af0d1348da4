package io.cloudshop.common.observability;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tracing and operations settings every component shares, as the lowest-priority property source (a component's own configuration
 * and its environment still win):
 *
 * <ul>
 *   <li>Spans go to Zipkin at {@code ZIPKIN_ENDPOINT} (default {@code http://localhost:9411/api/v2/spans}), reported
 *       asynchronously in batches: Zipkin being slow or down costs requests nothing, spans are dropped.
 *   <li>{@code TRACING_SAMPLING_PROBABILITY} of requests are traced, 10% by default; the devstack and docker-compose set
 *       1.0. The trace id is propagated (W3C {@code traceparent}) either way, so logs and problems still carry it.
 *   <li>Kafka: the template and the listener containers are observed, so a trace continues from the HTTP request
 *       through the outbox's send into every consumer and what it publishes in turn.
 *   <li>{@code MANAGEMENT_PORT}, when set, moves the actuator to its own port, where Prometheus scrapes without a
 *       token (containers set it; the devstack does not).
 *   <li>Shutdown is graceful (Boot's default): in-flight requests and listener records get
 *       {@code SHUTDOWN_GRACE_PERIOD} (20 s) per phase, inside Kubernetes' default 30 s termination grace.
 * </ul>
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String NAME = "cloudshopObservabilityDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.tracing.export.zipkin.endpoint",
            "${ZIPKIN_ENDPOINT:http://localhost:9411/api/v2/spans}",
            "management.tracing.sampling.probability",
            "${TRACING_SAMPLING_PROBABILITY:0.1}",
            "spring.kafka.template.observation-enabled",
            "true",
            "spring.kafka.listener.observation-enabled",
            "true",
            "management.server.port",
            "${MANAGEMENT_PORT:}",
            "spring.lifecycle.timeout-per-shutdown-phase",
            "${SHUTDOWN_GRACE_PERIOD:20s}");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(NAME, DEFAULTS));
    }
}
