package io.vidlog.app.security;

import io.vidlog.app.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidlog.app.web.ProblemResponses;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each kind of rejected token, as Spring Security's own decoder and resolver report it, gets its own detail. */
class ProblemAuthenticationEntryPointTest {

    private static final String SECRET = "entry-point-test-secret-of-at-least-32-bytes";

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final ProblemAuthenticationEntryPoint entryPoint =
            new ProblemAuthenticationEntryPoint(new ProblemResponses(json));
    private final JwtAuthenticationProvider provider = new JwtAuthenticationProvider(NimbusJwtDecoder
            .withSecretKey(new JwtProperties(SECRET, Duration.ofHours(1)).hmacKey())
            .macAlgorithm(MacAlgorithm.HS256).build());
    private final Tokens tokens = new Tokens(SECRET);

    @Test
    void aRequestWithoutATokenGetsTheBareChallenge() throws Exception {
        MockHttpServletResponse response = commence(new InsufficientAuthenticationException("anonymous"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("title").asText()).isEqualTo("Unauthorized");
        assertThat(problem.path("detail").asText()).isEqualTo(ProblemAuthenticationEntryPoint.MISSING_TOKEN);
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/me/bookmarks");
    }

    @Test
    void anExpiredTokenIsReportedAsExpired() throws Exception {
        String expired = tokens.expired("u1", "USER");

        MockHttpServletResponse response = commence(rejected(expired));

        assertThat(detail(response)).isEqualTo(ProblemAuthenticationEntryPoint.EXPIRED);
        assertThat(response.getHeader("WWW-Authenticate"))
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"The bearer token has expired\"");
    }

    @Test
    void aTokenSignedWithAnotherKeyHasABadSignature() throws Exception {
        String forged = new Tokens("another-secret-that-is-also-32-bytes-long").valid("u1", "ADMIN");

        assertThat(detail(commence(rejected(forged)))).isEqualTo(ProblemAuthenticationEntryPoint.BAD_SIGNATURE);
    }

    @Test
    void somethingThatIsNotAJwtIsMalformed() throws Exception {
        assertThat(detail(commence(rejected("not-a-jwt")))).isEqualTo(ProblemAuthenticationEntryPoint.MALFORMED);
    }

    @Test
    void anAuthorizationHeaderThatIsNoBearerTokenSaysSo() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer two words");
        AuthenticationException failure = catchThrowableOfType(AuthenticationException.class,
                () -> new DefaultBearerTokenResolver().resolve(request));

        assertThat(detail(commence(failure))).isEqualTo("Bearer token is malformed");
    }

    private AuthenticationException rejected(String token) {
        return catchThrowableOfType(AuthenticationException.class,
                () -> provider.authenticate(new BearerTokenAuthenticationToken(token)));
    }

    private MockHttpServletResponse commence(AuthenticationException failure) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        entryPoint.commence(new MockHttpServletRequest("GET", "/api/v1/me/bookmarks"), response, failure);
        return response;
    }

    private String detail(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(401);
        return json.readTree(response.getContentAsString()).path("detail").asText();
    }
}
