package io.vidlog.app.web;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void aFailureOutsideSpringMvcIsAGeneric500Problem() {
        MockHttpServletRequest request = failed(500, "/api/v1/feed");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("pool exhausted at db:5432"));

        ResponseEntity<ProblemDetail> response = controller.error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = response.getBody();
        assertThat(problem.getDetail()).doesNotContain("db:5432").contains("trace id");
        assertThat(problem.getProperties()).containsKey("traceId");
        assertThat(problem.getInstance()).hasToString("/api/v1/feed");
    }

    @Test
    void aClientErrorKeepsItsStatusAndMessage() {
        MockHttpServletRequest request = failed(409, "/api/v1/videos/v1");
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "Video is being transcoded");

        ResponseEntity<ProblemDetail> response = controller.error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().getTitle()).isEqualTo("Conflict");
        assertThat(response.getBody().getDetail()).isEqualTo("Video is being transcoded");
    }

    private static MockHttpServletRequest failed(int status, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return request;
    }
}
