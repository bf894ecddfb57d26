package de.handinhand.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the public pages and the frame of every page: templates use {@code {msg:key}}, Java code {@link Labels}. The words are in
 * {@code messages/msg_<language>.properties}, German being the default language.
 * Fields of action and target groups are {@code field_$<CODE>} and {@code group_$<CODE>}.
 */
@MessageBundle(value = "msg", locale = "de")
public interface Msg {

    @Message
    String field(Field field);

    @Message
    String group(TargetGroup group);

    @Message
    String site_name();

    @Message
    String site_tagline();

    @Message
    String skip_to_content();

    @Message
    String nav_main();

    @Message
    String nav_search();

    @Message
    String nav_kreis();

    @Message
    String nav_jury();

    @Message
    String nav_gemeinde();

    @Message
    String nav_orga();

    @Message
    String nav_sign_in();

    @Message
    String nav_sign_out();

    @Message
    String nav_signed_in_as(String name);

    @Message
    String nav_language();

    @Message
    String footer_label();

    @Message
    String footer_a11y();

    @Message
    String footer_about();

    @Message
    String search_title();

    @Message
    String search_heading();

    @Message
    String search_intro();

    @Message
    String search_form();

    @Message
    String search_words();

    @Message
    String search_words_hint();

    @Message
    String search_place();

    @Message
    String search_place_hint();

    @Message
    String search_radius();

    @Message
    String search_radius_km(int km);

    @Message
    String search_free();

    @Message
    String search_sort();

    @Message
    String sort_default();

    @Message
    String sort_relevance();

    @Message
    String sort_distance();

    @Message
    String sort_title();

    @Message
    String sort_updated();

    @Message
    String search_button();

    @Message
    String search_place_unknown(String place, String kreise);

    @Message
    String search_near(int km, String place);

    @Message
    String filters();

    @Message
    String filters_clear();

    @Message
    String filter_active();

    @Message
    String facet_field();

    @Message
    String facet_targetGroup();

    @Message
    String facet_language();

    @Message
    String facet_kreis();

    @Message
    String facet_count(long count);

    @Message
    String results_heading();

    @Message
    String results_count(long count);

    @Message
    String results_none();

    @Message
    String results_page(int page, int pages);

    @Message
    String pagination();

    @Message
    String page_previous();

    @Message
    String page_next();

    @Message
    String distance_km(String distance);

    @Message
    String offer_free();

    @Message
    String offer_only_german();

    @Message
    String offer_good_practice();

    @Message
    String offer_award();

    @Message
    String map_heading();

    @Message
    String map_hint();

    @Message
    String map_open();

    @Message
    String offer_back();

    @Message
    String offer_provider();

    @Message
    String offer_where();

    @Message
    String offer_when();

    @Message
    String offer_costs();

    @Message
    String offer_for_whom();

    @Message
    String offer_topics();

    @Message
    String offer_languages();

    @Message
    String offer_accessibility();

    @Message
    String offer_contact();

    @Message
    String offer_phone();

    @Message
    String offer_email();

    @Message
    String offer_website();

    @Message
    String offer_valid();

    @Message
    String offer_valid_from_until(String from, String until);

    @Message
    String offer_valid_from(String from);

    @Message
    String offer_valid_until(String until);

    @Message
    String offer_translation_missing();

    @Message
    String offer_print();

    @Message
    String offer_print_hint();

    @Message
    String offer_checked(String date);

    @Message
    String offer_marks();

    @Message
    String offer_ask();

    @Message
    String offer_good_practice_text();

    @Message
    String offer_award_text();

    @Message
    String offer_kreis();

    @Message
    String a11y_title();

    @Message
    String a11y_intro();

    @Message
    String a11y_status_heading();

    @Message
    String a11y_status();

    @Message
    String a11y_known_heading();

    @Message
    String a11y_known();

    @Message
    String a11y_feedback_heading();

    @Message
    String a11y_feedback();

    @Message
    String a11y_enforcement_heading();

    @Message
    String a11y_enforcement();

    @Message
    String error_404_title();

    @Message
    String error_404_text();

    @Message
    String error_403_title();

    @Message
    String error_403_text();

    @Message
    String error_503_title();

    @Message
    String error_503_text();

    @Message
    String error_503_sign_in();

    @Message
    String error_400_title();

    @Message
    String error_400_text();

    @Message
    String error_500_title();

    @Message
    String error_500_text();

    @Message
    String error_500_id();

    @Message
    String error_home();
}
