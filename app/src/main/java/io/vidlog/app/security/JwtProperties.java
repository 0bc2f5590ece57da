package io.vidlog.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code vidlog.jwt.*}: Vidlog's own HS256 tokens, used unless an external issuer is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} or {@code issuer-uri}).
 *
 * @param secret      the HMAC key (environment: {@code VIDLOG_JWT_SECRET}), at least 32 bytes
 * @param devTokenTtl how long a token from {@code POST /api/v1/dev/tokens} (profile {@code local}) stays valid
 */
@ConfigurationProperties("vidlog.jwt")
public record JwtProperties(String secret, @DefaultValue("1h") Duration devTokenTtl) {

    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits. */
    static final int MIN_SECRET_BYTES = 32;

    /**
     * The key, checked only here: with an external issuer the secret is not needed and may be absent.
     *
     * @throws IllegalStateException when the secret is missing or too short to be a safe HS256 key
     */
    SecretKey hmacKey() {
        byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(("vidlog.jwt.secret (environment variable VIDLOG_JWT_SECRET) must be at "
                    + "least %d bytes for HS256 tokens but has %d. Set it, for example to the output of "
                    + "`openssl rand -base64 48`, or configure an external token issuer with "
                    + "spring.security.oauth2.resourceserver.jwt.jwk-set-uri or issuer-uri.")
                    .formatted(MIN_SECRET_BYTES, key.length));
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
