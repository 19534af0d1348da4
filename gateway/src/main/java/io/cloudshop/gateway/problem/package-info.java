/**
 * Problem details for errors the gateway answers itself: no route (404), a service with no reachable instance (503),
 * an upstream timeout (504). Same members as the services' problems ({@code type, title, status, detail, instance,
 * code}).
 */
@NullMarked
package io.cloudshop.gateway.problem;

import org.jspecify.annotations.NullMarked;
