package io.cloudshop.common.problem;

import org.springframework.http.HttpStatusCode;

/**
 * An error a service raises on purpose, answered as a problem with its own status and stable code. Services extend it
 * for their domain errors (e.g. a 409 {@code EMAIL_TAKEN}); the message becomes the problem's {@code detail}, so it
 * must be safe to show to the client.
 */
public class ApiException extends RuntimeException {

    private final HttpStatusCode status;
    private final String code;

    public ApiException(HttpStatusCode status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public HttpStatusCode status() {
        return status;
    }

    public String code() {
        return code;
    }
}
