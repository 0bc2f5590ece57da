package io.vidlog.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link JwtDecoder} that remembers the tokens it has verified, each until it expires. A client sends the same token
 * with every request for its lifetime, and verifying it again (signature, JSON, claims) was a tenth of the CPU of a
 * command (docs/benchmarks.md). The key is the whole token, signature included: only the very string that passed
 * verification is let through, and a token that fails is never kept, so it fails every time.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder decoder, VerifiedTokenCacheProperties settings) {
        this(decoder, settings, Clock.systemUTC(), Ticker.systemTicker());
    }

    VerifiedTokenCache(JwtDecoder decoder, VerifiedTokenCacheProperties settings, Clock clock, Ticker ticker) {
        this.decoder = decoder;
        this.verified = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> keepFor(jwt, settings.maxAge(), clock)))
                .ticker(ticker)
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    /** No longer than the token is valid, nor than {@code maxAge}. */
    private static Duration keepFor(Jwt jwt, Duration maxAge, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return maxAge;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : (left.compareTo(maxAge) < 0 ? left : maxAge);
    }
}
