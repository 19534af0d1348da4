package io.cloudshop.common.web;

/**
 * {@code @Pattern} expressions for text a person typed: no control characters, no unpaired surrogates (which cannot
 * be stored as UTF-8), no bidirectional overrides or isolates (which can make text display as something else, e.g.
 * {@code "gnp.exe"} as {@code "exe.png"}). Emoji and every script are fine.
 */
public final class CleanText {

    /** Names, emails, codes: one line. */
    public static final String SINGLE_LINE = "[^\\p{Cc}\\p{Cs}\\u202A-\\u202E\\u2066-\\u2069]*";

    /** Descriptions: as {@link #SINGLE_LINE}, but tabs and line breaks are allowed. */
    public static final String MULTI_LINE =
            "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\p{Cs}\\u202A-\\u202E\\u2066-\\u2069]*";

    /** The message for either. */
    public static final String MESSAGE = "contains invalid characters";

    private CleanText() {}
}
