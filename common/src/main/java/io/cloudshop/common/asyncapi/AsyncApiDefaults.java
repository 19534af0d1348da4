package io.cloudshop.common.asyncapi;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * What every service's AsyncAPI document shares, as the lowest-priority property source (a service sets its own
 * {@code springwolf.docket.base-package}; an application that sets none publishes no document): titled by the application name, one Kafka server named by the
 * deployments' service name ({@code kafka:9092}; the document is public through the gateway, so it does not publish
 * a deployment's real broker addresses), schemas named by their fully qualified class (payment-service's own
 * {@code Money} and the one it reads in {@code StockReserved} would clash by simple name), and Springwolf's scan of {@code @KafkaListener} methods off (they
 * take raw records; the listeners declare what they read with {@code @AsyncListener}). Its Kafka publishing plugin
 * stays off, Springwolf's default, and nothing here may set a {@code springwolf.plugin.kafka.publishing.*} property:
 * binding one loads the plugin's producer settings, a Boot 3 class that Boot 4 no longer has, and the service fails to
 * start.
 */
public class AsyncApiDefaults implements EnvironmentPostProcessor {

    static final String NAME = "cloudshopAsyncApiDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "springwolf.docket.info.title",
            "${spring.application.name:application}",
            "springwolf.docket.info.version",
            "1",
            "springwolf.docket.info.description",
            "Events on Kafka, as JSON. Ordering, delivery guarantees and the saga's sequence: docs/events.md.",
            "springwolf.docket.servers.kafka.protocol",
            "kafka",
            "springwolf.docket.servers.kafka.host",
            "kafka:9092",
            "springwolf.use-fqn",
            "true",
            "springwolf.plugin.kafka.scanner.kafka-listener.enabled",
            "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ClassUtils.isPresent(
                "io.github.springwolf.core.asyncapi.annotations.AsyncPublisher",
                getClass().getClassLoader())) {
            return;
        }
        Map<String, Object> defaults = new HashMap<>(DEFAULTS);
        if (!environment.containsProperty("springwolf.docket.base-package")) {
            // Nothing declared where to look: no document, rather than Springwolf refusing to start the application.
            defaults.put("springwolf.enabled", "false");
        }
        environment.getPropertySources().addLast(new MapPropertySource(NAME, defaults));
    }
}
