/**
 * Each service's events as an AsyncAPI 3 document generated from its code (Springwolf), for the gateway's event
 * catalogue.
 */
@NullMarked
package io.cloudshop.common.asyncapi;

import org.jspecify.annotations.NullMarked;
