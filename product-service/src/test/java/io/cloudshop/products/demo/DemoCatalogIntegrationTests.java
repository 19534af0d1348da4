package io.cloudshop.products.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The devstack's demo file loads completely through the catalog's use cases, into an empty catalog only. */
@SpringBootTest(properties = {"eureka.client.enabled=false", "catalog.demo.file=../deploy/devstack/demo-catalog.json"})
@Import(TestInfrastructure.class)
class DemoCatalogIntegrationTests {

    @Autowired
    DemoCatalog demo;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void clear() {
        jdbc.sql("delete from products").update();
    }

    @Test
    void everyDemoProductPassesTheCatalogsValidation() {
        demo.run(new DefaultApplicationArguments());

        assertThat(count("not deleted")).isEqualTo(50);
        assertThat(jdbc.sql("select count(distinct category) from products")
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        assertThat(jdbc.sql("select price_amount from products where sku = 'KIT-009'")
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("12.90");
    }

    @Test
    void loadsOnlyIntoACatalogThatNeverHeldAProduct() {
        demo.run(new DefaultApplicationArguments());
        demo.run(new DefaultApplicationArguments());
        assertThat(count("true")).as("a second start adds nothing").isEqualTo(50);

        jdbc.sql("update products set deleted = true").update();
        demo.run(new DefaultApplicationArguments());

        assertThat(count("not deleted"))
                .as("deleted demo products stay deleted")
                .isZero();
    }

    private int count(String condition) {
        return jdbc.sql("select count(*) from products where " + condition)
                .query(Integer.class)
                .single();
    }
}
