package de.handinhand.web.common;

import de.handinhand.web.i18n.Lang;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What every page of one request shares: the language it is shown in, where it is (for the
 * language switch and "back after login"), and who is signed in. Templates read it as
 * {@code inject:ctx}.
 */
@RequestScoped
@Named("ctx")
public class PageContext {

    private final SecurityIdentity identity;
    private Lang lang = Lang.DE;
    private URI uri = URI.create("/");

    public PageContext(SecurityIdentity identity) {
        this.identity = identity;
    }

    public void set(Lang lang, URI requestUri) {
        this.lang = lang;
        this.uri = requestUri;
    }

    public Lang lang() {
        return lang;
    }

    public String langCode() {
        return lang.code();
    }

    public String dir() {
        return lang.dir();
    }

    public Locale locale() {
        return lang.locale();
    }

    /** The language switch: every language with a link to this very page in it. */
    public List<LangLink> languages() {
        List<LangLink> links = new ArrayList<>();
        for (Lang l : Lang.values()) {
            links.add(new LangLink(l.code(), l.nativeName(), l.dir(), withQuery("lang", l.code()), l == lang));
        }
        return links;
    }

    /** This page's path and query with one query parameter set (or removed when value is null). */
    public String withQuery(String name, String value) {
        StringBuilder query = new StringBuilder();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (!pair.isEmpty() && !pair.equals(name) && !pair.startsWith(name + "=")) {
                    query.append(query.length() == 0 ? "" : "&").append(pair);
                }
            }
        }
        if (value != null) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return uri.getRawPath() + (query.length() == 0 ? "" : "?" + query);
    }

    /** This page's path with its query (for links back to it). */
    public String here() {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public String path() {
        return uri.getRawPath();
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String userName() {
        if (identity.isAnonymous()) {
            return "";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String preferred = jwt.getClaim("preferred_username");
            if (preferred != null) {
                return preferred;
            }
        }
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** A claim of the signed-in person's ID token (municipality_id, kreis_id, organisation), or null. */
    public String claim(String name) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return value == null ? null : value.toString();
        }
        return null;
    }

    public record LangLink(String code, String name, String dir, String href, boolean current) {
    }
}
