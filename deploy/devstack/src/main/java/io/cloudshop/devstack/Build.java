package io.cloudshop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Rebuilds the runnable jars whose inputs changed since they were built, with the project's own Maven wrapper, so
 * that {@code ./devstack up} on a fresh clone or after an edit runs current code without a full build.
 */
final class Build {

    /** Modules whose changes make every service stale. */
    private static final List<String> SHARED = List.of("common");

    private Build() {}

    /** Builds the stale modules; returns how long that took (0 when nothing was stale). */
    static long ensureFresh(Settings settings, List<String> modules, Console console) {
        List<String> stale = modules.stream()
                .filter(module -> isStale(settings.root(), module))
                .toList();
        if (stale.isEmpty()) {
            console.line("Build: all jars are up to date.");
            return 0;
        }
        console.begin("Build: " + String.join(", ", stale) + " (./mvnw package -DskipTests) ...");
        long start = System.nanoTime();
        Path log = settings.logs().resolve("build.log");
        List<String> command = new ArrayList<>(List.of(
                settings.root().resolve("mvnw").toString(),
                "-B",
                "-q",
                "-DskipTests",
                "-Dspotless.check.skip=true",
                "package",
                "-pl",
                String.join(",", stale),
                "-am"));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(settings.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new DevstackException("The build did not finish within 30 minutes; see " + log);
            }
            if (process.exitValue() != 0) {
                console.end(" FAILED");
                Stack.printTail(console, log, 40);
                throw new DevstackException("The build failed; the full output is in " + log);
            }
        } catch (IOException ex) {
            throw new DevstackException("Could not run the Maven wrapper: " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DevstackException("Interrupted while building.");
        }
        // Maven leaves a jar untouched when its content did not change; mark it current so it is not rebuilt again.
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        for (String module : stale) {
            try {
                Files.setLastModifiedTime(jar(settings.root(), module), now);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        long took = System.nanoTime() - start;
        console.end(" done in " + Console.seconds(took));
        return took;
    }

    static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target").resolve(module + ".jar");
    }

    private static boolean isStale(Path root, String module) {
        Path jar = jar(root, module);
        if (!Files.exists(jar)) {
            return true;
        }
        try {
            FileTime built = Files.getLastModifiedTime(jar);
            List<Path> inputs = new ArrayList<>(List.of(root.resolve("pom.xml"), root.resolve(module)));
            SHARED.forEach(shared -> inputs.add(root.resolve(shared)));
            for (Path input : inputs) {
                if (newerThan(input, built)) {
                    return true;
                }
            }
            return false;
        } catch (IOException ex) {
            return true;
        }
    }

    private static boolean newerThan(Path input, FileTime built) throws IOException {
        if (!Files.exists(input)) {
            return false;
        }
        if (Files.isRegularFile(input)) {
            return Files.getLastModifiedTime(input).compareTo(built) > 0;
        }
        try (Stream<Path> files = Files.walk(input)) {
            return files.filter(path -> !path.toString().contains("/target/"))
                    .filter(path -> path.endsWith("pom.xml") || path.toString().contains("/src/"))
                    .filter(Files::isRegularFile)
                    .anyMatch(path -> {
                        try {
                            return Files.getLastModifiedTime(path).compareTo(built) > 0;
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    });
        }
    }
}
