package io.cloudshop.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;

/**
 * Which infrastructure a test run gets. {@code CLOUDSHOP_TEST_INFRA=containers} or {@code embedded} forces one;
 * otherwise containers when a Docker engine answers, embedded when none does. Decided once per JVM.
 */
public enum InfrastructureMode {
    CONTAINERS,
    EMBEDDED;

    private static volatile InfrastructureMode current;

    public static InfrastructureMode current() {
        InfrastructureMode mode = current;
        if (mode == null) {
            synchronized (InfrastructureMode.class) {
                mode = current;
                if (mode == null) {
                    mode = detect();
                    current = mode;
                }
            }
        }
        return mode;
    }

    private static InfrastructureMode detect() {
        String forced = System.getenv("CLOUDSHOP_TEST_INFRA");
        if (forced != null && !forced.isBlank()) {
            return valueOf(forced.trim().toUpperCase(Locale.ROOT));
        }
        if (!dockerConfigured()) {
            return EMBEDDED;
        }
        return DockerClientFactory.instance().isDockerAvailable() ? CONTAINERS : EMBEDDED;
    }

    /** Spares the Docker probe (and its error log) on machines that clearly have no engine to talk to. */
    private static boolean dockerConfigured() {
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
    }

    static final class ContainersCondition implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return current() == CONTAINERS;
        }
    }

    static final class EmbeddedCondition implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return current() == EMBEDDED;
        }
    }
}
