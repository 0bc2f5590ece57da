package io.vidlog.query.playback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Signed playback URLs ({@code vidlog.playback.*}).
 *
 * @param signingKey HMAC key of the signed HLS URLs, at least 32 bytes; the same on every node. Profile {@code local}
 *                   sets a development key; elsewhere it comes from {@code VIDLOG_PLAYBACK_SIGNING_KEY}
 * @param urlTtl     how long a playback URL (and everything an HLS player reads through it) stays valid
 */
@ConfigurationProperties("vidlog.playback")
public record PlaybackSettings(String signingKey, @DefaultValue("1h") Duration urlTtl) {

    private static final int MIN_KEY_BYTES = 32;

    public PlaybackSettings {
        if (signingKey == null || signingKey.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("vidlog.playback.signing-key (VIDLOG_PLAYBACK_SIGNING_KEY) must be set "
                    + "to at least " + MIN_KEY_BYTES + " bytes");
        }
        if (urlTtl.isNegative() || urlTtl.isZero()) {
            throw new IllegalArgumentException("vidlog.playback.url-ttl must be positive");
        }
    }
}
