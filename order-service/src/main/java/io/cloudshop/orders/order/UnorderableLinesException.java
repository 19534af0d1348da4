package io.cloudshop.orders.order;

import java.util.List;

/** Some requested products are unknown, cannot be ordered (deleted or sold out), or are priced in another currency. */
public class UnorderableLinesException extends RuntimeException {

    private final List<RefusedLine> lines;

    UnorderableLinesException(List<RefusedLine> lines) {
        super("Some items cannot be ordered; nothing was ordered.");
        this.lines = List.copyOf(lines);
    }

    public List<RefusedLine> lines() {
        return lines;
    }
}
