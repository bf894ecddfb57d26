package de.handinhand.deploy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One person's job on the shared local stack, as ordered steps ({@code @Order}) of one test
 * instance that keeps what the earlier steps made. A step that fails skips the later ones, which
 * build on it. Journeys never depend on each other: each makes its own calls, entries and offers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({LocalStackExtension.class, Stepwise.class})
@interface Journey {
}
