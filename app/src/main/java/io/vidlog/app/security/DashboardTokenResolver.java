package io.vidlog.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

/**
 * Finds a request's bearer token: in the {@code Authorization} header, everywhere as before; failing that, in the
 * {@link DashboardCookie dashboard's cookie}, but only for the dashboard's own pages and for the admin API calls its
 * scripts make (marked with {@link DashboardCookie#HEADER}). Any other request ignores the cookie, so a browser that
 * holds it authenticates nothing else, and its public pages (sign-in) work with an expired one.
 */
@Component
class DashboardTokenResolver implements BearerTokenResolver {

    private final BearerTokenResolver header = new BearerHeader();
    private final RequestMatcher cookieAccepted = new OrRequestMatcher(
            new AndRequestMatcher(withDefaults().matcher("/dashboard/**"),
                    new NegatedRequestMatcher(DashboardSecurityConfiguration.PUBLIC)),
            new AndRequestMatcher(withDefaults().matcher("/api/v1/admin/**"),
                    new RequestHeaderRequestMatcher(DashboardCookie.HEADER)));

    @Override
    public String resolve(HttpServletRequest request) {
        String token = header.resolve(request);
        if (token != null || !cookieAccepted.matches(request)) {
            return token;
        }
        return DashboardCookie.read(request).orElse(null);
    }
}
