package io.cloudshop.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.JavaPackage;

/**
 * The shape every domain service keeps (docs/architecture.md), as rules over its compiled classes; each service's
 * {@code ArchitectureTests} runs them. A module is a package right under the application's ({@code order},
 * {@code catalog}); its {@code web}, {@code messaging} and {@code ops} sub-packages are its adapters, the rest of it
 * its domain.
 *
 * <ul>
 *   <li>Spring Modulith's module rules: no cycle between modules, and no module using another's sub-packages.
 *   <li>No cycle between any two packages (a module's domain never depends on its own adapters either).
 *   <li>Domain code knows nothing of HTTP: no Spring Web or Servlet types, no problem details, nothing from a
 *       {@code web} package. Its configuration classes and declarative HTTP clients ({@code @FeignClient}) are
 *       adapters and exempt.
 *   <li>Web code reaches data through the domain's use cases, never through a Spring Data repository.
 *   <li>Aggregates raise their events (Spring Data's {@code AbstractAggregateRoot}); nothing publishes through an
 *       {@code ApplicationEventPublisher}.
 *   <li>Transactions are declared with {@code @Transactional}; no {@code TransactionTemplate}.
 * </ul>
 */
public final class ServiceArchitecture {

    private static final ImportOption PRODUCTION_CODE = new ImportOption.DoNotIncludeTests();

    private ServiceArchitecture() {}

    /** The service's modules as Spring Modulith sees them. */
    public static ApplicationModules modules(Class<?> application) {
        return ApplicationModules.of(application, PRODUCTION_CODE);
    }

    /** @throws AssertionError listing every violation of every rule */
    public static void verify(Class<?> application) {
        modules(application).verify();
        String base = application.getPackageName();
        JavaClasses classes =
                new ClassFileImporter().withImportOption(PRODUCTION_CODE).importPackages(base);
        List<String> violations = new ArrayList<>();
        for (ArchRule rule : rules(base)) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                violations.add(rule.getDescription() + ":\n  "
                        + String.join("\n  ", result.getFailureReport().getDetails()));
            }
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(String.join("\n\n", violations));
        }
    }

    static List<ArchRule> rules(String base) {
        return List.of(
                slices().matching(base + ".(**)").should().beFreeOfCycles(),
                noClasses()
                        .that()
                        .resideInAPackage(base + ".*")
                        .and()
                        .areNotAnnotatedWith("org.springframework.context.annotation.Configuration")
                        .and()
                        .areNotAnnotatedWith("org.springframework.cloud.openfeign.FeignClient")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                "org.springframework.http..",
                                "org.springframework.web..",
                                "jakarta.servlet..",
                                "io.cloudshop.common.problem..",
                                base + "..web..")
                        .as("domain code knows nothing of HTTP"),
                noClasses()
                        .should()
                        .dependOnClassesThat()
                        .areAssignableTo("org.springframework.context.ApplicationEventPublisher")
                        .as("aggregates raise events, use cases do not publish them"),
                noClasses()
                        .should()
                        .dependOnClassesThat()
                        .areAssignableTo("org.springframework.transaction.support.TransactionTemplate")
                        .as("transactions are declared (@Transactional), not programmed"),
                noClasses()
                        .that()
                        .resideInAPackage(base + "..web..")
                        .should()
                        .dependOnClassesThat()
                        .areAssignableTo("org.springframework.data.repository.Repository")
                        .as("web code reaches data through use cases, not repositories"));
    }

    /**
     * The modules and their dependencies as a Mermaid flowchart: each module names its adapter packages, each arrow
     * is a dependency of any kind (a call, an event listened to, an entity referenced).
     */
    public static String diagram(Class<?> application) {
        ApplicationModules modules = modules(application);
        StringBuilder mermaid = new StringBuilder("flowchart LR\n");
        modules.stream().sorted((a, b) -> a.getName().compareTo(b.getName())).forEach(module -> {
            Set<String> adapters = module.getBasePackage().getDirectSubPackages().stream()
                    .map(JavaPackage::getLocalName)
                    .collect(Collectors.toCollection(TreeSet::new));
            mermaid.append("    ")
                    .append(module.getName())
                    .append("[\"")
                    .append(module.getName())
                    .append(adapters.isEmpty() ? "" : "<br/><small>" + String.join(" · ", adapters) + "</small>")
                    .append("\"]\n");
        });
        modules.stream()
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .forEach(module -> module.getDirectDependencies(modules).stream()
                        .map(ApplicationModuleDependency::getTargetModule)
                        .map(ApplicationModule::getName)
                        .filter(target -> !target.equals(module.getName()))
                        .collect(Collectors.toCollection(TreeSet::new))
                        .forEach(target -> mermaid.append("    ")
                                .append(module.getName())
                                .append(" --> ")
                                .append(target)
                                .append('\n')));
        return mermaid.toString();
    }

    /**
     * Checks that {@code document} shows {@link #diagram} in the fenced block after the line {@code <!-- modules:
     * name -->}; with {@code -Darchitecture.update=true} writes it there instead.
     *
     * @throws AssertionError naming what the block should say when it differs
     */
    public static void verifyDiagram(Class<?> application, String name, Path document) throws IOException {
        String marker = "<!-- modules: " + name + " -->\n```mermaid\n";
        String text = Files.readString(document);
        int start = text.indexOf(marker);
        if (start < 0) {
            throw new AssertionError(
                    document + " has no line '<!-- modules: " + name + " -->' followed by a mermaid block");
        }
        int from = start + marker.length();
        int to = text.indexOf("```\n", from);
        String shown = text.substring(from, to);
        String actual = diagram(application);
        if (shown.equals(actual)) {
            return;
        }
        if (Boolean.getBoolean("architecture.update")) {
            Files.writeString(document, text.substring(0, from) + actual + text.substring(to));
            return;
        }
        throw new AssertionError("The module diagram of " + name + " in " + document
                + " is out of date (rerun with -Darchitecture.update=true to write it); it should be:\n" + actual);
    }
}
