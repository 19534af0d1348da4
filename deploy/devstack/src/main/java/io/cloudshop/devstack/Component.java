package io.cloudshop.devstack;

import java.nio.file.Path;
import java.util.Map;

/** One part of the stack that runs as its own OS process and can tell whether it is ready. */
abstract class Component {

    private final String name;

    Component(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The ports this component will listen on, by what they are for; checked before anything starts. */
    abstract Map<String, Integer> ports();

    /** Where a person would point a browser or client, for the summary. */
    abstract String url();

    abstract Path log();

    /** Starts the process (without waiting for readiness) and returns its PID. */
    abstract long launch() throws Exception;

    /** Whether the component serves requests now; must return quickly and never throw. */
    abstract boolean ready();
}
