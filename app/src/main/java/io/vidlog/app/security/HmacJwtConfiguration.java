package io.vidlog.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies HS256 tokens signed with {@code vidlog.jwt.secret} when no external issuer is configured. With one,
 * Spring Boot's resource server auto-configuration builds the decoder from the JWK set or issuer instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(HmacJwtConfiguration.NoExternalIssuer.class)
class HmacJwtConfiguration {

    @Bean
    JwtDecoder hmacJwtDecoder(JwtProperties jwt) {
        return NimbusJwtDecoder.withSecretKey(jwt.hmacKey()).macAlgorithm(MacAlgorithm.HS256).build();
    }

    /** None of the properties from which Spring Boot would build a decoder is set. */
    static class NoExternalIssuer extends NoneNestedConditions {

        private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

        NoExternalIssuer() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(JWT + "jwk-set-uri")
        static class JwkSetUri {
        }

        @ConditionalOnProperty(JWT + "issuer-uri")
        static class IssuerUri {
        }

        @ConditionalOnProperty(JWT + "public-key-location")
        static class PublicKeyLocation {
        }
    }
}
