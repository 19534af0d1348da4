package io.cloudshop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which cache a component starts from or records, and when its jar is extracted again. */
class AotCacheTests {

    @TempDir
    Path root;

    @Test
    void cacheBelongsToOneSetOfJvmOptions() {
        Path jar = root.resolve("gateway/target/gateway.jar");
        AotCache cache = AotCache.of(jar, "-XX:+UseSerialGC -Xmx256m");

        assertThat(cache.jar()).isEqualTo(root.resolve("gateway/target/aot/gateway.jar"));
        assertThat(cache.file().getParent()).isEqualTo(root.resolve("gateway/target/aot"));
        assertThat(cache.file().getFileName().toString()).startsWith("gateway-");
        assertThat(AotCache.of(jar, "  -XX:+UseSerialGC   -Xmx256m ").file()).isEqualTo(cache.file());
        assertThat(AotCache.of(jar, "-XX:+UseSerialGC -Xmx384m").file()).isNotEqualTo(cache.file());
    }

    @Test
    void recordsWhereThereIsNoCacheAndStartsFromItOnceThereIs() throws Exception {
        AotCache cache = AotCache.of(root.resolve("gateway/target/gateway.jar"), "-Xmx256m");

        assertThat(cache.options())
                .containsExactly((AotCache.AOT ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + cache.file());

        Files.createDirectories(cache.file().getParent());
        Files.writeString(cache.file(), "recorded");

        assertThat(cache.options())
                .containsExactly((AotCache.AOT ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache.file());
    }

    @Test
    void aRebuiltJarIsExtractedAgainAndItsOldCacheDropped() throws Exception {
        Path fatJar = Files.createDirectories(root.resolve("gateway/target")).resolve("gateway.jar");
        Files.writeString(fatJar, "not a Spring Boot jar");
        AotCache cache = AotCache.of(fatJar, "-Xmx256m");
        // As left by an earlier extraction of this very build, and a start that recorded its cache.
        Files.createDirectories(cache.file().getParent());
        Files.writeString(cache.jar(), "extracted");
        Files.writeString(cache.file(), "recorded");
        Files.writeString(
                cache.file().resolveSibling("extracted-from"),
                Long.toString(Files.getLastModifiedTime(fatJar).toMillis()));

        assertThat(cache.prepare()).as("extracted again").isFalse();
        assertThat(cache.existing()).isSameAs(cache);

        Files.setLastModifiedTime(
                fatJar, FileTime.fromMillis(Files.getLastModifiedTime(fatJar).toMillis() + 1000));

        assertThat(cache.existing()).as("cache of the previous build").isNull();
        assertThatThrownBy(cache::prepare)
                .isInstanceOf(DevstackException.class)
                .hasMessageStartingWith("Could not extract " + fatJar);
        assertThat(cache.file()).doesNotExist();
    }
}
