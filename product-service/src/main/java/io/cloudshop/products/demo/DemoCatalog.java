package io.cloudshop.products.demo;

import io.cloudshop.products.product.InvalidMoneyException;
import io.cloudshop.products.product.Money;
import io.cloudshop.products.product.ProductCatalog;
import io.cloudshop.products.product.Products;
import io.cloudshop.products.product.SkuTakenException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads {@link DemoCatalogProperties#file()} through the catalog's own create use case (validation and
 * caching as for any admin), once: only while the catalog has never held a product, so a restart, or an admin who
 * deleted the demo products, never brings them back. A product another replica created meanwhile is skipped.
 */
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final Path file;
    private final Products products;
    private final ProductCatalog catalog;
    private final JsonMapper json;

    DemoCatalog(Path file, Products products, ProductCatalog catalog, JsonMapper json) {
        this.file = file;
        this.products = products;
        this.catalog = catalog;
        this.json = json;
    }

    /** {@code price} is checked like an admin's ({@link Money#parse}): the file is input too. */
    record DemoProduct(String sku, String name, String description, String category, Money price, int stock) {}

    @Override
    public void run(ApplicationArguments args) {
        if (products.existsBy()) {
            log.info("Demo catalog not loaded: the catalog already has products");
            return;
        }
        List<DemoProduct> demo = json.readValue(file.toFile(), new TypeReference<List<DemoProduct>>() {});
        int created = 0;
        for (DemoProduct product : demo) {
            try {
                catalog.create(
                        product.sku(),
                        product.name(),
                        product.description(),
                        product.category(),
                        Money.parse(
                                "price",
                                product.price().amount(),
                                product.price().currency()),
                        product.stock());
                created++;
            } catch (InvalidMoneyException | SkuTakenException ex) {
                log.warn("Demo product {} skipped: {}", product.sku(), ex.getMessage());
            }
        }
        log.info("Demo catalog loaded: {} of {} products from {}", created, demo.size(), file);
    }
}
