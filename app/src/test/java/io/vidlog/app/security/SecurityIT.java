package io.vidlog.app.security;

import io.vidlog.app.ApiClient;
import io.vidlog.app.Tokens;
import io.vidlog.app.VidlogIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Authentication, authorization and error answers of the running application, as an HTTP client sees them. */
@VidlogIntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;
    @Value("${vidlog.jwt.secret}")
    String secret;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void aRequestWithoutATokenIsUnauthorizedWithABearerChallenge() {
        ApiClient.Response answer = api.send("GET", "/api/v1/me/bookmarks", null, null);

        answer.assertProblem(401);
        assertThat(answer.header("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void aForgedTokenIsUnauthorized() {
        String forged = new Tokens("an-attackers-secret-that-is-long-enough-too").valid("intruder", "ADMIN");

        ApiClient.Response answer = api.send("GET", "/api/v1/me/bookmarks", forged, null);

        answer.assertProblem(401);
        assertThat(answer.detail()).contains("signature");
        assertThat(answer.header("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"invalid_token\"");
    }

    @Test
    void anExpiredTokenIsUnauthorizedAndSaysSo() {
        ApiClient.Response answer = api.send("GET", "/api/v1/me/bookmarks", new Tokens(secret).expired("late", "USER"), null);

        answer.assertProblem(401);
        assertThat(answer.detail()).contains("expired");
    }

    @Test
    void aMalformedTokenIsUnauthorized() {
        ApiClient.Response answer = api.send("GET", "/api/v1/me/bookmarks", "not-a-jwt", null);

        answer.assertProblem(401);
        assertThat(answer.detail()).contains("malformed");
    }

    @Test
    void aDevTokenAuthenticatesWithItsRoles() {
        ApiClient.Response user = api.send("GET", "/api/v1/admin/projections", devToken("it-user", "USER"), null);
        ApiClient.Response admin = api.send("GET", "/api/v1/admin/projections", devToken("it-admin", "USER", "ADMIN"), null);

        user.assertProblem(403);
        assertThat(admin.status()).isNotIn(401, 403);
    }

    @Test
    void aDevTokenCarriesItsExpiry() {
        ApiClient.Response answer = api.send("POST", "/api/v1/dev/tokens", null, "{\"userId\":\"it-expiry\",\"roles\":[\"USER\"]}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("expiresAt").asText()).isNotBlank();
    }

    @Test
    void anInvalidDevTokenRequestIsABadRequestListingTheFields() {
        ApiClient.Response answer = api.send("POST", "/api/v1/dev/tokens", null, "{\"userId\":\"\",\"roles\":[]}");

        answer.assertProblem(400);
        assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactly("roles", "userId");
    }

    @Test
    void malformedJsonIsABadRequest() {
        ApiClient.Response answer = api.send("POST", "/api/v1/dev/tokens", null, "{\"userId\": \"u1\", \"roles\": [USER");

        answer.assertProblem(400);
        assertThat(answer.detail()).startsWith("Malformed JSON");
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        String huge = "{\"userId\":\"" + "u".repeat(1_100_000) + "\",\"roles\":[\"USER\"]}";

        api.send("POST", "/api/v1/dev/tokens", null, huge).assertProblem(413);
    }

    @Test
    void healthIsPublic() {
        assertThat(api.send("GET", "/actuator/health", null, null).status()).isEqualTo(200);
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        ApiClient.Response answer = api.send("GET", "/api/v1/nope", devToken("it-lost", "USER"), null);

        answer.assertProblem(404);
        assertThat(answer.detail()).isEqualTo("No endpoint GET /api/v1/nope");
    }

    @Test
    void anonymousCallersMayReadAVideoButNotPlayIt() {
        String video = "/api/v1/videos/" + UUID.randomUUID();

        assertThat(api.send("GET", video, null, null).status()).isNotIn(401, 403, 500);
        api.send("GET", video + "/play", null, null).assertProblem(401);
    }

    @Test
    void apiAnswersShowTheRemainingRateLimit() {
        ApiClient.Response answer = api.send("GET", "/api/v1/nope", devToken("it-counted", "USER"), null);

        assertThat(answer.header("X-RateLimit-Remaining")).hasValue("999");
    }

    private String devToken(String userId, String... roles) {
        String body = "{\"userId\":\"%s\",\"roles\":[\"%s\"]}".formatted(userId, String.join("\",\"", roles));
        ApiClient.Response answer = api.send("POST", "/api/v1/dev/tokens", null, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("token").asText();
    }
}
