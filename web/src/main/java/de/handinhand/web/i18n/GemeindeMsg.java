package de.handinhand.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of municipalities and applicants: templates use {@code {gemeinde:key}}, Java code {@link Labels}. The words are in
 * {@code messages/gemeinde_<language>.properties}, German being the default language.
 */
@MessageBundle(value = "gemeinde", locale = "de")
public interface GemeindeMsg {

    @Message
    String title();

    @Message
    String open_calls();

    @Message
    String no_calls();

    @Message
    String begin();

    @Message
    String to_entry();

    @Message
    String my_entries();

    @Message
    String no_entries();

    @Message
    String col_call();

    @Message
    String col_updated();

    @Message
    String untitled();

    @Message
    String entry_title_field();

    @Message
    String entry_requested();

    @Message
    String entry_title();

    @Message
    String entry_municipality();

    @Message
    String entry_status();

    @Message
    String entry_DRAFT();

    @Message
    String entry_SUBMITTED();

    @Message
    String entry_WITHDRAWN();

    @Message
    String entry_version(int version);

    @Message
    String entry_deadline();

    @Message
    String entry_versions();

    @Message
    String entry_reopen();

    @Message
    String entry_withdraw();

    @Message
    String entry_not_editable();

    @Message
    String entry_from_registry();

    @Message
    String entry_readonly();

    @Message
    String entry_only_when(String condition);

    @Message
    String entry_no_answer();

    @Message
    String entry_money_hint();

    @Message
    String entry_project_hint(int max);

    @Message
    String entry_save();

    @Message
    String entry_submit();

    @Message
    String entry_submit_hint();

    @Message
    String entry_saved_not_submitted();

    @Message
    String entry_delete_file();

    @Message
    String entry_file();

    @Message
    String entry_file_hint();

    @Message
    String entry_file_missing();

    @Message
    String entry_upload();

    @Message
    String entry_col_version();

    @Message
    String entry_col_submitted();

    @Message
    String entry_col_by();
}
