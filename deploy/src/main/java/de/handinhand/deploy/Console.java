package de.handinhand.deploy;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The launcher's own terminal output: short, time-stamped lines. */
final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Console() {
    }

    static void info(String message) {
        System.out.println(LocalTime.now().format(TIME) + "  " + message);
    }

    static void warn(String message) {
        System.err.println(LocalTime.now().format(TIME) + "  WARNING " + message);
    }
}
