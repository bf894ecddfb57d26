package de.handinhand.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of forms of the signed-in pages: errors, confirmations, states and phases: templates use {@code {form:key}}, Java code {@link Labels}. The words are in
 * {@code messages/form_<language>.properties}, German being the default language.
 */
@MessageBundle(value = "form", locale = "de")
public interface FormMsg {

    @Message
    String errors_heading();

    @Message
    String required();

    @Message
    String save();

    @Message
    String cancel();

    @Message
    String money_invalid();

    @Message
    String number_invalid();

    @Message
    String done_published();

    @Message
    String done_rejected();

    @Message
    String done_confirmed();

    @Message
    String done_archived();

    @Message
    String done_saved();

    @Message
    String done_submitted();

    @Message
    String done_uploaded();

    @Message
    String done_deleted();

    @Message
    String done_withdrawn();

    @Message
    String done_reopened();

    @Message
    String done_finalised();

    @Message
    String done_imported();

    @Message
    String done_results();

    @Message
    String status_PROPOSED();

    @Message
    String status_PUBLISHED();

    @Message
    String status_ARCHIVED();

    @Message
    String status_REJECTED();

    @Message
    String phase_UPCOMING();

    @Message
    String phase_OPEN();

    @Message
    String phase_JURY();

    @Message
    String phase_CLOSED();

    @Message
    String project(int number);
}
