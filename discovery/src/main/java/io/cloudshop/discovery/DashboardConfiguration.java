package io.cloudshop.discovery;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's icon: Eureka's pages name none, so browsers ask for {@code /favicon.ico} and log a 404 in the console
 * of every dashboard view. It is Eureka's own logo, served from the server's static resources.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/favicon.ico").setViewName("forward:/eureka/images/spring-logo-eureka-mobile.png");
    }
}
