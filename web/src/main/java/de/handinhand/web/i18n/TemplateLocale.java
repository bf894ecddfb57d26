package de.handinhand.web.i18n;

import de.handinhand.web.common.PageContext;
import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Every template renders its messages in the request's page language (chosen by {@link LanguageFilter}). */
@Singleton
public class TemplateLocale implements TemplateInstance.Initializer {

    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance instance) {
        if (Arc.container().requestContext().isActive()) {
            instance.setLocale(Arc.container().instance(PageContext.class).get().locale());
        }
    }
}
