package io.cloudshop.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class MessagingDefaultsTests {

    @Test
    void servicesGetTheSharedDefaultsButTheirOwnSettingsWin() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "application.yml", Map.of("spring.modulith.events.staleness.processing", "2m")));

        new MessagingDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("spring.kafka.consumer.enable-auto-commit"))
                .isEqualTo("false");
        assertThat(environment.getProperty("spring.modulith.events.completion-mode"))
                .isEqualTo("delete");
        assertThat(environment.getProperty("spring.modulith.events.staleness.processing"))
                .isEqualTo("2m");
        assertThat(environment.getPropertySources().stream().toList().getLast().getName())
                .isEqualTo(MessagingDefaults.NAME);
    }
}
