package io.cloudshop.common.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How traces are sampled beyond Boot's {@code management.tracing.sampling.probability}.
 *
 * @param samplesPerSecond at most this many new traces a second per instance; 0 (the default) leaves sampling to the
 *     probability. Set by {@code TRACING_SAMPLES_PER_SECOND}.
 */
@ConfigurationProperties("cloudshop.tracing")
record SamplingProperties(int samplesPerSecond) {}
