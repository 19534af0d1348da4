package io.cloudshop.common.web;

import io.cloudshop.common.problem.ApiException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Strong entity tags from a resource's version ({@code "7"}), for optimistic concurrency over HTTP.
 *
 * <p>Reads return {@code ResponseEntity.ok().eTag(ETags.of(version))}: Spring MVC then answers a matching
 * {@code If-None-Match} with 304 by itself. Writes pass the client's {@code If-Match} to {@link #versionFrom} and the
 * result into the update, which compares it with the stored version inside its transaction, so the check and the
 * write cannot be interleaved by another writer; a mismatch is {@link #preconditionFailed()}.
 */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names: null when absent or {@code *} (no precondition on the version).
     * A malformed header, or a list naming several versions, cannot match anything and is refused with 412.
     */
    public static @Nullable Long versionFrom(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String[] tags = Arrays.stream(ifMatch.split(",")).map(String::trim).toArray(String[]::new);
        if (tags.length != 1 || !tags[0].matches("\"\\d{1,18}\"")) {
            // Weak tags never match for If-Match (RFC 9110 8.8.3.2), and we only ever hand out one strong tag.
            throw preconditionFailed();
        }
        return Long.parseLong(tags[0].substring(1, tags[0].length() - 1));
    }

    public static ApiException preconditionFailed() {
        return new ApiException(
                HttpStatus.PRECONDITION_FAILED,
                "PRECONDITION_FAILED",
                "The resource has changed since the version in If-Match. Read it again and retry.");
    }
}
