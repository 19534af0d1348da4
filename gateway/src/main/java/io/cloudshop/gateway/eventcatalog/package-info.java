/**
 * The event catalogue: Springwolf's AsyncAPI UI at {@code /springwolf/asyncapi-ui.html}, one group per service, each
 * group's document fetched from its service through the gateway's routes.
 */
@NullMarked
package io.cloudshop.gateway.eventcatalog;

import org.jspecify.annotations.NullMarked;
