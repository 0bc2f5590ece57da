package io.vidlog.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final VerifiedTokenCacheProperties SETTINGS =
            new VerifiedTokenCacheProperties(true, 100, Duration.ofMinutes(10));

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    /** Accepts tokens "valid-N" (expiring N seconds from NOW, none for N = 0) and refuses all others. */
    private final JwtDecoder decoder = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("valid-")) {
            throw new BadJwtException("bad signature");
        }
        long seconds = Long.parseLong(token.substring("valid-".length()));
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "HS256").subject("u1").issuedAt(NOW);
        return (seconds == 0 ? jwt : jwt.expiresAt(NOW.plusSeconds(seconds))).build();
    };
    private final VerifiedTokenCache cache = new VerifiedTokenCache(decoder, SETTINGS,
            Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        Jwt first = cache.decode("valid-60");
        elapse(Duration.ofSeconds(59));
        assertThat(cache.decode("valid-60")).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenIsVerifiedAgainOnceItExpired() {
        cache.decode("valid-60");
        elapse(Duration.ofSeconds(61));
        cache.decode("valid-60");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenIsKeptNoLongerThanTheMaximumAge() {
        cache.decode("valid-86400");
        cache.decode("valid-0");
        elapse(Duration.ofMinutes(10).plusSeconds(1));
        cache.decode("valid-86400");
        cache.decode("valid-0");
        assertThat(verifications).hasValue(4);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("forged"));
        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("forged"));
        assertThat(verifications).hasValue(2);
    }

    private void elapse(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
