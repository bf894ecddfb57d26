package de.handinhand.web.navigator;

import de.handinhand.web.api.Offer;
import de.handinhand.web.common.PageContext;
import de.handinhand.web.i18n.Labels;
import de.handinhand.web.i18n.Lang;
import de.handinhand.web.i18n.Msg;
import java.util.List;

/**
 * An offer's page: texts in the page language where the offer has them, else in German with
 * {@code lang="de"} and a visible note; codes as words; contacts ready as tel:/mailto: links.
 */
public record OfferView(
        Offer offer,
        String title,
        String textLang,
        String textDir,
        boolean untranslated,
        String description,
        String kreis,
        List<String> fields,
        List<String> targetGroups,
        List<String> languages,
        String cost,
        String validity,
        String checked,
        String backHref,
        String printHref,
        String pageHref) {

    static OfferView of(Offer o, Labels labels, PageContext ctx) {
        Msg msg = labels.msg();
        String lang = ctx.langCode();
        String textLang = o.displayLanguage() == null ? "de" : o.displayLanguage();
        boolean untranslated = !textLang.equals(lang);
        String validity = null;
        if (o.validFrom() != null && o.validUntil() != null) {
            validity = msg.offer_valid_from_until(labels.date(o.validFrom()), labels.date(o.validUntil()));
        } else if (o.validFrom() != null) {
            validity = msg.offer_valid_from(labels.date(o.validFrom()));
        } else if (o.validUntil() != null) {
            validity = msg.offer_valid_until(labels.date(o.validUntil()));
        }
        String cost = o.free() ? msg.offer_free() : o.costCents() == null ? null : labels.money(o.costCents());
        var checked = o.lastConfirmedAt() != null ? o.lastConfirmedAt() : o.updatedAt();
        return new OfferView(o, o.displayTitle(), textLang, Lang.of(textLang).map(Lang::dir).orElse("ltr"),
                untranslated, o.displayDescription(), Places.kreisName(o.kreisId()),
                o.fields().stream().map(labels::field).toList(),
                o.targetGroups().stream().map(labels::targetGroup).toList(),
                o.languages().stream().map(labels::language).toList(), cost, validity,
                checked == null ? null : labels.date(checked), "/?lang=" + lang,
                "/angebote/" + o.id() + "?lang=" + lang + "&ansicht=druck", "/angebote/" + o.id() + "?lang=" + lang);
    }
}
