package de.handinhand.common.web.testapp;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A custom constraint that reports the repeated element itself, through a container element node:
 * Hibernate Validator builds that node without a parameter index, which the violation mapping must
 * survive (it once threw, and the caller got a 500).
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoDuplicates.Check.class)
public @interface NoDuplicates {

    String message() default "is given twice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<NoDuplicates, List<String>> {

        @Override
        public boolean isValid(List<String> values, ConstraintValidatorContext context) {
            if (values == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            for (int i = 0; i < values.size(); i++) {
                if (!seen.add(values.get(i))) {
                    valid = false;
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addContainerElementNode(null, List.class, 0).inIterable().atIndex(i)
                            .addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
