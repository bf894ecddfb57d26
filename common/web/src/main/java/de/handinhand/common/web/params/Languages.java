package de.handinhand.common.web.params;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import de.handinhand.common.web.validation.Rules;
import java.util.regex.Pattern;

/**
 * The languages a caller reads, best first, from {@code Accept-Language} as JAX-RS parses it
 * ({@link HttpHeaders#getAcceptableLanguages()}: ordered by q-value; {@code q=0}, which JAX-RS keeps, left out). Only the
 * primary subtag counts ({@code ar-SY} reads {@code ar}); the wildcard and malformed ranges are
 * skipped, and a header that cannot be parsed at all is as good as none: a language preference
 * never fails a request.
 */
public final class Languages {

    private static final Pattern LANGUAGE = Pattern.compile(Rules.LANGUAGE);
    private static final Pattern REFUSED = Pattern.compile("[^;]+;\\s*q\\s*=\\s*0(\\.0{0,3})?\\s*");

    private Languages() {
    }

    /** Primary language codes in the caller's order of preference, each once; empty without a usable header. */
    public static List<String> acceptable(HttpHeaders headers) {
        List<Locale> locales;
        try {
            locales = headers == null ? List.of() : headers.getAcceptableLanguages();
        } catch (RuntimeException e) {
            return List.of();
        }
        List<String> refused = refused(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        List<String> codes = new ArrayList<>();
        for (Locale locale : locales) {
            String code = locale.getLanguage().toLowerCase(Locale.ROOT);
            if (LANGUAGE.matcher(code).matches() && !codes.contains(code) && !refused.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /**
     * Languages the caller explicitly refuses ({@code fa;q=0}, RFC 9110 §12.4.2): JAX-RS sorts them
     * last but keeps them, so they are read from the header itself.
     */
    private static List<String> refused(String header) {
        List<String> refused = new ArrayList<>();
        if (header != null) {
            for (String range : header.split(",")) {
                if (REFUSED.matcher(range).matches()) {
                    refused.add(range.substring(0, range.indexOf(';')).strip().split("-")[0].toLowerCase(Locale.ROOT));
                }
            }
        }
        return refused;
    }

    /**
     * The language to answer in: {@code explicit} (e.g. {@code ?lang=}, already checked by its
     * {@code @Pattern}) when given, else the caller's most preferred language, else {@code fallback}.
     */
    public static String pick(String explicit, HttpHeaders headers, String fallback) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip().toLowerCase(Locale.ROOT);
        }
        List<String> acceptable = acceptable(headers);
        return acceptable.isEmpty() ? fallback : acceptable.get(0);
    }
}
