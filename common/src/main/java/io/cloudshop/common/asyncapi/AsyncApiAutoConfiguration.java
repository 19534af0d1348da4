package io.cloudshop.common.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * A service that has Springwolf describes its Kafka operations at {@code GET /springwolf/docs}: what it publishes,
 * declared with {@code @AsyncPublisher} (the outbox sends the events, so no method of the service does), and what it
 * reads, declared with {@code @AsyncListener} on its listeners (which take raw records and decode them with their own
 * tolerant types, so Springwolf's own {@code @KafkaListener} scan would only see bytes). Settings in
 * {@link AsyncApiDefaults}.
 *
 * <p>Springwolf 1.x builds its documents with Jackson 2, and Boot 4 configures only Jackson 3: this supplies the Jackson
 * 2 mapper it asks for. Nothing else uses it: HTTP bodies and events stay on Boot's Jackson 3 mapper.
 */
@AutoConfiguration(beforeName = "io.github.springwolf.core.configuration.SpringwolfAutoConfiguration")
@ConditionalOnClass(AsyncPublisher.class)
public class AsyncApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ObjectMapper.class)
    ObjectMapper springwolfObjectMapper() {
        return new ObjectMapper().findAndRegisterModules();
    }
}
