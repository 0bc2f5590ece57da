package io.vidlog.app.security;

import io.vidlog.app.Tokens;

import com.jayway.jsonpath.JsonPath;
import io.vidlog.app.web.ApiProperties;
import io.vidlog.app.web.ProblemResponses;
import io.vidlog.app.web.RateLimitProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The access rules, the token decoding and the filters around them, with the security and web packages exactly as
 * the application wires them but a stand-in controller that answers 200 wherever a request gets through.
 */
@WebMvcTest(properties = {
        "vidlog.local-stack.enabled=false",
        "vidlog.jwt.secret=" + SecurityRulesTest.SECRET,
        "vidlog.rate-limit.user-per-minute=5",
        "vidlog.rate-limit.anonymous-per-minute=1000000"})
@ContextConfiguration(classes = SecurityRulesTest.SecurityAndWeb.class)
@ActiveProfiles("local")
class SecurityRulesTest {

    static final String SECRET = "security-rules-test-secret-of-at-least-32-bytes";

    /** A plain component scan: the slice's type filter, which @SpringBootApplication applies, would drop most. */
    @SpringBootConfiguration
    @ComponentScan(basePackageClasses = {SecurityConfiguration.class, ProblemResponses.class})
    @EnableConfigurationProperties({JwtProperties.class, RateLimitProperties.class, ApiProperties.class})
    static class SecurityAndWeb {
    }

    @RestController
    static class EveryPath {

        @RequestMapping({"/api/**", "/dashboard/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**",
                "/swagger-ui.html", "/elsewhere/**"})
        String reached() {
            return "reached";
        }
    }

    private final Tokens tokens = new Tokens(SECRET);

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "ANONYMOUS, GET,    /actuator/health,                      200",
            "ANONYMOUS, GET,    /actuator/health/liveness,             200",
            "ANONYMOUS, GET,    /actuator/info,                        200",
            "ANONYMOUS, GET,    /actuator/prometheus,                  200",
            "ANONYMOUS, GET,    /actuator/metrics,                     401",
            "USER,      GET,    /actuator/metrics,                     403",
            "ANONYMOUS, GET,    /v3/api-docs,                          200",
            "ANONYMOUS, GET,    /swagger-ui/index.html,                200",
            "ANONYMOUS, GET,    /swagger-ui.html,                      200",
            "ANONYMOUS, GET,    /api/v1/videos/v1,                     200",
            "ANONYMOUS, GET,    /api/v1/videos/v1/play,                401",
            "USER,      GET,    /api/v1/videos/v1/play,                200",
            "ANONYMOUS, GET,    /api/v1/search,                        200",
            "ANONYMOUS, GET,    /api/v1/search/autocomplete,           200",
            "ANONYMOUS, GET,    /api/v1/rankings/bookmarks,            200",
            "ANONYMOUS, GET,    /api/v1/feed,                          200",
            "ANONYMOUS, PUT,    /api/v1/videos/v1/reaction,            401",
            "USER,      PUT,    /api/v1/videos/v1/reaction,            200",
            "ANONYMOUS, PATCH,  /api/v1/videos/v1,                     401",
            "ANONYMOUS, GET,    /api/v1/me/bookmarks,                  401",
            "USER,      GET,    /api/v1/me/bookmarks,                  200",
            "ANONYMOUS, POST,   /api/v1/dev/videos,                    401",
            "USER,      POST,   /api/v1/videos,                        403",
            "CREATOR,   POST,   /api/v1/videos,                        200",
            "USER,      POST,   /api/v1/videos/v1/upload,              403",
            "CREATOR,   POST,   /api/v1/videos/v1/upload,              200",
            "CREATOR,   POST,   /api/v1/videos/v1/upload/complete,     200",
            "CREATOR,   DELETE, /api/v1/videos/v1/upload,              200",
            "CREATOR,   GET,    /api/v1/admin/projections,             403",
            "ADMIN,     GET,    /api/v1/admin/projections,             200",
            "ADMIN,     POST,   /api/v1/admin/projections/rankings/replay, 200",
            "USER,      GET,    /dashboard,                            403",
            "ADMIN,     GET,    /dashboard/sagas,                      200",
            "ANONYMOUS, GET,    /elsewhere,                            401",
            "ADMIN,     GET,    /elsewhere,                            403",
    })
    void rules(String role, HttpMethod method, String path, int expected) throws Exception {
        MockHttpServletRequestBuilder request = request(method, path);
        if (!role.equals("ANONYMOUS")) {
            request.header("Authorization", "Bearer " + tokens.valid("rules-" + role, role));
        }
        mvc.perform(request).andExpect(status().is(expected));
    }

    @Test
    void aRequestWithoutATokenIsAProblemWithABearerChallenge() throws Exception {
        mvc.perform(get("/api/v1/me/bookmarks"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail").value(ProblemAuthenticationEntryPoint.MISSING_TOKEN));
    }

    @Test
    void anExpiredTokenIsRejectedEvenWhereAnonymousCallersAreWelcome() throws Exception {
        String expired = tokens.expired("late", "USER");

        mvc.perform(get("/api/v1/feed").header("Authorization", "Bearer " + expired))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith(
                        "Bearer error=\"invalid_token\"")))
                .andExpect(jsonPath("$.detail").value(ProblemAuthenticationEntryPoint.EXPIRED));
    }

    @Test
    void aForbiddenRequestIsAProblem() throws Exception {
        mvc.perform(get("/api/v1/admin/projections").header("Authorization", "Bearer " + tokens.valid("u", "USER")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value("Your roles do not allow GET /api/v1/admin/projections"));
    }

    @Test
    void aDevTokenAuthenticatesItsUserWithItsRoles() throws Exception {
        String issued = mvc.perform(post("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\":\"dev.admin@example\",\"roles\":[\"USER\",\"ADMIN\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expiresAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(issued, "$.token");

        mvc.perform(get("/api/v1/admin/projections").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
    }

    @Test
    void aDevTokenRequestIsValidated() throws Exception {
        mvc.perform(post("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\":\"not allowed!\",\"roles\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[1].field").value("userId"))
                .andExpect(jsonPath("$.errors[1].message").value("may contain only letters, digits and . _ @ -"));
        mvc.perform(post("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\":\"u1\",\"roles\":[\"USER\",\"ROOT\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "Unknown value 'ROOT' for field 'roles[1]'; expected one of USER, CREATOR, ADMIN"));
        mvc.perform(post("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\":\"" + "u".repeat(100_000) + "\",\"roles\":[\"USER\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userId"))
                .andExpect(jsonPath("$.errors[0].message").value("size must be between 0 and 64"));
    }

    /** Runs after authentication: the limit applies to the token's subject, whatever address it comes from. */
    @Test
    void theRateLimitCountsPerUser() throws Exception {
        String busy = "Bearer " + tokens.valid("busy", "USER");
        for (int remaining = 4; remaining >= 0; remaining--) {
            mvc.perform(get("/api/v1/feed").header("Authorization", busy).with(from("10.0.0." + remaining)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("X-RateLimit-Remaining", remaining + ""));
        }

        mvc.perform(get("/api/v1/feed").header("Authorization", busy))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429));
        mvc.perform(get("/api/v1/feed").header("Authorization", "Bearer " + tokens.valid("calm", "USER")))
                .andExpect(status().isOk());
    }

    @Test
    void actuatorIsNotRateLimited() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(header().doesNotExist("X-RateLimit-Remaining"));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
