package de.handinhand.web.i18n;

import de.handinhand.web.common.PageContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Picks the page language: {@code ?lang=} (so every page has a shareable URL in its language),
 * then the language chosen before (a cookie), then the browser's Accept-Language, then German.
 */
public class LanguageFilter {

    static final String COOKIE = "lang";
    private static final String CHOSEN = LanguageFilter.class.getName() + ".chosen";

    private final PageContext ctx;

    public LanguageFilter(PageContext ctx) {
        this.ctx = ctx;
    }

    @ServerRequestFilter(preMatching = true)
    public void pick(ContainerRequestContext request) {
        Optional<Lang> asked = Lang.of(request.getUriInfo().getQueryParameters().getFirst("lang"));
        Cookie cookie = request.getCookies().get(COOKIE);
        Lang lang = asked
                .or(() -> cookie == null ? Optional.empty() : Lang.of(cookie.getValue()))
                .or(() -> Lang.fromAcceptLanguage(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)))
                .orElse(Lang.DE);
        asked.ifPresent(l -> request.setProperty(CHOSEN, l));
        ctx.set(lang, request.getUriInfo().getRequestUri());
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CHOSEN) instanceof Lang chosen) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(COOKIE).value(chosen.code())
                    .path("/").maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build());
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, ctx.langCode());
        response.getHeaders().add(HttpHeaders.VARY, "Accept-Language, Cookie");
    }
}
