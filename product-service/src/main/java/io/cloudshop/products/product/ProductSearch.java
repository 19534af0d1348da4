package io.cloudshop.products.product;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listings of live products: filters, PostgreSQL full-text search ranked by relevance, whitelisted sorting, paging.
 *
 * <p>Native SQL because the search needs {@code @@}, {@code websearch_to_tsquery} and {@code ts_rank}, which JPQL
 * lacks. The statement is assembled only from the fixed fragments below; every client value is a bound parameter,
 * and {@code websearch_to_tsquery} accepts any text without syntax errors, so search strings cannot inject SQL or
 * tsquery operators. Two statements per page: the rows and the count.
 */
@Component
public class ProductSearch {

    /** Entity properties the web layer may sort by (already whitelisted there), and their columns. */
    private static final Map<String, String> COLUMNS =
            Map.of("name", "p.name", "priceAmount", "p.price_amount", "createdAt", "p.created_at", "id", "p.id");

    private static final String COLUMN_LIST = "p.id, p.sku, p.name, p.description, p.category, p.price_amount,"
            + " p.price_currency, p.stock, p.deleted, p.created_at, p.version";

    private final EntityManager entityManager;

    ProductSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @param pageable an unsorted page means relevance first when searching, newest first otherwise
     */
    @Transactional(readOnly = true)
    public Page<Product> search(ProductFilter filter, Pageable pageable) {
        StringBuilder where = new StringBuilder(" from products p where not p.deleted");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.category() != null) {
            where.append(" and p.category = :category");
            parameters.put("category", filter.category());
        }
        if (filter.minPrice() != null) {
            where.append(" and p.price_amount >= :minPrice");
            parameters.put("minPrice", filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            where.append(" and p.price_amount <= :maxPrice");
            parameters.put("maxPrice", filter.maxPrice());
        }
        if (filter.currency() != null) {
            where.append(" and p.price_currency = :currency");
            parameters.put("currency", filter.currency());
        }
        if (filter.inStock() != null) {
            where.append(filter.inStock() ? " and p.stock > 0" : " and p.stock = 0");
        }
        if (filter.q() != null) {
            where.append(" and p.search_vector @@ websearch_to_tsquery('english', :q)");
            parameters.put("q", filter.q());
        }

        String order = orderBy(pageable.getSort(), filter.q() != null);
        Query rows = entityManager.createNativeQuery(
                "select " + COLUMN_LIST + where + " order by " + order + " limit :limit offset :offset", Product.class);
        Query count = entityManager.createNativeQuery("select count(*)" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        rows.setParameter("limit", pageable.getPageSize());
        rows.setParameter("offset", pageable.getOffset());

        @SuppressWarnings("unchecked")
        List<Product> content = rows.getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        return new PageImpl<>(content, pageable, total);
    }

    private static String orderBy(Sort sort, boolean searching) {
        if (sort.isUnsorted()) {
            return searching
                    ? "ts_rank(p.search_vector, websearch_to_tsquery('english', :q)) desc, p.id"
                    : "p.created_at desc, p.id";
        }
        List<String> orders = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = COLUMNS.get(order.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("Not a sortable property: " + order.getProperty());
            }
            orders.add(column + (order.isAscending() ? " asc" : " desc"));
        }
        return String.join(", ", orders);
    }
}
