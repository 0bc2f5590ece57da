package io.vidlog.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JwtRolesTest {

    private final JwtAuthenticationConverter converter = new SecurityConfiguration().jwtAuthenticationConverter();

    @Test
    void theRolesClaimBecomesRoleAuthoritiesAndTheSubjectTheName() {
        AbstractAuthenticationToken user =
                converter.convert(token().claim("roles", List.of("USER", "CREATOR")).build());

        assertThat(user.getName()).isEqualTo("u1");
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_USER", "ROLE_CREATOR");
    }

    @Test
    void aTokenWithoutRolesGrantsNoAuthority() {
        AbstractAuthenticationToken user = converter.convert(token().build());

        assertThat(user.getName()).isEqualTo("u1");
        assertThat(user.getAuthorities()).isEmpty();
    }

    @Test
    void scopesAreNotMistakenForRoles() {
        AbstractAuthenticationToken user = converter.convert(token().claim("scope", "ADMIN").build());

        assertThat(user.getAuthorities()).isEmpty();
    }

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("token").header("alg", "HS256").subject("u1");
    }
}
