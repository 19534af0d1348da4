package io.cloudshop.common.problem;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * A refusal raised by a service's web layer (a rule of the request itself, e.g. a missing header), answered as a
 * problem with its own status and stable code; the message becomes the problem's {@code detail}, so it must be safe to
 * show to the client. Domain code never raises it: it throws its own exceptions, which the service's web layer maps
 * with {@link Problems#answer}.
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
