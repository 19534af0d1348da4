package io.cloudshop.common.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code kafka} in {@code /actuator/health}: UP when the cluster answers a metadata request within
 * {@code timeout}, with its id and broker count. Boot 4 ships no Kafka health indicator (it dropped the one it had
 * in 2.x) and spring-kafka has none, so this is the one piece of health written here: one long-lived admin client,
 * one {@code describeCluster} per probe.
 *
 * <p>Part of each service's readiness group (the issue asks for it): a pod that cannot reach Kafka is taken out of
 * its Kubernetes Service. Requests through the gateway follow Eureka, which does not follow readiness, so orders are
 * still accepted into the outbox while Kafka is away; the outbox-age alert is what pages someone.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Admin admin;
    private final Duration timeout;

    KafkaHealthIndicator(Map<String, Object> adminProperties, Duration timeout) {
        super("Kafka health check failed");
        Map<String, Object> properties = new HashMap<>(adminProperties);
        int millis = (int) timeout.toMillis();
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        properties.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "health");
        this.admin = Admin.create(properties);
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster =
                admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int brokers =
                cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
