package io.cloudshop.products.demo;

import io.cloudshop.products.product.ProductCatalog;
import io.cloudshop.products.product.Products;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoCatalogProperties.class)
class DemoCatalogConfiguration {

    @Bean
    @ConditionalOnExpression("!'${catalog.demo.file:}'.isBlank()")
    DemoCatalog demoCatalog(
            DemoCatalogProperties properties, Products products, ProductCatalog catalog, JsonMapper json) {
        return new DemoCatalog(Objects.requireNonNull(properties.file()), products, catalog, json);
    }
}
