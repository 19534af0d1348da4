package io.cloudshop.payments;

import io.cloudshop.testsupport.ServiceArchitecture;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shape every service keeps (docs/architecture.md), and that document's diagram of this one. */
class ArchitectureTests {

    @Test
    void keepsTheServiceShape() {
        ServiceArchitecture.verify(PaymentServiceApplication.class);
    }

    @Test
    void theArchitectureDocumentShowsItsModules() throws IOException {
        ServiceArchitecture.verifyDiagram(
                PaymentServiceApplication.class, "payment-service", Path.of("../docs/architecture.md"));
    }
}
