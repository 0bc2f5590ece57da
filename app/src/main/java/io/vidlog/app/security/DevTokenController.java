package io.vidlog.app.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Hands out tokens for any user and roles, for development, demos, benchmarks and tests. Profile {@code local}
 * only: anyone who can reach it can act as anyone.
 */
@Profile("local")
@RestController
@RequestMapping("/api/v1/dev/tokens")
public class DevTokenController {

    public record DevTokenRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]*",
                    message = "may contain only letters, digits and . _ @ -") String userId,
            @NotEmpty Set<@NotNull Role> roles) {
    }

    public record DevToken(String token, Instant expiresAt) {
    }

    private final JwtEncoder encoder;
    private final Duration ttl;

    DevTokenController(JwtProperties jwt) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(jwt.hmacKey()));
        this.ttl = jwt.devTokenTtl();
    }

    @PostMapping
    public DevToken issue(@Valid @RequestBody DevTokenRequest request) {
        Instant issuedAt = Instant.now();
        Instant expiresAt = issuedAt.plus(ttl);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(request.userId())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim(Role.CLAIM, request.roles().stream().sorted().map(Role::name).toList())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new DevToken(token, expiresAt);
    }
}
