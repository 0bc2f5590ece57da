package io.vidlog.app.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JwtPropertiesTest {

    @Test
    void aMissingSecretFailsWithAMessageThatSaysWhatToSet() {
        assertThatIllegalStateException().isThrownBy(() -> new JwtProperties(null, Duration.ofHours(1)).hmacKey())
                .withMessageContaining("vidlog.jwt.secret")
                .withMessageContaining("VIDLOG_JWT_SECRET")
                .withMessageContaining("at least 32 bytes")
                .withMessageContaining("has 0");
    }

    @Test
    void aSecretShorterThan256BitsIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new JwtProperties("x".repeat(31), Duration.ofHours(1)).hmacKey())
                .withMessageContaining("has 31");
    }

    @Test
    void aSecretOf32BytesIsAnHmacSha256Key() {
        assertThat(new JwtProperties("x".repeat(32), Duration.ofHours(1)).hmacKey().getAlgorithm())
                .isEqualTo("HmacSHA256");
    }
}
