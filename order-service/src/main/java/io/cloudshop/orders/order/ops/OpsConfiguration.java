package io.cloudshop.orders.order.ops;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/** The saga's ops view: its settings and the schedule of the stalled-order count. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsSettings.class)
class OpsConfiguration {

    @Bean
    SchedulingConfigurer stalledOrdersSchedule(StalledOrders stalled, OpsSettings settings) {
        return registrar -> registrar.addFixedDelayTask(stalled::count, settings.stalledCheckInterval());
    }
}
