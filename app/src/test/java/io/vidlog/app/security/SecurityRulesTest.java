package io.vidlog.app.security;

import io.vidlog.app.Tokens;

import com.jayway.jsonpath.JsonPath;
import io.vidlog.app.web.ApiProperties;
import io.vidlog.app.web.ProblemResponses;
import io.vidlog.app.web.RateLimitProperties;
import jakarta.servlet.http.Cookie;
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

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
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
            "ANONYMOUS, GET,    /dashboard,                            302",
            "ANONYMOUS, GET,    /dashboard/sign-in,                    200",
            "ANONYMOUS, GET,    /dashboard/session,                    200",
            "ANONYMOUS, GET,    /dashboard/assets/dashboard.js,        200",
            "ADMIN,     GET,    /api/v1/admin/videos/v1/events,        200",
            "USER,      GET,    /api/v1/admin/videos/v1/events,        403",
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
                .andExpect(header().string("WWW-Authenticate", startsWith(
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

    @Test
    void anAnonymousVisitorOfTheDashboardIsAskedToSignInAndComesBackAfterwards() throws Exception {
        mvc.perform(get("/dashboard/sagas").queryParam("status", "failed").queryParam("videoId", "3f&x"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location",
                        "/dashboard/sign-in?next=%2Fdashboard%2Fsagas%3Fstatus%3Dfailed%26videoId%3D3f%2526x"));
    }

    @Test
    void signingInKeepsTheTokenInACookieNoScriptAndNoOtherSiteCanUse() throws Exception {
        String admin = tokens.valid("operator", "USER", "ADMIN");

        mvc.perform(signIn(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("operator"))
                .andExpect(jsonPath("$.admin").value(true))
                .andExpect(header().string("Set-Cookie", allOf(
                        startsWith(DashboardCookie.NAME + "=" + admin + "; Path=/; Max-Age="),
                        containsString("; HttpOnly"),
                        containsString("; SameSite=Strict"),
                        not(containsString("Secure")))));
        mvc.perform(signIn(admin).secure(true))
                .andExpect(header().string("Set-Cookie", containsString("; Secure")));
    }

    @Test
    void onlyTheDashboardsScriptsCanSignIn() throws Exception {
        mvc.perform(post("/dashboard/sign-in").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + tokens.valid("operator", "ADMIN") + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void aTokenTheApiWouldRejectDoesNotSignIn() throws Exception {
        mvc.perform(signIn(tokens.expired("late", "ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(ProblemAuthenticationEntryPoint.EXPIRED))
                .andExpect(header().doesNotExist("Set-Cookie"));
        mvc.perform(signIn(new Tokens("an-attackers-secret-that-is-long-enough-too").valid("intruder", "ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(ProblemAuthenticationEntryPoint.BAD_SIGNATURE));
    }

    @Test
    void theCookieAuthenticatesTheDashboardAndItsScriptsAdminCallsOnly() throws Exception {
        Cookie admin = cookie(tokens.valid("operator", "USER", "ADMIN"));

        mvc.perform(get("/dashboard/projections").cookie(admin)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/admin/projections").cookie(admin).header(DashboardCookie.HEADER, "1"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/admin/projections").cookie(admin))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/me/bookmarks").cookie(admin).header(DashboardCookie.HEADER, "1"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theAuthorizationHeaderWinsOverTheCookie() throws Exception {
        mvc.perform(get("/api/v1/admin/projections").cookie(cookie(tokens.valid("operator", "ADMIN")))
                        .header(DashboardCookie.HEADER, "1")
                        .header("Authorization", "Bearer " + tokens.valid("someone", "USER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSignedInUserWithoutAdminGetsTheForbiddenPage() throws Exception {
        mvc.perform(get("/dashboard").cookie(cookie(tokens.valid("viewer", "USER"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("403")));
    }

    @Test
    void anExpiredCookieIsDroppedAndTheVisitorAskedToSignInAgain() throws Exception {
        Cookie expired = cookie(tokens.expired("late", "ADMIN"));

        mvc.perform(get("/dashboard").cookie(expired))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/dashboard/sign-in?next=%2Fdashboard&reason=invalid"))
                .andExpect(header().string("Set-Cookie",
                        startsWith(DashboardCookie.NAME + "=; Path=/; Max-Age=0")));
        mvc.perform(get("/dashboard/sign-in").cookie(expired)).andExpect(status().isOk());
        mvc.perform(get("/dashboard/session").cookie(expired))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signedIn").value(false));
    }

    @Test
    void theSessionSaysWhoIsSignedInAndSigningOutEndsIt() throws Exception {
        Cookie viewer = cookie(tokens.valid("viewer", "USER", "CREATOR"));

        mvc.perform(get("/dashboard/session").cookie(viewer))
                .andExpect(jsonPath("$.signedIn").value(true))
                .andExpect(jsonPath("$.userId").value("viewer"))
                .andExpect(jsonPath("$.roles[0]").value("CREATOR"))
                .andExpect(jsonPath("$.roles[1]").value("USER"))
                .andExpect(jsonPath("$.admin").value(false))
                .andExpect(jsonPath("$.devTokens").value(true));
        mvc.perform(post("/dashboard/sign-out").cookie(viewer).header(DashboardCookie.HEADER, "1"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("Set-Cookie",
                        startsWith(DashboardCookie.NAME + "=; Path=/; Max-Age=0")));
    }

    @Test
    void theDashboardRunsOnlyItsOwnScripts() throws Exception {
        mvc.perform(get("/dashboard/sign-in"))
                .andExpect(header().string("Content-Security-Policy",
                        startsWith("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    private static MockHttpServletRequestBuilder signIn(String token) {
        return post("/dashboard/sign-in").header(DashboardCookie.HEADER, "1").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\"}");
    }

    private static Cookie cookie(String token) {
        return new Cookie(DashboardCookie.NAME, token);
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
