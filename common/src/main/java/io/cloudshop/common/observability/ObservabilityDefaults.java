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
 *   <li>{@code TRACING_SAMPLING_PROBABILITY} of requests are traced, 10% by default; or, with
 *       {@code TRACING_SAMPLES_PER_SECOND} above 0, up to that many traces a second per instance, whatever the load
 *       (the devstack, docker-compose and Kubernetes set 20). The trace id is propagated (W3C {@code traceparent})
 *       either way, so logs and problems still carry it.
 *   <li>Kafka: the template and the listener containers are observed, so a trace continues from the HTTP request
 *       through the outbox's send into every consumer and what it publishes in turn.
 *   <li>Metrics carry an {@code application} tag (the component's name), which the dashboards and alerts in
 *       deploy/observability group by; HTTP latency is recorded as histograms so percentiles aggregate.
 *   <li>{@code MANAGEMENT_PORT}, when set, moves the actuator to its own port, where Prometheus scrapes without a
 *       token (containers and the devstack set it).
 *   <li>Exemplars go on counters and histogram buckets only, which every Prometheus reads (not on {@code _count}).
 *   <li>Shutdown is graceful (Boot's default): in-flight requests and listener records get
 *       {@code SHUTDOWN_GRACE_PERIOD} (20 s) per phase, inside Kubernetes' default 30 s termination grace.
 * </ul>
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String NAME = "cloudshopObservabilityDefaults";

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("management.metrics.tags.application", "${spring.application.name:}"),
            // Latency percentiles (p99 alerts, dashboards) from histogram buckets, aggregated across instances;
            // bounded to 5 ms .. 10 s to keep the bucket count down.
            Map.entry("management.metrics.distribution.percentiles-histogram.http.server.requests", "true"),
            Map.entry("management.metrics.distribution.minimum-expected-value.http.server.requests", "5ms"),
            Map.entry("management.metrics.distribution.maximum-expected-value.http.server.requests", "10s"),
            Map.entry("management.metrics.distribution.percentiles-histogram.spring.cloud.gateway.requests", "true"),
            Map.entry("management.metrics.distribution.minimum-expected-value.spring.cloud.gateway.requests", "5ms"),
            Map.entry("management.metrics.distribution.maximum-expected-value.spring.cloud.gateway.requests", "10s"),
            Map.entry(
                    "management.tracing.export.zipkin.endpoint",
                    "${ZIPKIN_ENDPOINT:http://localhost:9411/api/v2/spans}"),
            Map.entry("management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:0.1}"),
            Map.entry("cloudshop.tracing.samples-per-second", "${TRACING_SAMPLES_PER_SECOND:0}"),
            Map.entry("spring.kafka.template.observation-enabled", "true"),
            Map.entry("spring.kafka.listener.observation-enabled", "true"),
            Map.entry("management.server.port", "${MANAGEMENT_PORT:}"),
            // Exemplars (trace ids) on counters and histogram buckets only, which every Prometheus since 2.26 reads.
            // Micrometer's default also puts them on summaries' and histograms' _count, which Prometheus before 2.43
            // (Debian 12's 2.42, managed Prometheus services) refuses by dropping the whole scrape: the devstack's
            // Prometheus saw every service down.
            Map.entry(
                    "management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]",
                    "false"),
            Map.entry("spring.lifecycle.timeout-per-shutdown-phase", "${SHUTDOWN_GRACE_PERIOD:20s}"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(NAME, DEFAULTS));
    }
}
