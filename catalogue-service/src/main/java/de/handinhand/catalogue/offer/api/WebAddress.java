package de.handinhand.catalogue.offer.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A web address an offer may show ({@link WebAddresses}), the violation saying what is wrong with
 * it ("must not contain a user name or password"). Absent, blank and over-long values are left to
 * {@code @NotBlank} and {@code @Size}, so each problem is reported once.
 */
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = WebAddress.Check.class)
public @interface WebAddress {

    String message() default "is not a web address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WebAddress, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank() || value.length() > WebAddresses.MAX) {
                return true;
            }
            String problem = WebAddresses.problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(Templates.literal(problem)).addConstraintViolation();
            return false;
        }
    }
}
