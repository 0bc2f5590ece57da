package io.vidlog.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.util.UUID;

/**
 * The last resort for exceptions that no advice and no Spring MVC resolver handled: a 500 problem whose detail
 * reveals nothing of the failure, with a trace id that finds the logged stack trace. A resolver ordered last
 * rather than an {@code @ExceptionHandler(Exception.class)}, which would shadow the modules' own advice.
 */
@Component
class UnexpectedErrorResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorResolver.class);

    private final ProblemResponses problems;

    UnexpectedErrorResolver(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        // Spring Security's exception translation, further out, answers these with 401/403.
        if (exception instanceof AuthenticationException || exception instanceof AccessDeniedException
                || response.isCommitted()) {
            return null;
        }
        try {
            String failed = request.getMethod() + " " + request.getRequestURI();
            problems.write(request, response, loggedServerError(failed, HttpStatus.INTERNAL_SERVER_ERROR, exception));
            return new ModelAndView();
        } catch (IOException writeFailure) {
            exception.addSuppressed(writeFailure);
            return null;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** A server error problem for a failed request (method and path), logged with the trace id it carries. */
    static ProblemDetail loggedServerError(String failed, HttpStatus status, Throwable error) {
        String traceId = UUID.randomUUID().toString();
        log.error("{} failed [traceId={}]", failed, traceId, error);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "An unexpected error occurred; please quote trace id " + traceId + " when reporting it");
        problem.setProperty("traceId", traceId);
        return problem;
    }
}
