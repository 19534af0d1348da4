package io.cloudshop.common.observability;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which member of a service's events names what they are about, so that traces and log lines can be searched by it:
 * the saga's services set {@code orderId}. Unset (the default), events are tagged with their type only; this module
 * knows no domain.
 *
 * @param member the top-level event member holding the id; only a UUID value is ever used
 * @param tag the span tag it becomes (high cardinality, so on spans only), e.g. {@code cloudshop.order.id}
 * @param mdc the MDC key it is put under while a listener runs, e.g. {@code orderId}
 */
@ConfigurationProperties("cloudshop.observability.events.correlation")
public record EventCorrelationProperties(
        @Nullable String member,
        @Nullable String tag,
        @Nullable String mdc) {

    public EventCorrelationProperties {
        if (member != null && (tag == null || mdc == null)) {
            throw new IllegalArgumentException(
                    "cloudshop.observability.events.correlation.member needs .tag and .mdc as well");
        }
    }

    static EventCorrelationProperties none() {
        return new EventCorrelationProperties(null, null, null);
    }
}
