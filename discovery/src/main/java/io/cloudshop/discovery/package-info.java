/** The service registry every component registers with and the gateway resolves {@code lb://} routes through. */
@NullMarked
package io.cloudshop.discovery;

import org.jspecify.annotations.NullMarked;
