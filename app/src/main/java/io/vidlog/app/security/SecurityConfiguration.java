package io.vidlog.app.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Vidlog is an OAuth2 resource server: every caller is identified by a bearer JWT ({@code sub} = user id,
 * {@code roles} = USER / CREATOR / ADMIN) or is anonymous; the dashboard's scripts send theirs in a cookie
 * ({@link DashboardTokenResolver}). Which requests each may make is in {@link #rules}; the
 * token decoder comes from {@link HmacJwtConfiguration} or, with an external issuer, from Spring Boot.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerifiedTokenCacheProperties.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, VerifiedTokenCacheProperties verifiedCache,
            JwtAuthenticationConverter tokenToUser, DashboardTokenResolver tokens,
            ProblemAuthenticationEntryPoint unauthenticated, ProblemAccessDeniedHandler denied) throws Exception {
        JwtDecoder verifier = verifiedCache.enabled() ? new VerifiedTokenCache(decoder, verifiedCache) : decoder;
        return http
                // Bearer tokens are sent on purpose; the one cookie that carries a token counts only with the
                // dashboard's header (DashboardTokenResolver), which no other site can send: no CSRF to defend against.
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(SecurityConfiguration::rules)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(tokens)
                        .jwt(jwt -> jwt.decoder(verifier).jwtAuthenticationConverter(tokenToUser))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .build();
    }

    private static void rules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                // The container's error page renders the failure of a request that was already authorized.
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                // Exists only in profile local.
                .requestMatchers(HttpMethod.POST, "/api/v1/dev/tokens").permitAll()
                // Playback URLs are for signed-in viewers only, although the video itself is public.
                .requestMatchers(HttpMethod.GET, "/api/v1/videos/*/play").authenticated()
                // HLS players send no token: the signed URL handed out by /play is the grant (HlsController).
                .requestMatchers(HttpMethod.GET, "/api/v1/hls/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/videos/*", "/api/v1/search/**", "/api/v1/rankings/**",
                        "/api/v1/feed").permitAll()
                // The dashboard's pages have their own chain (DashboardSecurityConfiguration).
                .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/videos").hasRole(Role.CREATOR.name())
                .requestMatchers("/api/v1/videos/*/upload/**").hasRole(Role.CREATOR.name())
                .requestMatchers("/api/**").authenticated()
                .anyRequest().denyAll();
    }

    /**
     * The patterns of {@link #rules} and of the dashboard's chain are Spring's {@code PathPattern}s matched against the
     * request's path, not {@code MvcRequestMatcher}s, which ask Spring MVC's handler mappings for each rule they
     * check (Spring Security 6.5's opt-in).
     */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Spring Security's firewall with the same rules for header names, header values and parameter names, checked
     * without its regular expressions: matching one per character cost a tenth of a command's CPU (docs/benchmarks.md).
     */
    @Bean
    WebSecurityCustomizer requestFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderText::isAssignedAndNotControl);
        firewall.setAllowedHeaderValues(HeaderText::isAssignedAndNotControlExceptTab);
        firewall.setAllowedParameterNames(HeaderText::isAssignedAndNotControl);
        return web -> web.httpFirewall(firewall);
    }

    /**
     * Spring Security observes nothing: with an observation registry it wraps every filter of every request in an
     * observation (a timer and a long-task timer apiece), for spans nobody traces — a tenth of a search request's CPU.
     * Without this it still wraps them when the observations are disabled by name, and only the meters go.
     * {@code http.server.requests} still times every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(Role.CLAIM);
        roles.setAuthorityPrefix(Role.AUTHORITY_PREFIX);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName(JwtClaimNames.SUB);
        return converter;
    }
}
