package io.cloudshop.common.security;

import io.cloudshop.common.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as problem details, and 503 {@code AUTHENTICATION_UNAVAILABLE} when a token cannot be checked at all. The {@code WWW-Authenticate} header is Spring Security's (RFC 6750); the body says
 * only whether a token was missing or invalid, never why validation failed. A request the firewall refuses before
 * any of that (an encoded NUL or a {@code ..} segment in its path, say) is a 400 {@code REQUEST_REJECTED}, where
 * Spring Security's default would rethrow it into a 500.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final Problems problems;
    private final JsonMapper json;
    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

    ProblemSecurityHandlers(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            // The token could not be checked at all (user-service's signing keys unreachable, none cached): not the
            // client's fault, and the same request may pass in a moment.
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            write(
                    request,
                    response,
                    problems.create(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "AUTHENTICATION_UNAVAILABLE",
                            "Access tokens cannot be checked right now. Retry later."));
            return;
        }
        bearerEntryPoint.commence(request, response, exception);
        boolean invalid = exception instanceof InvalidBearerTokenException;
        ProblemDetail problem = invalid
                ? problems.create(
                        HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "The access token is invalid or has expired.")
                : problems.create(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "A valid access token is required.");
        write(request, response, problem);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        bearerAccessDenied.handle(request, response, exception);
        write(request, response, problems.create(HttpStatus.FORBIDDEN, "FORBIDDEN", "You are not allowed to do this."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException exception)
            throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        write(
                request,
                response,
                problems.create(
                        HttpStatus.BAD_REQUEST,
                        "REQUEST_REJECTED",
                        "The request has characters or a shape that is not allowed."));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.toMap(problem));
    }
}
