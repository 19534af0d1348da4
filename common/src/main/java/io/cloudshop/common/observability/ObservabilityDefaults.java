package io.cloudshop.common.observability;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tracing settings every component shares, as the lowest-priority property source (a component's own configuration
 * and its environment still win):
 *
 * <ul>
 *   <li>Spans go to Zipkin at {@code ZIPKIN_ENDPOINT} (default {@code http://localhost:9411/api/v2/spans}), reported
 *       asynchronously in batches: Zipkin being slow or down costs requests nothing, spans are dropped.
 *   <li>{@code TRACING_SAMPLING_PROBABILITY} of requests are traced, 10% by default; the devstack and docker-compose set
 *       1.0. The trace id is propagated (W3C {@code traceparent}) either way, so logs and problems still carry it.
 *   <li>Kafka: the template and the listener containers are observed, so a trace continues from the HTTP request
 *       through the outbox's send into every consumer and what it publishes in turn.
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
            "true");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(NAME, DEFAULTS));
    }
}
