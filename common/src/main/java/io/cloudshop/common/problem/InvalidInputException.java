package io.cloudshop.common.problem;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that breaks {@link InputRules}: the problem handler names {@link #field()} with {@link #reason()}.
 */
final class InvalidInputException extends MismatchedInputException {

    private final String field;
    private final String reason;

    InvalidInputException(JsonParser parser, Class<?> targetType, String reason) {
        super(parser, "Value " + reason, targetType);
        this.field = memberName(parser.streamReadContext());
        this.reason = reason;
    }

    /**
     * The innermost object member that holds the value ({@code tags} for an element of {@code tags}), read from the
     * parser's position; {@code body} for a bare value.
     */
    private static String memberName(@Nullable TokenStreamContext context) {
        for (TokenStreamContext c = context; c != null; c = c.getParent()) {
            if (c.hasCurrentName()) {
                return c.currentName();
            }
        }
        return "body";
    }

    String field() {
        return field;
    }

    String reason() {
        return reason;
    }
}
