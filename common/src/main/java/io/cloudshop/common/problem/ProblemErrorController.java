package io.cloudshop.common.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers the servlet container's error dispatch (errors raised outside Spring MVC's handlers, e.g. by filters or
 * {@code response.sendError}) with the same problem format as {@link ProblemExceptionHandler}, for every method and
 * whatever the client accepts, so that no HTML or plain JSON error page ever leaves a service.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    private final Problems problems;
    private final ErrorAttributes errorAttributes;

    ProblemErrorController(Problems problems, ErrorAttributes errorAttributes) {
        this.problems = problems;
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping(produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String detail = status.is5xxServerError() ? "An unexpected error occurred." : status.getReasonPhrase() + ".";
        Throwable error = errorAttributes.getError(new ServletWebRequest(request));
        if (error instanceof ApiException api) {
            status = HttpStatus.valueOf(api.status().value());
            detail = api.getMessage();
        }
        String code = status == HttpStatus.INTERNAL_SERVER_ERROR ? "INTERNAL_ERROR" : Problems.defaultCode(status);
        ProblemDetail problem = problems.create(status, code, detail);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            problem.setInstance(URI.create(path));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null && status.isError()) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
