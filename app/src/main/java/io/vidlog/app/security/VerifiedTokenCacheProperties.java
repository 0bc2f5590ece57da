package io.vidlog.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code vidlog.jwt.verified-cache.*}: the tokens kept after their verification ({@link VerifiedTokenCache}).
 *
 * @param enabled    whether verified tokens are kept at all; off, every request verifies its token
 * @param maxEntries how many tokens are kept, the least recently used going first
 * @param maxAge     the longest a token is kept, however long it stays valid
 */
@ConfigurationProperties("vidlog.jwt.verified-cache")
public record VerifiedTokenCacheProperties(@DefaultValue("true") boolean enabled,
                                           @DefaultValue("10000") long maxEntries,
                                           @DefaultValue("10m") Duration maxAge) {

    public VerifiedTokenCacheProperties {
        if (maxEntries < 1 || maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("vidlog.jwt.verified-cache needs max-entries ≥ 1 and a positive max-age");
        }
    }
}
