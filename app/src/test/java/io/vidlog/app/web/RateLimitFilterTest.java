package io.vidlog.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitFilterTest {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(3, 2, 1000),
            new ProblemResponses(json));

    @Test
    void theFourthRequestOfAUserWithinAMinuteIsRefusedWithRetryAfter() throws Exception {
        for (int remaining = 2; remaining >= 0; remaining--) {
            Result passed = send(asUser("u1"));
            assertThat(passed.forwarded()).isTrue();
            assertThat(passed.response().getHeader(RateLimitFilter.REMAINING_HEADER)).isEqualTo(remaining + "");
        }

        Result refused = send(asUser("u1"));

        assertThat(refused.forwarded()).isFalse();
        MockHttpServletResponse response = refused.response();
        assertThat(response.getStatus()).isEqualTo(429);
        // Three per minute refill one token every 20 seconds.
        assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(1L, 20L);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("title").asText()).isEqualTo("Too Many Requests");
        assertThat(problem.path("detail").asText()).contains("3 requests per minute");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/feed");
    }

    @Test
    void everyUserHasABucketOfTheirOwn() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(asUser("busy"));
        }

        assertThat(send(asUser("busy")).forwarded()).isFalse();
        assertThat(send(asUser("calm")).forwarded()).isTrue();
    }

    @Test
    void callersWithoutATokenAreLimitedPerAddressWithTheAnonymousLimit() throws Exception {
        assertThat(send(from("10.0.0.1")).forwarded()).isTrue();
        assertThat(send(from("10.0.0.1")).forwarded()).isTrue();

        assertThat(send(from("10.0.0.1")).response().getStatus()).isEqualTo(429);
        assertThat(send(from("10.0.0.2")).forwarded()).isTrue();
    }

    @Test
    void aUserIdThatLooksLikeAnAddressDoesNotShareTheAddresssBucket() throws Exception {
        send(from("10.0.0.9"));
        send(from("10.0.0.9"));

        assertThat(send(asUser("10.0.0.9")).forwarded()).isTrue();
    }

    private record Result(MockHttpServletResponse response, boolean forwarded) {
    }

    private Result send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Result(response, chain.getRequest() != null);
    }

    private static MockHttpServletRequest asUser(String userId) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/feed");
        request.setUserPrincipal(() -> userId);
        return request;
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/feed");
        request.setRemoteAddr(address);
        return request;
    }
}
