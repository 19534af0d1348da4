package io.cloudshop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KafkaBrokerTests {

    @Test
    void clusterIdsAreSixteenBytesOfUrlSafeBase64ThatNeverStartWithADash() {
        // One draw in 64 starts with '-'; 2,000 draws miss every such draw with probability (63/64)^2000, about 2e-14.
        IntStream.range(0, 2_000).mapToObj(i -> KafkaBroker.clusterId()).forEach(id -> {
            assertThat(id).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        });
    }
}
