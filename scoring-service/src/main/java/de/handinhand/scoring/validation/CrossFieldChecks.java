package de.handinhand.scoring.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request record whose fields must agree with each other: rules that no single-field constraint
 * expresses and that need no database ("scaleMax greater than scaleMin", "pairs only for MANUAL").
 * The record states them in {@link #checkFields}; Bean Validation reports each broken one like any
 * other constraint, under the property it names, in the same 422 as the record's field constraints,
 * so a caller learns every invalid field at once. Implementing this interface is all it takes: the
 * class-level constraint on the interface is inherited.
 */
@CrossFieldChecks.Checked
public interface CrossFieldChecks {

    /** Where the checks report: the property a broken rule is about (null for the record as a whole) and why. */
    @FunctionalInterface
    interface Broken {
        void rule(String property, String message);
    }

    /** Reports every broken rule; reports nothing when the fields agree. Fields may be null. */
    void checkFields(Broken broken);

    /** The constraint behind the interface; not used on its own. */
    @Documented
    @Constraint(validatedBy = CrossFieldValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Checked {

        String message() default "is inconsistent";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
