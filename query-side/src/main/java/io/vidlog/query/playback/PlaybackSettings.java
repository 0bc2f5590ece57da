package io.vidlog.query.playback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Signed playback ({@code vidlog.playback.*}).
 *
 * @param signingKey HMAC key of the signed HLS URLs served by the application, at least 32 bytes; the same on every
 *                   node. Profile {@code local} sets a development key; elsewhere it comes from
 *                   {@code VIDLOG_PLAYBACK_SIGNING_KEY}
 * @param urlTtl     how long a playback grant (and everything an HLS player reads through it) stays valid
 * @param cloudFront when its {@code domain} is set, players read from CloudFront with signed cookies instead
 */
@ConfigurationProperties("vidlog.playback")
public record PlaybackSettings(String signingKey, @DefaultValue("1h") Duration urlTtl,
                               @DefaultValue CloudFront cloudFront) {

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

    /**
     * CloudFront in front of the media bucket ({@code vidlog.playback.cloud-front.*}).
     *
     * @param domain         the distribution's domain, e.g. {@code media.example.com}; empty: no CloudFront
     * @param keyPairId      the id of the public key in the distribution's trusted key group
     * @param privateKeyFile the matching RSA private key (PEM)
     * @param cookieDomain   the domain the signed cookies are set for, shared by the API and the CDN, e.g.
     *                       {@code .example.com}
     */
    public record CloudFront(String domain, String keyPairId, Path privateKeyFile, String cookieDomain) {

        public boolean enabled() {
            return domain != null && !domain.isBlank();
        }
    }
}
