package io.cloudshop.orders;

import io.cloudshop.testsupport.ServiceArchitecture;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shape every service keeps (docs/architecture.md), and that document's diagram of this one. */
class ArchitectureTests {

    @Test
    void keepsTheServiceShape() {
        ServiceArchitecture.verify(OrderServiceApplication.class);
    }

    @Test
    void theArchitectureDocumentShowsItsModules() throws IOException {
        ServiceArchitecture.verifyDiagram(
                OrderServiceApplication.class, "order-service", Path.of("../docs/architecture.md"));
    }
}
