package io.cloudshop.common.messaging;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads another service's event into the consumer's own type, as a tolerant reader: members the consumer does not
 * know are ignored, so a producer may add members without breaking anyone. Anything unreadable (not JSON, a record
 * constructor refusing a missing member) is a {@link MalformedEventException}, which goes to the dead-letter topic.
 */
public final class EventReader {

    private static final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventReader() {}

    public static <T> T read(byte[] value, Class<T> type) {
        try {
            T event = json.readValue(value, type);
            if (event == null) {
                throw new MalformedEventException("Empty record where a " + type.getSimpleName() + " was expected");
            }
            return event;
        } catch (JacksonException ex) {
            throw new MalformedEventException(
                    "Not a readable " + type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
        }
    }
}
