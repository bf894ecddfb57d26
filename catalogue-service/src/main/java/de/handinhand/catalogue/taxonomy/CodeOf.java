package de.handinhand.catalogue.taxonomy;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A text that must be a code of one code list ({@link OfferLanguage}, {@code FieldOfAction},
 * {@code TargetGroup}), written as the API writes the constant: what Jackson makes of it, so
 * {@code de} for {@link OfferLanguage#DE} and {@code SPRACHE} for {@code FieldOfAction.SPRACHE}.
 * The code list stays the one source; the OpenAPI document learns the values from the same enum
 * ({@code @Schema(implementation = ...)} beside this constraint), since SmallRye does not read
 * custom constraints. Null is left to {@code @NotNull}.
 */
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = CodeOf.Check.class)
public @interface CodeOf {

    Class<? extends Enum<?>> value();

    String message() default "is not a known code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CodeOf, String> {

        private static final ObjectMapper JSON = new ObjectMapper();
        private Set<String> codes;

        @Override
        public void initialize(CodeOf annotation) {
            codes = Arrays.stream(annotation.value().getEnumConstants())
                    .map(constant -> JSON.convertValue(constant, String.class))
                    .collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || codes.contains(value);
        }
    }
}
