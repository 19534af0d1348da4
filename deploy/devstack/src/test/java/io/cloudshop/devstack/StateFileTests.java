package io.cloudshop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTests {

    @TempDir
    Path directory;

    @Test
    void keepsComponentsInStartOrder() {
        StateFile state = new StateFile(directory.resolve("state.properties"));
        Instant started = Instant.ofEpochMilli(1_700_000_000_000L);

        state.add(new StateFile.Entry("postgres", 11, started, "postgresql://localhost:5432", Path.of("a.log")));
        state.add(new StateFile.Entry("kafka", 12, started, "localhost:9092", Path.of("b.log")));
        state.add(new StateFile.Entry("gateway", 13, started, "http://localhost:8080", Path.of("c.log")));

        assertThat(new StateFile(directory.resolve("state.properties")).read())
                .extracting(StateFile.Entry::name, StateFile.Entry::pid)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("postgres", 11L),
                        org.assertj.core.groups.Tuple.tuple("kafka", 12L),
                        org.assertj.core.groups.Tuple.tuple("gateway", 13L));
    }

    @Test
    void removingTheLastComponentDeletesTheFile() {
        Path file = directory.resolve("state.properties");
        StateFile state = new StateFile(file);
        state.add(new StateFile.Entry("kafka", 12, Instant.now(), "localhost:9092", Path.of("b.log")));

        state.remove("kafka");

        assertThat(file).doesNotExist();
        assertThat(state.read()).isEmpty();
    }
}
