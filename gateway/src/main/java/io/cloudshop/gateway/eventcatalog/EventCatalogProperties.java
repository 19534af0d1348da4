package io.cloudshop.gateway.eventcatalog;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services in the event catalogue, each a group of the UI whose document the route
 * {@code /springwolf/docs/<service>} brings from that service.
 */
@ConfigurationProperties("cloudshop.event-catalog")
record EventCatalogProperties(@DefaultValue List<String> services) {}
