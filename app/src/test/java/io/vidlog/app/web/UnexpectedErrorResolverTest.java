package io.vidlog.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;

class UnexpectedErrorResolverTest {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final UnexpectedErrorResolver resolver = new UnexpectedErrorResolver(new ProblemResponses(json));

    @Test
    void anUnexpectedFailureIsAGeneric500WithATraceId() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        resolver.resolveException(new MockHttpServletRequest("GET", "/api/v1/feed"), response, null,
                new IllegalStateException("connection string postgres://secret@db"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        String traceId = problem.path("traceId").asText();
        assertThat(traceId).isNotBlank();
        assertThat(problem.path("detail").asText()).contains(traceId).doesNotContain("secret");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/feed");
    }

    @Test
    void securityExceptionsAreLeftToSpringSecurity() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null,
                new AccessDeniedException("no"))).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
