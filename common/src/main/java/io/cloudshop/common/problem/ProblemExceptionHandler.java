package io.cloudshop.common.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolationException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every exception that reaches Spring MVC into a problem: Spring's own (404, 405, 415, unreadable body, ...) via
 * {@link ResponseEntityExceptionHandler}, validation failures with field details, {@link ApiException} with its own
 * code, and anything unexpected as a bare 500 whose cause is logged, never sent.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final Problems problems;

    ProblemExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    /** A refusal raised by a service's web layer, answered as {@link Problems#answer} does. */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApiException(ApiException ex) {
        return problems.answer(ex.status(), ex.code(), ex.getMessage(), ex.errors());
    }

    /**
     * Two writers raced for one version of a row and this one lost (JPA {@code @Version}): nothing of it was written,
     * and a retry after reading again may succeed.
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> handleConcurrentUpdate(OptimisticLockingFailureException ex) {
        log.debug("Concurrent update refused", ex);
        ProblemDetail problem = problems.create(
                HttpStatus.CONFLICT,
                "CONCURRENT_UPDATE",
                "The resource was changed by another request at the same time. Read it again and retry.");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /**
     * The database could not be reached: no connection within the pool's timeout, refused or dropped. The same request
     * may succeed once it is back, so 503 with {@code Retry-After}, like the gateway's answer for a service that is
     * down, not a 500 that reads as a bug. (A connection lost during a commit leaves its outcome unknown; orders and
     * top-ups take an {@code Idempotency-Key}, which makes their retry safe.)
     */
    @ExceptionHandler({
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class
    })
    ResponseEntity<ProblemDetail> handleDatabaseUnavailable(RuntimeException ex) {
        log.warn("Database unavailable: {}", ex.getMessage());
        ProblemDetail problem = problems.create(
                HttpStatus.SERVICE_UNAVAILABLE,
                "DATABASE_UNAVAILABLE",
                "The service cannot reach its database right now. Retry later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS)
                .body(problem);
    }

    /**
     * Any other failure of data access or of a transaction is a 503 as above when the connection under it was lost
     * (PostgreSQL crashed or shut down, or the network dropped it mid-statement: SQL state class 08, or 57P01-57P03),
     * which the persistence provider reports as a generic error (Hibernate's {@code GenericJDBCException} for a
     * statement, "Unable to rollback against JDBC Connection" for the rollback after it); anything else is unexpected.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> handleDataAccessFailure(RuntimeException ex) {
        return ConnectionLoss.causedBy(ex) ? handleDatabaseUnavailable(ex) : handleUnexpected(ex);
    }

    /**
     * Spring Security's firewall refused part of the request as it was read (a parameter name with a control
     * character, for one): the client's fault, so 400, and nothing of the request is echoed.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> handleRequestRejected(RequestRejectedException ex) {
        log.debug("Request rejected by the firewall: {}", ex.getMessage());
        return ResponseEntity.badRequest()
                .body(problems.create(
                        HttpStatus.BAD_REQUEST,
                        "REQUEST_REJECTED",
                        "The request has characters or a shape that is not allowed."));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
        ProblemDetail problem =
                problems.create(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid values.");
        List<Problems.FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new Problems.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        Problems.setErrors(problem, errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleArgumentTypeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem =
                problems.create(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid values.");
        Problems.setErrors(problem, List.of(new Problems.FieldError(ex.getName(), "has an invalid value")));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * Authorization decided inside a handler ({@code @PreAuthorize}) belongs to Spring Security's exception
     * translation, which answers 401 or 403 with the bearer-token challenge; rethrown so it gets there.
     */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowSecurityException(RuntimeException ex) {
        throw ex;
    }

    /**
     * The servlet container could not decode the query string (escapes that are not UTF-8, say) when the parameters
     * were first read. Tomcat's {@code InvalidParameterException}, matched by name so that common needs no container
     * classes; anything else goes on to {@link #handleUnexpected}.
     */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> handleIllegalState(IllegalStateException ex) {
        if (ex.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
            log.debug("Undecodable parameters: {}", ex.getMessage());
            return ResponseEntity.badRequest()
                    .body(problems.create(
                            HttpStatus.BAD_REQUEST,
                            "MALFORMED_REQUEST",
                            "The request's parameters cannot be decoded as UTF-8."));
        }
        return handleUnexpected(ex);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        log.error("Unhandled exception", ex);
        return ResponseEntity.internalServerError()
                .body(problems.create(
                        HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "An unexpected error occurred."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.create(status, "VALIDATION_FAILED", "The request has invalid values.");
        Problems.setErrors(problem, fieldErrors(ex.getBindingResult()));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.create(status, "VALIDATION_FAILED", "The request has invalid values.");
        List<Problems.FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error -> errors.add(new Problems.FieldError(
                            name != null ? name : "parameter", String.valueOf(error.getDefaultMessage()))));
        });
        Problems.setErrors(problem, errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The parser's message can echo request content and internal class names: keep it out of the response.
        StreamConstraintsException limit = limitExceeded(ex);
        if (limit != null) {
            return inputLimitExceeded(ex, limit, headers, request);
        }
        if (ex.getCause() instanceof StreamReadException duplicate
                && String.valueOf(duplicate.getOriginalMessage()).startsWith("Duplicate Object property")) {
            ProblemDetail problem = problems.create(
                    status, "MALFORMED_REQUEST", "The request body has a member more than once in one object.");
            return handleExceptionInternal(ex, problem, headers, status, request);
        }
        if (ex.getCause() instanceof InvalidInputException invalid) {
            ProblemDetail problem = problems.create(status, "VALIDATION_FAILED", "The request has invalid values.");
            Problems.setErrors(problem, List.of(new Problems.FieldError(invalid.field(), invalid.reason())));
            return handleExceptionInternal(ex, problem, headers, status, request);
        }
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            // Unknown members are refused, not ignored, so that no client can set what the API does not offer.
            ProblemDetail problem = problems.create(status, "VALIDATION_FAILED", "The request has invalid values.");
            Problems.setErrors(
                    problem, List.of(new Problems.FieldError(unknown.getPropertyName(), "is not a known property")));
            return handleExceptionInternal(ex, problem, headers, status, request);
        }
        if (ex.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            ProblemDetail problem = problems.create(status, "VALIDATION_FAILED", "The request has invalid values.");
            Problems.setErrors(
                    problem, List.of(new Problems.FieldError(fieldOf(mismatch), "has the wrong type or format")));
            return handleExceptionInternal(ex, problem, headers, status, request);
        }
        ProblemDetail problem =
                problems.create(status, "MALFORMED_REQUEST", "The request body is missing or is not valid JSON.");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** A body beyond {@link JsonInputProperties}: 413 for its size, 400 naming the kind of limit otherwise. */
    private @Nullable ResponseEntity<Object> inputLimitExceeded(
            HttpMessageNotReadableException ex,
            StreamConstraintsException limit,
            HttpHeaders headers,
            WebRequest request) {
        String message = String.valueOf(limit.getOriginalMessage());
        if (message.startsWith("Document length")) {
            ProblemDetail problem = problems.create(
                    HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The request body is larger than allowed.");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        String detail;
        if (message.startsWith("Document nesting depth")) {
            detail = "The request body nests objects or arrays deeper than allowed.";
        } else if (message.startsWith("String value length")) {
            detail = "The request body has a string longer than allowed.";
        } else if (message.startsWith("Number value length")) {
            detail = "The request body has a number with more digits than allowed.";
        } else if (message.startsWith("Name length")) {
            detail = "The request body has a property name longer than allowed.";
        } else {
            detail = "The request body exceeds a limit on its size or shape.";
        }
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "INPUT_LIMIT_EXCEEDED", detail);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static @Nullable StreamConstraintsException limitExceeded(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = problems.create(status, "VALIDATION_FAILED", "The request has invalid values.");
        Problems.setErrors(problem, List.of(new Problems.FieldError(ex.getParameterName(), "is required")));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.create(status, "VALIDATION_FAILED", "The request has invalid values.");
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        Problems.setErrors(problem, List.of(new Problems.FieldError(name, "has an invalid value")));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Every response this handler builds passes here: give Spring's own problems our code and trace id. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problems.enrich(problem, Problems.defaultCode(status));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static List<Problems.FieldError> fieldErrors(BindingResult result) {
        List<Problems.FieldError> errors = new ArrayList<>();
        Object target = result.getTarget();
        Class<?> type = target != null ? target.getClass() : null;
        result.getFieldErrors()
                .forEach(e -> errors.add(
                        new Problems.FieldError(wireName(type, e.getField()), String.valueOf(e.getDefaultMessage()))));
        result.getGlobalErrors()
                .forEach(e ->
                        errors.add(new Problems.FieldError(e.getObjectName(), String.valueOf(e.getDefaultMessage()))));
        return errors;
    }

    /** The innermost named member on the path ({@code tags} for {@code tags[3]}), or {@code body} for none. */
    private static String fieldOf(DatabindException ex) {
        for (int i = ex.getPath().size() - 1; i >= 0; i--) {
            String name = ex.getPath().get(i).getPropertyName();
            if (name != null) {
                return name;
            }
        }
        return "body";
    }

    /**
     * The path of a bean-validation error ({@code items[0].quantity}) as the client wrote it: a member renamed on the
     * wire with {@code @JsonProperty} ({@code refreshToken} sent as {@code refresh_token}) is named by its wire name,
     * segment by segment, following the declared types (the element type of an indexed list or array).
     */
    static String wireName(@Nullable Class<?> target, String path) {
        List<String> wire = new ArrayList<>();
        Type current = target;
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            String name = bracket >= 0 ? segment.substring(0, bracket) : segment;
            String index = bracket >= 0 ? segment.substring(bracket) : "";
            Field field = current instanceof Class<?> type ? declaredField(type, name) : null;
            JsonProperty renamed = field != null ? field.getAnnotation(JsonProperty.class) : null;
            wire.add((renamed != null && !renamed.value().isEmpty() ? renamed.value() : name) + index);
            current = field == null ? null : index.isEmpty() ? field.getType() : elementType(field.getGenericType());
        }
        return String.join(".", wire);
    }

    private static @Nullable Field declaredField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException ex) {
                // declared further up, if anywhere
            }
        }
        return null;
    }

    private static @Nullable Type elementType(Type container) {
        if (container instanceof Class<?> array && array.isArray()) {
            return array.getComponentType();
        }
        if (container instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            Type element = arguments[arguments.length - 1]; // a list's element, a map's value
            return element instanceof ParameterizedType nested ? nested.getRawType() : element;
        }
        return null;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
