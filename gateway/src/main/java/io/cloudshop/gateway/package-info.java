/**
 * The suite's single entry point. Routing is configuration ({@code application.yml}); the gateway holds no business
 * logic.
 */
@NullMarked
package io.cloudshop.gateway;

import org.jspecify.annotations.NullMarked;
