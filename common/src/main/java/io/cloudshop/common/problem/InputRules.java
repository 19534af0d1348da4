package io.cloudshop.common.problem;

import java.math.BigDecimal;

/**
 * What every service refuses in any input, whether a JSON member, a query parameter or a path variable, because
 * storing or encoding it fails or costs far more than the request is worth: text with a NUL character (PostgreSQL
 * cannot store it in {@code text}), text with an unpaired UTF-16 surrogate (it has no UTF-8 encoding, so hashing or
 * storing it throws), and decimals whose scale is beyond {@value #MAX_DECIMAL_SCALE} either way ({@code 1e-20000} is
 * eight characters, but the PostgreSQL driver's encoding of it costs time and memory exponential in the scale).
 *
 * <p>Other control characters are each field's business ({@code io.cloudshop.common.web.CleanText}): a description
 * may hold line breaks, a name may not.
 */
final class InputRules {

    /** The largest scale, and the largest negative one, a decimal input may have; no amount of money needs more. */
    static final int MAX_DECIMAL_SCALE = 100;

    /** The field-level message for text that breaks {@link #isStorable(String)}. */
    static final String INVALID_TEXT = "contains invalid characters";

    /** The field-level message for a decimal that breaks {@link #isStorable(BigDecimal)}. */
    static final String INVALID_DECIMAL = "has too many decimal places or too large an exponent";

    private InputRules() {}

    static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    static boolean isStorable(BigDecimal number) {
        return Math.abs((long) number.scale()) <= MAX_DECIMAL_SCALE;
    }
}
