package io.cloudshop.common.problem;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;

/** Builds and enriches problem details so that every error path produces the same members. */
public final class Problems {

    /** Base of the {@code type} URIs; a code {@code FOO_BAR} becomes {@code .../foo-bar}. */
    public static final String TYPE_BASE = "https://cloudshop.io/problems/";

    /** What every 503 tells clients: the outages it stands for (a restart, a failover) take seconds. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final boolean TRACING_PRESENT =
            ClassUtils.isPresent("io.micrometer.tracing.Tracer", Problems.class.getClassLoader());

    private final ObjectProvider<?> tracer;

    Problems(ObjectProvider<?> tracer) {
        this.tracer = tracer;
    }

    /** A new problem with the given status, stable code and human-readable detail. */
    public ProblemDetail create(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return enrich(problem, code);
    }

    /** Adds {@code type}, {@code code} and {@code traceId} to a problem built elsewhere (e.g. by Spring MVC). */
    public ProblemDetail enrich(ProblemDetail problem, String code) {
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        if (problem.getTitle() == null) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            problem.setTitle(status != null ? status.getReasonPhrase() : "Error");
        }
        problem.setProperty("code", code);
        String traceId = currentTraceId();
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
        return problem;
    }

    /** The members of a problem as they appear on the wire, for code that writes the body itself (e.g. filters). */
    public static Map<String, Object> toMap(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            members.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    /**
     * The answer to a refusal: a service's web layer turns its domain exceptions into problems with this, in a
     * {@code @RestControllerAdvice} ordered before this module's own handler (which answers any exception it does not
     * know with a 500), e.g. {@code @Order(Ordered.HIGHEST_PRECEDENCE)}. A 503 (something the service depends on is
     * away) always says when to try again, as every 503 of the suite does.
     */
    public ResponseEntity<ProblemDetail> answer(
            HttpStatusCode status, String code, String detail, List<FieldError> errors) {
        ProblemDetail problem = create(status, code, detail);
        if (!errors.isEmpty()) {
            setErrors(problem, errors);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.body(problem);
    }

    /** As {@link #answer(HttpStatusCode, String, String, List)}, without field details. */
    public ResponseEntity<ProblemDetail> answer(HttpStatusCode status, String code, String detail) {
        return answer(status, code, detail, List.of());
    }

    /** Field-level details for invalid input. */
    public static void setErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors);
    }

    /** The stable code for a status when no more specific one applies, e.g. {@code NOT_FOUND}. */
    public static String defaultCode(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.name() : "HTTP_" + status.value();
    }

    private @Nullable String currentTraceId() {
        if (!TRACING_PRESENT) {
            return null;
        }
        Object candidate = tracer.getIfAvailable();
        if (candidate instanceof Tracer t) {
            Span span = t.currentSpan();
            return span != null ? span.context().traceId() : null;
        }
        return null;
    }

    /** One invalid input: the field (or parameter) name and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
