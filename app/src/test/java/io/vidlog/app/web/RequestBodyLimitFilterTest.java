package io.vidlog.app.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter =
            new RequestBodyLimitFilter(10, new ProblemResponses(Jackson2ObjectMapperBuilder.json().build()));

    @Test
    void aBodyAnnouncedAsTooLargeIsRefusedUnread() throws Exception {
        MockHttpServletRequest request = post("{\"title\":\"eleven\"}");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("larger than the limit of 10 bytes");
    }

    @Test
    void aBodyWithinTheLimitPasses() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post("{\"a\":1}"), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest().getInputStream().readAllBytes()).hasSize(7);
    }

    @Test
    void aBodyOfUnannouncedLengthFailsWhenReadingCrossesTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/videos") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent("0123456789ABC".getBytes());
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        InputStream body = chain.getRequest().getInputStream();
        assertThat(body.readNBytes(10)).hasSize(10);
        assertThatThrownBy(body::read).isInstanceOf(RequestBodyTooLargeException.class);
    }

    private static MockHttpServletRequest post(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/videos");
        request.setContent(body.getBytes());
        return request;
    }
}
