package io.cloudshop.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * OS process helpers: liveness, graceful-then-forced stop (portable, through {@link ProcessHandle}), resident memory and
 * who holds a port (read from Linux's /proc; callers check {@link Platform#hasProcFilesystem()}).
 */
final class Processes {

    private Processes() {}

    /** The live process with this PID, if it is still the one that started at {@code started} (PIDs get reused). */
    static Optional<ProcessHandle> find(long pid, @Nullable Instant started) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> started == null
                        || handle.info()
                                .startInstant()
                                .map(actual ->
                                        Duration.between(actual, started).abs().toMillis() < 2000)
                                .orElse(true));
    }

    /**
     * Asks the process to stop (SIGTERM: Spring Boot shuts down gracefully, PostgreSQL does a smart shutdown, Kafka a
     * controlled one), waits up to {@code timeout}, then kills it and its descendants.
     *
     * @return {@code true} if it stopped by itself
     */
    static boolean stop(ProcessHandle process, Duration timeout) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Reported by the caller through isAlive().
            }
            return false;
        }
    }

    /** Resident set size of the process and all its descendants, in bytes (0 where /proc cannot tell). */
    static long rss(ProcessHandle process) {
        return tree(process)
                        .mapToLong(handle -> kilobytes(handle.pid(), "status", "VmRSS:"))
                        .sum()
                * 1024;
    }

    /**
     * Proportional set size of the process and its descendants, in bytes: resident memory with every shared page
     * divided among the processes sharing it. Unlike summed RSS it does not count PostgreSQL's shared buffers once
     * per backend, so totals add up to what the machine really spends. Falls back to RSS where the kernel has no
     * {@code smaps_rollup}.
     */
    static long pss(ProcessHandle process) {
        return tree(process)
                        .mapToLong(handle -> {
                            long pss = kilobytes(handle.pid(), "smaps_rollup", "Pss:");
                            return pss > 0 ? pss : kilobytes(handle.pid(), "status", "VmRSS:");
                        })
                        .sum()
                * 1024;
    }

    private static Stream<ProcessHandle> tree(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants());
    }

    private static long kilobytes(long pid, String file, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), file))) {
            return lines.filter(line -> line.startsWith(field))
                    .findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .orElse(0L);
        } catch (IOException | RuntimeException ex) {
            return 0;
        }
    }

    /** Whether a server could bind the port on loopback and on all interfaces right now. */
    static boolean portFree(int port) {
        for (InetSocketAddress address :
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), new InetSocketAddress(port))) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(address);
            } catch (IOException ex) {
                return false;
            }
        }
        return true;
    }

    /**
     * "pid 1234: java -jar ..." for the process listening on the port, if /proc tells (same user or root); where there
     * is no /proc, the command that names it.
     */
    static Optional<String> portOwner(int port) {
        if (!Platform.hasProcFilesystem()) {
            return Optional.of("a process that lsof -nP -iTCP:%d -sTCP:LISTEN names".formatted(port));
        }
        Set<String> inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
                    for (Path fd : fds) {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")
                                && inodes.contains(target.substring(8, target.length() - 1))) {
                            return Optional.of("pid " + process.getFileName() + ": " + commandLine(process));
                        }
                    }
                } catch (IOException | SecurityException ex) {
                    // Another user's process: not ours to inspect.
                }
            }
        } catch (IOException ex) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Set<String> listeningInodes(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = ":%04X".formatted(port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try (Stream<String> lines = Files.lines(Path.of(table))) {
                lines.skip(1).map(String::trim).map(line -> line.split("\\s+")).forEach(fields -> {
                    // fields: sl local_address rem_address st ... inode (index 9); 0A = LISTEN
                    if (fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals("0A")) {
                        inodes.add(fields[9]);
                    }
                });
            } catch (IOException | RuntimeException ex) {
                // Not Linux, or no such table.
            }
        }
        return inodes;
    }

    private static String commandLine(Path process) {
        try {
            String command = new String(Files.readAllBytes(process.resolve("cmdline")))
                    .replace('\0', ' ')
                    .trim();
            return command.length() > 120 ? command.substring(0, 117) + "..." : command;
        } catch (IOException ex) {
            return "(unknown command)";
        }
    }
}
