package io.cloudshop.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What the running stack consists of, so that {@code down} and {@code status} work from another terminal or after the
 * launcher died: for each component in start order, its PID, process start time, URL and log file.
 */
final class StateFile {

    /** One started component as recorded. */
    record Entry(String name, long pid, Instant started, String url, Path log) {}

    private final Path file;

    StateFile(Path file) {
        this.file = file;
    }

    synchronized List<Entry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<Entry> entries = new ArrayList<>();
        String order = properties.getProperty("components", "");
        for (String name :
                Arrays.stream(order.split(",")).filter(n -> !n.isBlank()).toList()) {
            entries.add(new Entry(
                    name,
                    Long.parseLong(properties.getProperty(name + ".pid")),
                    Instant.ofEpochMilli(Long.parseLong(properties.getProperty(name + ".started"))),
                    properties.getProperty(name + ".url", ""),
                    Path.of(properties.getProperty(name + ".log", ""))));
        }
        return entries;
    }

    synchronized void add(Entry entry) {
        List<Entry> entries = new ArrayList<>(read());
        entries.removeIf(e -> e.name().equals(entry.name()));
        entries.add(entry);
        write(entries);
    }

    synchronized void remove(String name) {
        List<Entry> entries = new ArrayList<>(read());
        entries.removeIf(e -> e.name().equals(name));
        if (entries.isEmpty()) {
            clear();
        } else {
            write(entries);
        }
    }

    synchronized void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void write(List<Entry> entries) {
        Properties properties = new Properties();
        properties.setProperty(
                "components", String.join(",", entries.stream().map(Entry::name).toList()));
        for (Entry entry : entries) {
            properties.setProperty(entry.name() + ".pid", Long.toString(entry.pid()));
            properties.setProperty(
                    entry.name() + ".started", Long.toString(entry.started().toEpochMilli()));
            properties.setProperty(entry.name() + ".url", entry.url());
            properties.setProperty(entry.name() + ".log", entry.log().toString());
        }
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "devstack: running components (managed by ./devstack)");
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
