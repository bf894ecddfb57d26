package de.handinhand.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of organizers: templates use {@code {orga:key}}, Java code {@link Labels}. The words are in
 * {@code messages/orga_<language>.properties}, German being the default language.
 */
@MessageBundle(value = "orga", locale = "de")
public interface OrgaMsg {

    @Message
    String title();

    @Message
    String opens();

    @Message
    String jury_ends();

    @Message
    String phases();

    @Message
    String current_phase();

    @Message
    String categories();

    @Message
    String import_heading();

    @Message
    String import_intro();

    @Message
    String import_file();

    @Message
    String import_municipality();

    @Message
    String import_municipality_hint();

    @Message
    String import_button();

    @Message
    String imported(String title, String municipality, int unplaced);

    @Message
    String ranking();

    @Message
    String ranking_none();

    @Message
    String csv();

    @Message
    String rank();

    @Message
    String normalized();

    @Message
    String mean();

    @Message
    String median();

    @Message
    String spread();

    @Message
    String jurors();

    @Message
    String disagreement();

    @Message
    String results();

    @Message
    String results_intro();

    @Message
    String winners();

    @Message
    String publish();

    @Message
    String winner();

    @Message
    String winner_yes();
}
