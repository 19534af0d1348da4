package io.cloudshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Assertions shared by the services' web slice tests ({@code *ControllerTests}). */
public final class WebSlices {

    private WebSlices() {}

    /** The answer is a problem ({@code application/problem+json}) with {@code status}; then its body, to compare. */
    public static AbstractJsonContentAssert<?> assertProblem(MvcTestResult result, HttpStatus status) {
        return assertThat(result)
                .hasStatus(status)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson();
    }
}
