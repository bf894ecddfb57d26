package de.handinhand.submission.validation;

import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.FieldError;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a request record that combine its fields without the database ("the deadline after
 * the opening", "a key starts with its Kreis' key"). The record implements {@link Checked}; its
 * rules are reported as violations of the fields they concern, so they arrive in the same 422 as
 * the single-field constraints and a client learns every field at once. OpenAPI cannot express
 * them: the record's description says them.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CrossFieldRules.Validator.class)
public @interface CrossFieldRules {

    String message() default "is inconsistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request record whose rules combine fields. */
    interface Checked {

        /**
         * Adds an error for each field that breaks a rule, named by its JSON path ({@code deadline},
         * {@code categories[2]}). Fields whose own constraints fail may be skipped: those are reported already.
         */
        void check(Errors errors);
    }

    /** Turns the errors of {@link Checked#check} into violations of the named fields. */
    final class Validator implements ConstraintValidator<CrossFieldRules, Checked> {

        private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d+)]");

        @Override
        public boolean isValid(Checked value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Errors errors = new Errors();
            value.check(errors);
            if (errors.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (FieldError error : errors.list()) {
                // The message is text, not a template: a value it quotes must not be interpolated.
                var violation = context.buildConstraintViolationWithTemplate(literal(error.message()));
                Matcher indexed = INDEXED.matcher(error.field());
                if (indexed.matches()) {
                    violation.addPropertyNode(indexed.group(1)).addBeanNode().inIterable()
                            .atIndex(Integer.parseInt(indexed.group(2))).addConstraintViolation();
                } else {
                    violation.addPropertyNode(error.field()).addConstraintViolation();
                }
            }
            return false;
        }

        private static String literal(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
