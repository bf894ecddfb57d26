package de.handinhand.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of a person's own offer proposals: templates use {@code {propose:key}}. The words are in
 * {@code messages/propose_<language>.properties}, German being the default language.
 */
@MessageBundle(value = "propose", locale = "de")
public interface ProposeMsg {

    @Message
    String title();

    @Message
    String intro();

    @Message
    String start();

    @Message
    String none();

    @Message
    String col_offer();

    @Message
    String col_kreis();

    @Message
    String col_date();

    @Message
    String col_status();

    @Message
    String reason(String reason);

    @Message
    String kreis();

    @Message
    String kreis_own(String kreis);

    @Message
    String new_intro();

    @Message
    String send();

    @Message
    String done();

    @Message
    String back();

    @Message
    String waiting();

    @Message
    String nav();
}
