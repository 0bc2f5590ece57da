package io.vidlog.app.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

/**
 * The dashboard ({@code /dashboard/**}) as a browser sees it: ADMIN only, like the admin API it reads, with the
 * bearer token from the {@link DashboardCookie} that {@code POST /dashboard/sign-in} sets (or, as everywhere, from the
 * Authorization header). An anonymous visitor, or one whose token expired, is sent to the sign-in page; a signed-in
 * user without ADMIN gets a readable 403 page. The API's own chain ({@link SecurityConfiguration}) keeps answering
 * problems.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

    static final String SIGN_IN = "/dashboard/sign-in";

    /** Served to anyone, and never authenticated by the cookie, so that an expired one cannot lock the visitor out. */
    static final RequestMatcher PUBLIC = new OrRequestMatcher(withDefaults().matcher(SIGN_IN),
            withDefaults().matcher("/dashboard/sign-out"), withDefaults().matcher("/dashboard/session"),
            withDefaults().matcher("/dashboard/assets/**"));

    /** Only the dashboard's own scripts and styles run; no page may frame it. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Resource FORBIDDEN_PAGE = new ClassPathResource("dashboard/forbidden.html");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain dashboardSecurity(HttpSecurity http, JwtAuthenticationConverter tokenToUser,
                                          DashboardTokenResolver tokens) throws Exception {
        return http
                .securityMatcher("/dashboard/**")
                // The cookie is SameSite=Strict, the pages only read, and the two state-changing requests here
                // (sign-in, sign-out) require the dashboard's header, which no cross-site form can send.
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(tokens)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenToUser))
                        .authenticationEntryPoint(DashboardSecurityConfiguration::signIn)
                        .accessDeniedHandler((request, response, denied) -> forbidden(response)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(DashboardSecurityConfiguration::signIn)
                        .accessDeniedHandler((request, response, denied) -> forbidden(response)))
                .build();
    }

    /**
     * Sends the visitor to the sign-in page, which comes back to the page asked for; a rejected token's cookie is
     * dropped and the page says why.
     */
    private static void signIn(HttpServletRequest request, HttpServletResponse response,
                               AuthenticationException failure) throws IOException {
        String asked = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        UriComponentsBuilder signIn = UriComponentsBuilder.fromPath(request.getContextPath() + SIGN_IN)
                .queryParam("next", "{next}");
        if (failure instanceof OAuth2AuthenticationException) {
            response.addHeader(HttpHeaders.SET_COOKIE, DashboardCookie.cleared(request.isSecure()).toString());
            signIn.queryParam("reason", "invalid");
        }
        // As a URI variable the page asked for is encoded whole, its own '?', '&' and '=' included.
        response.sendRedirect(signIn.encode().buildAndExpand(asked).toUriString());
    }

    private static void forbidden(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        FORBIDDEN_PAGE.getInputStream().transferTo(response.getOutputStream());
    }
}
