package io.cloudshop.users;

import io.cloudshop.testsupport.ServiceArchitecture;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shape every service keeps (docs/architecture.md), and that document's diagram of this one. */
class ArchitectureTests {

    @Test
    void keepsTheServiceShape() {
        ServiceArchitecture.verify(UserServiceApplication.class);
    }

    @Test
    void theArchitectureDocumentShowsItsModules() throws IOException {
        ServiceArchitecture.verifyDiagram(
                UserServiceApplication.class, "user-service", Path.of("../docs/architecture.md"));
    }
}
