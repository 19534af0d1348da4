package io.cloudshop.common.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on every JSON document a service reads, enforced by the parser while it reads (Jackson's
 * {@code StreamReadConstraints}), so an oversized or deeply nested body is refused before it costs memory or stack.
 * The gateway caps body sizes too; these limits also hold for callers inside the cluster.
 *
 * @param maxDocumentLength a whole request body (refused with 413)
 * @param maxNestingDepth objects and arrays inside each other; no request of the suite needs more than a few levels
 * @param maxStringLength characters in one string value
 * @param maxNumberLength digits in one number
 * @param maxNameLength characters in one property name
 */
@ConfigurationProperties("cloudshop.json")
public record JsonInputProperties(
        @DefaultValue("1MB") DataSize maxDocumentLength,
        @DefaultValue("32") int maxNestingDepth,
        @DefaultValue("100000") int maxStringLength,
        @DefaultValue("100") int maxNumberLength,
        @DefaultValue("256") int maxNameLength) {}
