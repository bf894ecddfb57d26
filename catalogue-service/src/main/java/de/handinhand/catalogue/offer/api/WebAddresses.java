package de.handinhand.catalogue.offer.api;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web addresses of offers: absolute http or https URLs with a full host name, no credentials,
 * stored in their ASCII form (an umlaut domain as punycode, other characters percent-encoded), so
 * every consumer, the HSDS {@code format: uri} included, can use them as they are, and a look-alike
 * domain shows what it is. The length of what the caller sends is the request's {@code @Size};
 * here only the encoded form's, which can grow.
 */
public final class WebAddresses {

    public static final int MAX = 500;
    private static final Pattern HOST_PORT = Pattern.compile("(.+?)(?::(\\d{1,5}))?");

    private WebAddresses() {
    }

    /** The address in its stored form; {@link IllegalArgumentException} with a reason for the caller if invalid. */
    public static String normalise(String raw) {
        String text = raw.strip();
        if (text.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("must not contain spaces");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a web address");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("must be an absolute address starting with https:// or http://");
        }
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("needs a host name, such as https://www.example.org");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw new IllegalArgumentException("must not contain a user name or password");
        }
        String host;
        int port;
        if (uri.getHost() != null) {
            host = uri.getHost();
            port = uri.getPort();
        } else {
            // Not a plain ASCII host name: an internationalised domain (or garbage) that IDN decides.
            Matcher m = HOST_PORT.matcher(uri.getRawAuthority());
            if (!m.matches()) {
                throw new IllegalArgumentException("has an invalid host name");
            }
            try {
                host = IDN.toASCII(m.group(1), IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("has an invalid host name");
            }
            port = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        }
        host = host.toLowerCase(Locale.ROOT);
        if (!host.startsWith("[") && (!host.contains(".") || host.endsWith("."))) {
            throw new IllegalArgumentException("needs a full host name, such as www.example.org");
        }
        if (port > 65_535) {
            throw new IllegalArgumentException("has an invalid port");
        }
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (port != -1) {
            out.append(':').append(port);
        }
        out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            out.append('#').append(uri.getRawFragment());
        }
        String ascii;
        try {
            URI normal = new URI(out.toString());
            if (normal.getHost() == null) {
                throw new IllegalArgumentException("has an invalid host name");
            }
            ascii = normal.toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a web address");
        }
        if (ascii.length() > MAX) {
            throw new IllegalArgumentException("must be at most " + MAX + " characters once encoded (is "
                    + ascii.length() + ")");
        }
        return ascii;
    }

    /** The reason the address is invalid, or null if it is fine. */
    public static String problem(String raw) {
        try {
            normalise(raw);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
