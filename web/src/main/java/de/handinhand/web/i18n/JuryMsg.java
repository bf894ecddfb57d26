package de.handinhand.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the jury: templates use {@code {jury:key}}, Java code {@link Labels}. The words are in
 * {@code messages/jury_<language>.properties}, German being the default language.
 */
@MessageBundle(value = "jury", locale = "de")
public interface JuryMsg {

    @Message
    String title();

    @Message
    String intro();

    @Message
    String none();

    @Message
    String phase();

    @Message
    String cases_of(String title);

    @Message
    String col_entry();

    @Message
    String col_municipality();

    @Message
    String col_category();

    @Message
    String col_sheet();

    @Message
    String sheet_open();

    @Message
    String sheet_draft();

    @Message
    String sheet_final();

    @Message
    String sheet_outdated();

    @Message
    String entry();

    @Message
    String summary();

    @Message
    String description();

    @Message
    String unplaced();

    @Message
    String attachments();

    @Message
    String attachments_none();

    @Message
    String attachments_hidden();

    @Message
    String precheck();

    @Message
    String precheck_hint();

    @Message
    String precheck_summary(String met, String total);

    @Message
    String col_check();

    @Message
    String col_answer();

    @Message
    String col_result();

    @Message
    String precheck_MET();

    @Message
    String precheck_PARTIAL();

    @Message
    String precheck_NOT_MET();

    @Message
    String precheck_NOT_ANSWERED();

    @Message
    String sheet();

    @Message
    String sheet_is_final(String total);

    @Message
    String sheet_closed();

    @Message
    String scale(int min, int max, String weight);

    @Message
    String points();

    @Message
    String na();

    @Message
    String comment();

    @Message
    String save();

    @Message
    String finalise();

    @Message
    String finalise_hint();

    @Message
    String others();

    @Message
    String others_hidden();

    @Message
    String others_none();

    @Message
    String total(String total);

    @Message
    String sheet_of(String juror);

    @Message
    String col_criterion();
}
