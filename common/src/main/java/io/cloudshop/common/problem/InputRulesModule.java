package io.cloudshop.common.problem;

import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/** Applies {@link InputRules} to every string and decimal a request body holds, wherever it is nested. */
final class InputRulesModule extends SimpleModule {

    InputRulesModule() {
        super("cloudshop-input-rules");
        addDeserializer(String.class, new StorableStringDeserializer());
        addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer());
    }

    private static final class StorableStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && !InputRules.isStorable(value)) {
                throw new InvalidInputException(parser, String.class, InputRules.INVALID_TEXT);
            }
            return value;
        }
    }

    private static final class BoundedDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            BigDecimal value = super.deserialize(parser, context);
            if (value != null && !InputRules.isStorable(value)) {
                throw new InvalidInputException(parser, BigDecimal.class, InputRules.INVALID_DECIMAL);
            }
            return value;
        }
    }
}
