package io.cloudshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rules of {@link ServiceArchitecture} over two small code bases under {@code shapes}: one keeps them, one not. */
class ServiceArchitectureTests {

    private static final String GOOD = "io.cloudshop.testsupport.shapes.good";
    private static final String BAD = "io.cloudshop.testsupport.shapes.bad";

    @Test
    void codeInTheServiceShapeBreaksNoRule() {
        assertThat(violations(GOOD))
                .allSatisfy((rule, details) -> assertThat(details).as(rule).isEmpty());
    }

    @Test
    void eachRuleCatchesItsViolation() {
        Map<String, List<String>> violations = violations(BAD);

        assertThat(violations).hasSize(5);
        assertThat(violations.get(ruleNamed("cycles", BAD)))
                .anySatisfy(detail -> assertThat(detail).contains("Cycle detected"));
        assertThat(violations.get("domain code knows nothing of HTTP"))
                .anySatisfy(detail -> assertThat(detail).contains("OrderRules").contains("HttpStatus"))
                .anySatisfy(detail ->
                        assertThat(detail).contains("bad.order.Order.view()").contains("OrderView"));
        assertThat(violations.get("web code reaches data through use cases, not repositories"))
                .anySatisfy(detail -> assertThat(detail).contains("OrderView").contains("Orders"));
        assertThat(violations.get("aggregates raise events, use cases do not publish them"))
                .anySatisfy(
                        detail -> assertThat(detail).contains("OrderPlacement").contains("ApplicationEventPublisher"));
        assertThat(violations.get("transactions are declared (@Transactional), not programmed"))
                .anySatisfy(
                        detail -> assertThat(detail).contains("OrderPlacement").contains("TransactionTemplate"));
    }

    private static Map<String, List<String>> violations(String base) {
        JavaClasses classes = new ClassFileImporter().importPackages(base);
        return ServiceArchitecture.rules(base).stream()
                .collect(Collectors.toMap(
                        ArchRule::getDescription,
                        rule -> rule.evaluate(classes).getFailureReport().getDetails()));
    }

    private static String ruleNamed(String word, String base) {
        return ServiceArchitecture.rules(base).stream()
                .map(ArchRule::getDescription)
                .filter(description -> description.contains(word))
                .findFirst()
                .orElseThrow();
    }
}
