package io.cloudshop.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's start-up cache for one Spring Boot component: an AOT cache (JEP 483 and 514: classes loaded and linked
 * ahead of time, with method profiles per JEP 515) on JDK 25 and newer, a dynamic CDS archive (classes loaded ahead
 * of time) on JDK 21 to 24.
 *
 * <p>Both only cache classes from the plain class path, not from inside a Boot fat jar, so the jar is first extracted
 * ({@code java -Djarmode=tools -jar <jar> extract}) into {@code aot/} beside it: an application jar whose manifest
 * names the libraries beside it. A cache is written when a run started with {@link #options()} while none exists
 * (a training run) exits, and is used by every later start. The JDK only accepts it with the same JDK, class path
 * (same files, same times) and JVM options, so its file name carries a hash of the JDK version and the options, and a
 * rebuilt jar replaces the whole directory. A cache the JDK does not accept is ignored, never an error.
 */
final class AotCache {

    /** JDK 25 writes an AOT cache in one step at exit; earlier JDKs get a dynamic CDS archive. */
    static final boolean AOT = Runtime.version().feature() >= 25;

    private static final String STAMP = "extracted-from";

    private final Path fatJar;
    private final Path directory;
    private final Path jar;
    private final Path cache;

    private AotCache(Path fatJar, Path directory, Path jar, Path cache) {
        this.fatJar = fatJar;
        this.directory = directory;
        this.jar = jar;
        this.cache = cache;
    }

    /** The cache for the Spring Boot jar {@code fatJar} started with {@code jvmOptions}. */
    static AotCache of(Path fatJar, String jvmOptions) {
        Path directory = fatJar.resolveSibling("aot");
        String name = fatJar.getFileName().toString().replaceFirst("\\.jar$", "");
        String key = Runtime.version() + " " + jvmOptions.trim().replaceAll("\\s+", " ");
        String hash = HexFormat.of().toHexDigits(key.hashCode());
        return new AotCache(
                fatJar,
                directory,
                directory.resolve(name + ".jar"),
                directory.resolve(name + "-" + hash + (AOT ? ".aot" : ".jsa")));
    }

    /** This cache if it was recorded (and its jar extracted) already, otherwise null. */
    @Nullable
    AotCache existing() {
        Path stamp = directory.resolve(STAMP);
        try {
            return exists()
                            && Files.isRegularFile(stamp)
                            && Files.readString(stamp).equals(built())
                    ? this
                    : null;
        } catch (IOException ex) {
            return null;
        }
    }

    /** The extracted application jar, to start with {@code -jar}. */
    Path jar() {
        return jar;
    }

    Path file() {
        return cache;
    }

    boolean exists() {
        return Files.isRegularFile(cache);
    }

    /** Use the cache if it exists, otherwise record one when the JVM exits. */
    List<String> options() {
        if (exists()) {
            return List.of(AOT ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache);
        }
        return List.of(AOT ? "-XX:AOTCacheOutput=" + cache : "-XX:ArchiveClassesAtExit=" + cache);
    }

    /**
     * Extracts the fat jar unless this very build of it was extracted already; a new build drops the old extraction
     * and every cache made from it. Returns whether it extracted.
     */
    boolean prepare() {
        Path stamp = directory.resolve(STAMP);
        try {
            String built = built();
            if (Files.isRegularFile(jar)
                    && Files.isRegularFile(stamp)
                    && Files.readString(stamp).equals(built)) {
                return false;
            }
            delete(directory);
            Files.createDirectories(directory);
            Process extract = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Djarmode=tools",
                            "-jar",
                            fatJar.toString(),
                            "extract",
                            "--destination",
                            directory.toString(),
                            "--force")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0 || !Files.isRegularFile(jar)) {
                extract.destroyForcibly();
                throw new DevstackException("Could not extract " + fatJar + " for its start-up cache.");
            }
            Files.writeString(stamp, built);
            return true;
        } catch (IOException ex) {
            throw new DevstackException("Could not extract " + fatJar + ": " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DevstackException("Interrupted while extracting " + fatJar + ".");
        }
    }

    /** Identifies the build of the fat jar that was extracted. */
    private String built() throws IOException {
        return Long.toString(Files.getLastModifiedTime(fatJar).toMillis());
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
