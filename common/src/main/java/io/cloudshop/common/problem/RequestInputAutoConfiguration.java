package io.cloudshop.common.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@link InputRules} for what arrives outside a JSON body: query parameters and path variables (their names too) are
 * checked before any handler runs, and every decimal a parameter binds to is checked as it is bound. Either
 * answers 400 {@code VALIDATION_FAILED} naming the parameter, through the same exception handler as the rest.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestInputAutoConfiguration {

    @Bean
    WebMvcConfigurer requestInputRules() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new StorableParameters());
            }
        };
    }

    @Bean
    DecimalParameters decimalParameters() {
        return new DecimalParameters();
    }

    /** Refuses a request whose query parameters or path variables hold text that breaks {@link InputRules}. */
    static final class StorableParameters implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            List<Problems.FieldError> errors = new ArrayList<>();
            request.getParameterMap().forEach((name, values) -> {
                if (!InputRules.isStorable(name) || !allStorable(values)) {
                    errors.add(new Problems.FieldError(
                            InputRules.isStorable(name) ? name : "parameter", InputRules.INVALID_TEXT));
                }
            });
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
                variables.forEach((name, value) -> {
                    if (value instanceof String text && !InputRules.isStorable(text)) {
                        errors.add(new Problems.FieldError(String.valueOf(name), InputRules.INVALID_TEXT));
                    }
                });
            }
            if (!errors.isEmpty()) {
                throw new ApiException(
                        HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid values.", errors);
            }
            return true;
        }

        private static boolean allStorable(String[] values) {
            for (String value : values) {
                if (!InputRules.isStorable(value)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Binds every decimal parameter through {@link BoundedDecimalEditor}. An editor, not a {@code Converter}: when a
     * conversion-service converter refuses a value, Spring's data binder falls back to its default editors, which
     * would accept it; a registered editor's refusal is final (a type mismatch, 400).
     */
    @ControllerAdvice
    static final class DecimalParameters {

        @InitBinder
        void boundDecimals(WebDataBinder binder) {
            binder.registerCustomEditor(BigDecimal.class, new BoundedDecimalEditor());
        }
    }

    /** Parses as Spring's own number editor does (blank is absent), then applies {@link InputRules}. */
    static final class BoundedDecimalEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(@Nullable String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            BigDecimal value = new BigDecimal(text.strip());
            if (!InputRules.isStorable(value)) {
                throw new IllegalArgumentException("Decimal scale out of range");
            }
            setValue(value);
        }
    }
}
