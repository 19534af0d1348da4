package io.cloudshop.products.product;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** The catalog's products; soft-deleted ones are not listed. */
public interface Products extends Repository<Product, UUID> {

    Page<Product> findByDeletedFalse(Pageable pageable);
}
