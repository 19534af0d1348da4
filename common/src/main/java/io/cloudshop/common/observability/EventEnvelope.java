package io.cloudshop.common.observability;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two envelope members operators look for on a messaging span or log line: the event's {@code type} and the id of
 * what it is about, from the member the service names ({@link EventCorrelationProperties#member()}, e.g. the saga's
 * {@code orderId}). Read from what is sent (an event record, before serialization) or received (the raw JSON bytes,
 * top-level members only, nothing else parsed). Anything else yields nothing: an unreadable record is the error
 * handler's business, never the observation's.
 *
 * <p>Only these two members are ever read, so no personal data (names, e-mail addresses) can reach a tag or the MDC.
 */
record EventEnvelope(@Nullable String type, @Nullable String correlationId) {

    static final EventEnvelope NONE = new EventEnvelope(null, null);

    /** Event types are names like {@code OrderPlaced}; anything else is not used as a (low-cardinality) tag value. */
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final ClassValue<Map<String, Method>> accessors = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> byName = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                if (accessor.trySetAccessible()) {
                    byName.put(component.getName(), accessor);
                }
            }
            return byName;
        }
    };

    /** @param member the member holding the correlation id, or null to read the type only */
    static EventEnvelope of(@Nullable Object value, @Nullable String member) {
        if (value instanceof byte[] bytes) {
            return read(bytes, member);
        }
        if (value == null || !value.getClass().isRecord()) {
            return NONE;
        }
        Map<String, Method> members = accessors.get(value.getClass());
        return envelope(get(members.get("type"), value), member == null ? null : get(members.get(member), value));
    }

    private static EventEnvelope read(byte[] bytes, @Nullable String member) {
        String type = null;
        String correlationId = null;
        try (JsonParser parser = json.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.VALUE_STRING && name.equals("type")) {
                    type = parser.getString();
                } else if (token == JsonToken.VALUE_STRING && name.equals(member)) {
                    correlationId = parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JacksonException ex) {
            // Not JSON, or cut short: keep what was read before the damage.
        }
        return envelope(type, correlationId);
    }

    private static EventEnvelope envelope(@Nullable Object type, @Nullable Object correlationId) {
        return new EventEnvelope(
                type instanceof String name && TYPE.matcher(name).matches() ? name : null, uuid(correlationId));
    }

    /** Only a UUID is accepted as an id: a tag or MDC value never carries arbitrary producer text. */
    private static @Nullable String uuid(@Nullable Object value) {
        if (value instanceof UUID id) {
            return id.toString();
        }
        if (value instanceof String text && text.length() == 36) {
            try {
                return UUID.fromString(text).toString();
            } catch (IllegalArgumentException ex) {
                return null;
            }
        }
        return null;
    }

    Optional<String> typeIfKnown() {
        return Optional.ofNullable(type);
    }

    Optional<String> correlationIdIfKnown() {
        return Optional.ofNullable(correlationId);
    }

    private static @Nullable Object get(@Nullable Method accessor, Object value) {
        if (accessor == null) {
            return null;
        }
        try {
            return accessor.invoke(value);
        } catch (ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
    }
}
