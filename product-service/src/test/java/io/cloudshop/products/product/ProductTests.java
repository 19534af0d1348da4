package io.cloudshop.products.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The product's and its price's rules, without Spring or a database. */
class ProductTests {

    @Test
    void aNewProductIsLiveWithItsInitialStock() {
        Product product =
                Product.create("PEN-1", "Pen", "Blue ink", "office", Money.parse("price", BigDecimal.ONE, "EUR"), 5);

        assertThat(product.deleted()).isFalse();
        assertThat(product.stock()).isEqualTo(5);
        assertThat(product.price()).isEqualTo(new Money(new BigDecimal("1.00"), "EUR"));
    }

    @Test
    void describingReplacesWhatAnAdminEditsButNotTheSkuOrStock() {
        Product product = Product.create("PEN-1", "Pen", "Blue ink", "office", new Money(BigDecimal.ONE, "EUR"), 5);

        product.describe("Fountain pen", "Black ink", "writing", new Money(new BigDecimal("25"), "EUR"));

        assertThat(product.name()).isEqualTo("Fountain pen");
        assertThat(product.description()).isEqualTo("Black ink");
        assertThat(product.category()).isEqualTo("writing");
        assertThat(product.priceAmount()).isEqualByComparingTo("25.00");
        assertThat(product.sku()).isEqualTo("PEN-1");
        assertThat(product.stock()).isEqualTo(5);
    }

    @Test
    void aDeletedProductIsKeptButMarked() {
        Product product = Product.create("PEN-1", "Pen", "Blue ink", "office", new Money(BigDecimal.ONE, "EUR"), 5);

        product.delete();

        assertThat(product.deleted()).isTrue();
        assertThat(product.sku()).isEqualTo("PEN-1");
    }

    @Test
    void aPriceIsKeptAtItsCurrencysMinorUnit() {
        assertThat(new Money(new BigDecimal("12.5"), "EUR").amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(new Money(new BigDecimal("500"), "JPY").amount()).isEqualTo(new BigDecimal("500"));
        assertThat(new Money(new BigDecimal("1.5"), "BHD").amount()).isEqualTo(new BigDecimal("1.500"));
    }

    @Test
    void aPriceFromAClientNamesEachThingWrongWithIt() {
        assertThatThrownBy(() -> Money.parse("price", new BigDecimal("-1"), "euro"))
                .isInstanceOfSatisfying(
                        InvalidMoneyException.class,
                        ex -> assertThat(ex.violations())
                                .extracting(InvalidMoneyException.Violation::field)
                                .containsExactly("price.currency", "price.amount"));
        assertThatThrownBy(() -> Money.parse("price", new BigDecimal("1.001"), "EUR"))
                .isInstanceOfSatisfying(
                        InvalidMoneyException.class,
                        ex -> assertThat(ex.violations())
                                .singleElement()
                                .extracting(InvalidMoneyException.Violation::message)
                                .isEqualTo("must have at most 2 decimals in EUR"));
        assertThatThrownBy(() -> Money.parse("price", new BigDecimal("1000000000.01"), "EUR"))
                .isInstanceOf(InvalidMoneyException.class);
        assertThat(Money.parse("price", new BigDecimal("1000000000"), "EUR").amount())
                .isEqualByComparingTo("1000000000");
    }
}
