package io.cloudshop.common.web;

import io.cloudshop.common.problem.ApiException;
import io.cloudshop.common.problem.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;

/**
 * The sort orders a listing accepts: {@code sort=field} or {@code sort=field,asc|desc} where {@code field} is one of
 * the listing's documented API names; anything else is a 400 {@code VALIDATION_FAILED} naming {@code sort} and the
 * allowed fields. API names map to entity properties, so the API never exposes (or lets clients sort by) anything
 * else. A tiebreaker (usually the id) makes paging stable when the sort field has duplicates.
 */
public final class SortWhitelist {

    private final Map<String, String> fields;
    private final Sort.Order tiebreaker;

    private SortWhitelist(Map<String, String> fields, Sort.Order tiebreaker) {
        this.fields = fields;
        this.tiebreaker = tiebreaker;
    }

    /**
     * @param fields API name to entity property (the error message lists the names alphabetically)
     * @param tiebreaker entity property sorted ascending after the requested one
     */
    public static SortWhitelist of(Map<String, String> fields, String tiebreaker) {
        return new SortWhitelist(new TreeMap<>(fields), Sort.Order.asc(tiebreaker));
    }

    public Sort parse(String sort) {
        String[] parts = sort.split(",", -1);
        String property = fields.get(parts[0].trim());
        String direction = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (property == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "The request has invalid values.",
                    List.of(new Problems.FieldError(
                            "sort",
                            "must be one of " + String.join(", ", fields.keySet()) + ", optionally ,asc or ,desc")));
        }
        List<Sort.Order> orders = new ArrayList<>();
        orders.add(new Sort.Order(direction.equals("asc") ? Sort.Direction.ASC : Sort.Direction.DESC, property));
        if (!property.equals(tiebreaker.getProperty())) {
            orders.add(tiebreaker);
        }
        return Sort.by(orders);
    }
}
