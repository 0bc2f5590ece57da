package io.vidlog.app.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseCookie;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The dashboard's sign-in: the operator's bearer token, kept by the browser in a cookie its scripts cannot read
 * (HttpOnly), that it never sends with a request from another site (SameSite=Strict), and only over HTTPS when the
 * dashboard is served so. Path {@code /}: the dashboard's pages and the admin API both need it.
 */
final class DashboardCookie {

    static final String NAME = "vidlog_dashboard";
    /**
     * The dashboard's scripts send this header with every request the cookie authenticates outside its pages. A
     * page of another origin cannot add a custom header without a CORS preflight, which Vidlog does not allow: a
     * second defence against cross-site requests besides SameSite, for browsers that ignore it.
     */
    static final String HEADER = "X-Vidlog-Dashboard";

    private DashboardCookie() {
    }

    /** Lasts as long as the token; a token without expiry makes a cookie that ends with the browser session. */
    static ResponseCookie holding(String token, Instant expiresAt, boolean secure) {
        ResponseCookie.ResponseCookieBuilder cookie = base(token, secure);
        if (expiresAt != null) {
            cookie.maxAge(Duration.between(Instant.now(), expiresAt).toSeconds());
        }
        return cookie.build();
    }

    static ResponseCookie cleared(boolean secure) {
        return base("", secure).maxAge(0).build();
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> cookie.getName().equals(NAME) && !cookie.getValue().isBlank())
                .map(Cookie::getValue).findFirst();
    }

    private static ResponseCookie.ResponseCookieBuilder base(String value, boolean secure) {
        return ResponseCookie.from(NAME, value).path("/").httpOnly(true).sameSite("Strict").secure(secure);
    }
}
