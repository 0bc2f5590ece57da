package io.vidlog.app.security;

import com.nimbusds.jose.proc.BadJWSException;
import io.vidlog.app.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.text.ParseException;
import java.util.Optional;

/**
 * Answers a request without a valid bearer token: 401 with an RFC 6750 {@code WWW-Authenticate} challenge and a
 * problem that says what is wrong with the token.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String MISSING_TOKEN =
            "This request needs a bearer token: send the header Authorization: Bearer <token>";
    static final String EXPIRED = "The bearer token has expired";
    static final String BAD_SIGNATURE = "The bearer token's signature is not valid";
    static final String MALFORMED = "The bearer token is malformed";
    static final String INVALID = "The bearer token is not valid";

    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String detail;
        if (failure instanceof OAuth2AuthenticationException rejected) {
            detail = tokenProblem(rejected);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"invalid_token\", error_description=\"" + detail + "\"");
        } else {
            // RFC 6750 §3.1: a request that carried no token at all gets the bare challenge, without an error code.
            detail = MISSING_TOKEN;
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail));
    }

    /** The decoder's messages are long and technical; its causes say which of the usual mistakes it was. */
    private static String tokenProblem(OAuth2AuthenticationException failure) {
        Optional<String> known = usualMistake(failure.getCause());
        if (known.isPresent()) {
            return known.get();
        }
        // Without a cause the token never reached the decoder: the header itself was wrong, and said so briefly.
        String description = failure.getError().getDescription();
        return failure.getCause() == null && description != null ? description : INVALID;
    }

    /** What is wrong with a token the decoder rejected, as this entry point's problems say it. */
    static String tokenProblem(JwtException rejected) {
        return usualMistake(rejected).orElse(INVALID);
    }

    private static Optional<String> usualMistake(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid && invalid.getErrors().stream()
                    .map(OAuth2Error::getDescription).anyMatch(ProblemAuthenticationEntryPoint::saysExpired)) {
                return Optional.of(EXPIRED);
            }
            if (cause instanceof BadJWSException) {
                return Optional.of(BAD_SIGNATURE);
            }
            if (cause instanceof ParseException) {
                return Optional.of(MALFORMED);
            }
        }
        return Optional.empty();
    }

    /** Spring Security's JwtTimestampValidator reports "Jwt expired at …"; it has no error code of its own. */
    private static boolean saysExpired(String description) {
        return description != null && description.contains("expired");
    }
}
