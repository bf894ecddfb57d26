package de.handinhand.common.messaging.testapp;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Data of the test events: an event record that validates itself, like those in messaging.events. */
public record Greeting(@NotBlank String name, @Min(1) int version) {
}
