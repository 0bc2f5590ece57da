package io.vidlog.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The servlet container's error page ({@code /error}), replacing Spring Boot's: failures outside Spring MVC (a
 * filter that threw, a {@code sendError}) are problems too, and a server error never shows its exception message.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String failedUri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem;
        if (status.is5xxServerError()) {
            problem = UnexpectedErrorResolver.loggedServerError(request.getMethod() + " " + failedUri, status,
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        } else {
            problem = ProblemDetail.forStatus(status);
            String message = (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            problem.setDetail(StringUtils.hasText(message) ? message : status.getReasonPhrase());
        }
        if (failedUri != null) {
            problem.setInstance(URI.create(failedUri));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
