package io.cloudshop.products.product;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * Turns on Spring's cache infrastructure, which Boot configures from {@code spring.cache.*}: one Caffeine cache,
 * {@value ProductCatalog#CACHE}, bounded and expiring, with statistics that Micrometer publishes as
 * {@code cache.gets{result=hit|miss}}, {@code cache.evictions}, {@code cache.size}. {@code spring.cache.type=none}
 * turns it off (the benchmark compares both).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CatalogConfiguration {}
