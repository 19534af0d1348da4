package io.cloudshop.gateway.problem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

    /** Ahead of Boot's default handler (order -1), so it never renders an error itself. */
    @Bean
    @Order(-2)
    ProblemErrorWebExceptionHandler problemErrorWebExceptionHandler(JsonMapper json) {
        return new ProblemErrorWebExceptionHandler(json);
    }

    @Bean
    FilterRejectionProblemFilter filterRejectionProblemFilter(JsonMapper json) {
        return new FilterRejectionProblemFilter(json);
    }

    @Bean
    MalformedRequestFilter malformedRequestFilter() {
        return new MalformedRequestFilter();
    }
}
