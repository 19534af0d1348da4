package io.cloudshop.common.observability;

import static org.assertj.core.api.Assertions.assertThat;

import brave.sampler.RateLimitingSampler;
import brave.sampler.Sampler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which sampler the services run with: Boot's probability, or at most N traces a second. */
class SamplingTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(context -> new ObservabilityDefaults()
                    .postProcessEnvironment(context.getEnvironment(), new org.springframework.boot.SpringApplication()))
            .withConfiguration(
                    AutoConfigurations.of(ObservabilityAutoConfiguration.class, BraveAutoConfiguration.class));

    @Test
    void samplesPerSecondReplaceTheProbability() {
        context.withPropertyValues("TRACING_SAMPLES_PER_SECOND=20").run(started -> {
            assertThat(started).getBean(Sampler.class).isInstanceOf(RateLimitingSampler.class);
            assertThat(started.getBean(SamplingProperties.class).samplesPerSecond())
                    .isEqualTo(20);
        });
    }

    @Test
    void withoutThemBootsProbabilitySamplerDecides() {
        context.run(started -> assertThat(started).getBean(Sampler.class).isNotInstanceOf(RateLimitingSampler.class));
        context.withPropertyValues("TRACING_SAMPLES_PER_SECOND=0").run(started -> {
            assertThat(started).getBean(Sampler.class).isNotInstanceOf(RateLimitingSampler.class);
            assertThat(started).doesNotHaveBean(SamplingProperties.class);
        });
    }
}
