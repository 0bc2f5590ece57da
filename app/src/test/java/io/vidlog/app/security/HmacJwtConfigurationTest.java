package io.vidlog.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

class HmacJwtConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JwtProperties.class)
    static class WithJwtProperties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(WithJwtProperties.class, HmacJwtConfiguration.class);

    @Test
    void withoutAnExternalIssuerTokensAreVerifiedWithTheSecret() {
        context.withPropertyValues("vidlog.jwt.secret=" + "s".repeat(32))
                .run(app -> assertThat(app).hasSingleBean(JwtDecoder.class));
    }

    @Test
    void withoutAnExternalIssuerAShortSecretStopsTheStartWithAClearMessage() {
        context.withPropertyValues("vidlog.jwt.secret=too-short")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("vidlog.jwt.secret (environment variable VIDLOG_JWT_SECRET) must be"));
    }

    @Test
    void anExternalIssuerNeedsNoSecret() {
        for (String issuer : new String[] {"jwk-set-uri=https://issuer.example/jwks",
                "issuer-uri=https://issuer.example", "public-key-location=classpath:issuer.pub"}) {
            context.withPropertyValues("spring.security.oauth2.resourceserver.jwt." + issuer)
                    .run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(JwtDecoder.class));
        }
    }
}
