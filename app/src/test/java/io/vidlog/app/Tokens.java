package io.vidlog.app;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.vidlog.app.security.Role;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * HS256 tokens as an issuer holding {@code secret} would sign them, valid or long expired. Tests that need hundreds
 * of users mint them here rather than through the rate-limited dev endpoint.
 */
public final class Tokens {

    private final JwtEncoder encoder;

    public Tokens(String secret) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(secret.getBytes(StandardCharsets.UTF_8)));
    }

    public String valid(String userId, String... roles) {
        Instant now = Instant.now();
        return sign(userId, now, now.plus(Duration.ofHours(1)), roles);
    }

    /** Expired an hour ago, well beyond the decoder's allowance for clock skew. */
    public String expired(String userId, String... roles) {
        Instant now = Instant.now();
        return sign(userId, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), roles);
    }

    private String sign(String userId, Instant issuedAt, Instant expiresAt, String... roles) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(userId)
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim(Role.CLAIM, List.of(roles))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
