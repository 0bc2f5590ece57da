package io.vidlog.app.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.Principal;
import java.time.Duration;

/**
 * Token buckets (Bucket4j) per authenticated user and, for callers without a token, per client address. Runs
 * after Spring Security, so the user is known. The address is {@link HttpServletRequest#getRemoteAddr()}: behind a
 * proxy or load balancer set {@code server.forward-headers-strategy}, or every caller shares the proxy's bucket.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private static final Duration PERIOD = Duration.ofMinutes(1);
    private static final double NANOS_PER_SECOND = 1e9;

    private final RateLimitProperties limits;
    private final ProblemResponses problems;
    /**
     * A bucket left alone for one period has refilled completely, so dropping it then loses nothing: the next
     * request starts a full one.
     */
    private final Cache<String, Bucket> buckets;

    RateLimitFilter(RateLimitProperties limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(limits.maxTrackedClients())
                .expireAfterAccess(PERIOD)
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal user = request.getUserPrincipal();
        long perMinute = user == null ? limits.anonymousPerMinute() : limits.userPerMinute();
        // Prefixed so that a user id can never share a bucket with an address.
        String client = user == null ? "address:" + request.getRemoteAddr() : "user:" + user.getName();
        ConsumptionProbe probe = buckets.get(client, key -> bucket(perMinute)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long retryAfterSeconds = Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / NANOS_PER_SECOND));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        response.setHeader(REMAINING_HEADER, "0");
        problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Rate limit of %d requests per minute exceeded; retry after %d seconds"
                        .formatted(perMinute, retryAfterSeconds)));
    }

    private static Bucket bucket(long perMinute) {
        return Bucket.builder().addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, PERIOD)).build();
    }
}
