package de.handinhand.scoring.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Turns what a {@link CrossFieldChecks} record reports into constraint violations on the named properties. */
public class CrossFieldValidator implements ConstraintValidator<CrossFieldChecks.Checked, CrossFieldChecks> {

    @Override
    public boolean isValid(CrossFieldChecks value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        boolean[] valid = {true};
        value.checkFields((property, message) -> {
            if (valid[0]) {
                context.disableDefaultConstraintViolation();
                valid[0] = false;
            }
            var violation = context.buildConstraintViolationWithTemplate(literal(message));
            if (property == null) {
                violation.addConstraintViolation();
            } else {
                violation.addPropertyNode(property).addConstraintViolation();
            }
        });
        return valid[0];
    }

    /** The message as it is: braces and dollars would otherwise be read as message parameters or expressions. */
    static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
