package io.cloudshop.orders.catalog;

import java.net.ConnectException;

/** The catalog's refusal, for tests outside its package that throw it from a mocked use case. */
public final class CatalogRefusals {

    private CatalogRefusals() {}

    public static CatalogUnavailableException unavailable() {
        return new CatalogUnavailableException(new ConnectException("Connection refused"), false);
    }
}
