package io.cloudshop.gateway.eventcatalog;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The event catalogue beside the Swagger UI: Springwolf's UI (static files of {@code springwolf-ui}) reads its
 * configuration here and each service's AsyncAPI document through the routes in application.yml. The UI asks for
 * {@code <its path>/ui-config}, lists the groups it names, and fetches a group's document at {@code docs/<group>}.
 * Sending messages from the UI (Springwolf's "publish") is not offered.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventCatalogProperties.class)
class EventCatalogConfiguration {

    @Bean
    RouterFunction<ServerResponse> eventCatalogUiConfig(EventCatalogProperties properties) {
        List<Map<String, String>> groups = properties.services().stream()
                .map(service -> Map.of("name", service))
                .toList();
        Map<String, Object> config =
                Map.of("initialConfig", Map.of("showBindings", true, "showHeaders", true), "groups", groups);
        return RouterFunctions.route(
                        GET("/springwolf/ui-config"),
                        request -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(config))
                // The UI asks whether it may send messages ("publish") per protocol and offers it on a 200. The
                // catalogue only describes: 204 says no, where a 404 would be an error in the browser's console.
                .andRoute(
                        GET("/springwolf/{protocol}/publish"),
                        request -> ServerResponse.noContent().build());
    }
}
