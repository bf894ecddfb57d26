package de.handinhand.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the Kreis office: templates use {@code {kreis:key}}, Java code {@link Labels}. The words are in
 * {@code messages/kreis_<language>.properties}, German being the default language.
 */
@MessageBundle(value = "kreis", locale = "de")
public interface KreisMsg {

    @Message
    String nav();

    @Message
    String queue();

    @Message
    String unconfirmed();

    @Message
    String offers();

    @Message
    String new_offer();

    @Message
    String queue_intro();

    @Message
    String queue_empty();

    @Message
    String proposed_on(String date);

    @Message
    String derived();

    @Message
    String publish();

    @Message
    String reject();

    @Message
    String reject_reason();

    @Message
    String unconfirmed_intro();

    @Message
    String unconfirmed_empty();

    @Message
    String col_offer();

    @Message
    String col_confirmed();

    @Message
    String col_actions();

    @Message
    String confirm();

    @Message
    String archive();

    @Message
    String status();

    @Message
    String edit();

    @Message
    String public_page();

    @Message
    String origin();

    @Message
    String history();

    @Message
    String col_when();

    @Message
    String col_who();

    @Message
    String col_action();

    @Message
    String col_fields();

    @Message
    String texts();

    @Message
    String texts_hint();

    @Message
    String title_in(String language);

    @Message
    String description_in(String language);

    @Message
    String who_where();

    @Message
    String municipality();

    @Message
    String address();

    @Message
    String address_hint();

    @Message
    String lat();

    @Message
    String lon();

    @Message
    String when_cost();

    @Message
    String schedule_hint();

    @Message
    String cost();

    @Message
    String cost_hint();

    @Message
    String valid_from();

    @Message
    String valid_until();

    @Message
    String contact_name();

    @Message
    String contact_role();

    @Message
    String publish_now();
}
