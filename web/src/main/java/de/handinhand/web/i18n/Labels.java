package de.handinhand.web.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.web.api.Gateway;
import de.handinhand.web.api.PublicApi;
import de.handinhand.web.common.PageContext;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Words for codes, numbers and dates in the page language. Fields of action and target groups
 * come from the message bundles; a code the pages do not know yet takes the catalogue's own label
 * ({@code GET /api/catalogue/taxonomy}, German and English) and, failing that, shows the code.
 * Language names come from the JDK's CLDR data, so every language an offer names has a name.
 */
@ApplicationScoped
@Named("labels")
public class Labels {

    private static final Logger LOG = Logger.getLogger(Labels.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Duration TAXONOMY_TTL = Duration.ofMinutes(10);

    private final PageContext ctx;
    private final PublicApi api;
    private final Gateway gateway;
    private final Map<String, String> taxonomy = new ConcurrentHashMap<>();
    private volatile Instant taxonomyRead = Instant.EPOCH;

    public Labels(PageContext ctx, @RestClient PublicApi api, Gateway gateway) {
        this.ctx = ctx;
        this.api = api;
        this.gateway = gateway;
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
        return Field.of(code).map(f -> msg().field(f)).orElseGet(() -> fromTaxonomy("fields", code));
    }

    public String targetGroup(String code) {
        return TargetGroup.of(code).map(g -> msg().group(g)).orElseGet(() -> fromTaxonomy("targetGroups", code));
    }

    /** A language's name in the page language ("ar" on an English page: "Arabic"). */
    public String language(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(ctx.locale());
        return name.isEmpty() || name.equals(code) ? fromTaxonomy("languages", code) : name;
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

    private String fromTaxonomy(String list, String code) {
        if (code == null) {
            return "";
        }
        refreshTaxonomy();
        String lang = ctx.langCode();
        String label = taxonomy.get(list + "/" + code + "/" + lang);
        if (label == null && !lang.equals("de")) {
            label = taxonomy.get(list + "/" + code + "/en");
        }
        if (label == null) {
            label = taxonomy.get(list + "/" + code + "/de");
        }
        return label == null ? code : label;
    }

    /** Reads the catalogue's labels now and then; while the API lacks them the codes show. */
    private void refreshTaxonomy() {
        Instant now = Instant.now();
        if (taxonomyRead.plus(TAXONOMY_TTL).isAfter(now)) {
            return;
        }
        taxonomyRead = now;
        try {
            JsonNode body = gateway.json(api::taxonomy);
            body.fields().forEachRemaining(list -> list.getValue().forEach(entry -> entry.path("label").fields()
                    .forEachRemaining(label -> taxonomy.put(list.getKey() + "/" + entry.path("code").asText() + "/"
                            + label.getKey(), label.getValue().asText()))));
        } catch (RuntimeException e) {
            LOG.debugf("No taxonomy from the catalogue (%s); codes without a label show as codes", e.toString());
        }
    }
}
