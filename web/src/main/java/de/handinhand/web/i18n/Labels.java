package de.handinhand.web.i18n;

import de.handinhand.web.common.PageContext;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Words for codes, numbers and dates in the page language. Fields of action, target groups and
 * languages are the catalogue's ({@code GET /api/catalogue/taxonomy}, through {@link Taxonomy}):
 * its label in the page language; for the page languages the API does not label yet (it speaks
 * German and English), the pages' translation of that code ({@link CodeTranslations}), or for a
 * language's name the JDK's CLDR name; failing all that the API's English label, and last the code.
 */
@ApplicationScoped
@Named("labels")
public class Labels {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final PageContext ctx;
    private final Taxonomy taxonomy;
    private final CodeTranslations translations;

    public Labels(PageContext ctx, Taxonomy taxonomy, CodeTranslations translations) {
        this.ctx = ctx;
        this.taxonomy = taxonomy;
        this.translations = translations;
    }

    /** The message bundles in the page language. */
    public Msg msg() {
        return MessageBundles.get(Msg.class, Localized.Literal.of(ctx.langCode()));
    }

    public FormMsg form() {
        return MessageBundles.get(FormMsg.class, Localized.Literal.of(ctx.langCode()));
    }

    public JuryMsg jury() {
        return MessageBundles.get(JuryMsg.class, Localized.Literal.of(ctx.langCode()));
    }

    public GemeindeMsg gemeinde() {
        return MessageBundles.get(GemeindeMsg.class, Localized.Literal.of(ctx.langCode()));
    }

    public String field(String code) {
        return label(Taxonomy.FIELDS, code);
    }

    public String targetGroup(String code) {
        return label(Taxonomy.TARGET_GROUPS, code);
    }

    /** A language's name in the page language ("ar" on an English page: "Arabic"). */
    public String language(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        Taxonomy.Lists lists = taxonomy.lists();
        String lang = ctx.langCode();
        return lists.label(Taxonomy.LANGUAGES, code, lang).orElseGet(() -> {
            String name = Locale.forLanguageTag(code).getDisplayLanguage(ctx.locale());
            return name.isEmpty() || name.equals(code) ? fallback(lists, Taxonomy.LANGUAGES, code) : name;
        });
    }

    /** The codes of one of the catalogue's lists, in its order (empty while the API has not answered). */
    public List<String> codes(String list) {
        return taxonomy.lists().codes(list);
    }

    private String label(String list, String code) {
        if (code == null) {
            return "";
        }
        Taxonomy.Lists lists = taxonomy.lists();
        String lang = ctx.langCode();
        return lists.label(list, code, lang).or(() -> translations.label(lang, list, code))
                .orElseGet(() -> fallback(lists, list, code));
    }

    private static String fallback(Taxonomy.Lists lists, String list, String code) {
        return lists.label(list, code, "en").or(() -> lists.label(list, code, "de")).orElse(code);
    }

    public String money(Long cents) {
        if (cents == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(ctx.locale());
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(cents / 100.0);
    }

    public String number(double value, int fractionDigits) {
        NumberFormat format = NumberFormat.getNumberInstance(ctx.locale());
        format.setMaximumFractionDigits(fractionDigits);
        format.setMinimumFractionDigits(fractionDigits);
        return format.format(value);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(ctx.locale())
                .format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : date(instant.atZone(ZONE).toLocalDate());
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(ctx.locale()).format(instant.atZone(ZONE));
    }
}
