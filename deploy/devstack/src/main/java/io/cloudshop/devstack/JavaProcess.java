package io.cloudshop.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/** A component that is one JVM started from a jar (or a main class on a classpath), logging to its own file. */
class JavaProcess extends Component {

    private final List<String> command;
    private final Map<String, String> environment;
    private final Map<String, Integer> ports;
    private final String url;
    private final Path log;
    private final BooleanSupplier readiness;
    private final @Nullable AotCache cache;
    private volatile boolean training;

    /**
     * @param cache the start-up cache to use, or to record when there is none yet; its options go right after the
     *     {@code java} binary of {@code command}
     */
    JavaProcess(
            String name,
            List<String> command,
            Map<String, String> environment,
            Map<String, Integer> ports,
            String url,
            Path log,
            BooleanSupplier readiness,
            @Nullable AotCache cache) {
        super(name);
        this.cache = cache;
        this.command = List.copyOf(command);
        this.environment = new LinkedHashMap<>(environment);
        this.ports = ports;
        this.url = url;
        this.log = log;
        this.readiness = readiness;
    }

    /** {@code java <jvm options> -jar <jar> <args>} with the JDK the devstack itself runs on. */
    static List<String> javaCommand(String jvmOptions, List<String> launch, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(jvmOptions.trim().split("\\s+"))
                .filter(option -> !option.isBlank())
                .forEach(command::add);
        command.addAll(launch);
        command.addAll(args);
        return command;
    }

    @Override
    Map<String, Integer> ports() {
        return ports;
    }

    @Override
    String url() {
        return url;
    }

    @Override
    Path log() {
        return log;
    }

    /** Whether the last launch records a start-up cache when the process exits (there was none to use). */
    boolean training() {
        return training;
    }

    @Override
    long launch() throws Exception {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(this.command);
        if (cache != null) {
            cache.prepare();
            training = !cache.exists();
            command.addAll(1, cache.options());
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        // glibc gives each thread that allocates its own malloc arena (up to 8 per core), each holding freed memory;
        // two arenas took about 30 MB off the stack's idle footprint (PSS) and cost nothing measurable at start.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        Files.writeString(
                log,
                "%n==== devstack starts %s: %s%n".formatted(name(), String.join(" ", command)),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        return builder.start().pid();
    }

    @Override
    boolean ready() {
        try {
            return readiness.getAsBoolean();
        } catch (RuntimeException ex) {
            return false;
        }
    }
}
