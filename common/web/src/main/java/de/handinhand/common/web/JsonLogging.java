package de.handinhand.common.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Handler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Switches console logging to one JSON object per line ({@link JsonLogFormatter}) when
 * {@code handinhand.log.json} is true, the production default. The quarkus-logging-json extension
 * would do this at build time, but its deployment artifact is not available from the Maven mirror
 * this project builds against, so the formatter is installed at start-up instead; the few lines
 * logged before that are plain text.
 */
@ApplicationScoped
public class JsonLogging {

    void install(@Observes @Priority(1) StartupEvent event,
            @ConfigProperty(name = "handinhand.log.json", defaultValue = "false") boolean json,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        if (!json) {
            return;
        }
        for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
            install(handler, service);
        }
    }

    private static void install(Handler handler, String service) {
        if (handler instanceof ConsoleHandler) {
            handler.setFormatter(new JsonLogFormatter(service));
        } else if (handler instanceof org.jboss.logmanager.ExtHandler ext) {
            // Quarkus wraps the console handler in a delaying/async handler.
            for (Handler child : ext.getHandlers()) {
                install(child, service);
            }
        }
    }
}
