package de.handinhand.scoring.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * No element of the list is given twice. Unlike Hibernate Validator's {@code @UniqueElements}, each
 * repetition is reported at its own position ({@code [3]}), as the list's other element rules are,
 * so a caller sees which entry to drop. Null elements are left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = DistinctElements.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DistinctElements {

    String message() default "is given twice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DistinctElements, List<?>> {

        @Override
        public boolean isValid(List<?> values, ConstraintValidatorContext context) {
            if (values == null) {
                return true;
            }
            Set<Object> seen = new HashSet<>();
            boolean valid = true;
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value != null && !seen.add(value)) {
                    // A bean node keeps the parameter's index in the path (a container element node
                    // built here loses it), so the position reads [i] like the element constraints'.
                    if (valid) {
                        context.disableDefaultConstraintViolation();
                        valid = false;
                    }
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addBeanNode().inIterable().atIndex(i)
                            .addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
