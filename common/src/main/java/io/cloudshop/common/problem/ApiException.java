package io.cloudshop.common.problem;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An error a service raises on purpose, answered as a problem with its own status and stable code. Services extend it
 * for their domain errors (e.g. a 409 {@code EMAIL_TAKEN}); the message becomes the problem's {@code detail}, so it
 * must be safe to show to the client.
 */
public class ApiException extends RuntimeException {

    private final HttpStatusCode status;
    private final String code;
    private final List<Problems.FieldError> errors;

    public ApiException(HttpStatusCode status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    /** With field details, e.g. a 400 {@code VALIDATION_FAILED} for a rule bean validation cannot express. */
    public ApiException(HttpStatusCode status, String code, String detail, List<Problems.FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** A 400 {@code VALIDATION_FAILED} for one field, like bean validation's, for a rule it cannot express. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED",
                "The request has invalid values.",
                List.of(new Problems.FieldError(field, message)));
    }

    public List<Problems.FieldError> errors() {
        return errors;
    }

    public HttpStatusCode status() {
        return status;
    }

    public String code() {
        return code;
    }
}
