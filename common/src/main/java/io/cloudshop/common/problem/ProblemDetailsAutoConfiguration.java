package io.cloudshop.common.problem;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Problem details for servlet web services: replaces Boot's whitelabel/JSON error controller and adds an exception
 * handler that covers Spring MVC's own exceptions, validation and {@link ApiException}.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemDetailsAutoConfiguration {

    private static final String TRACER = "io.micrometer.tracing.Tracer";

    @Bean
    @ConditionalOnMissingBean
    Problems problems(ListableBeanFactory beanFactory) {
        ClassLoader classLoader = getClass().getClassLoader();
        ObjectProvider<?> tracer = ClassUtils.isPresent(TRACER, classLoader)
                ? beanFactory.getBeanProvider(ClassUtils.resolveClassName(TRACER, classLoader))
                : beanFactory.getBeanProvider(Void.class);
        return new Problems(tracer);
    }

    @Bean
    ProblemExceptionHandler problemExceptionHandler(Problems problems) {
        return new ProblemExceptionHandler(problems);
    }

    @Bean
    @ConditionalOnMissingBean(org.springframework.boot.webmvc.error.ErrorController.class)
    ProblemErrorController problemErrorController(Problems problems, ErrorAttributes errorAttributes) {
        return new ProblemErrorController(problems, errorAttributes);
    }
}
