package io.vidlog.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BearerHeaderTest {

    private static final String ALPHABET = "Bb earRE0129azAZ-._~+/=\t:ı\u017f한";

    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();
    private final BearerTokenResolver ours = new BearerHeader();

    @Test
    void readsWhatSpringsResolverReadsAndRejectsWhatItRejects() {
        Stream.of(null, "", "Basic dXNlcjpwYXNz", "bearer", "Bearer", "Bearer ", "Bearer  abc", "BEARER abc",
                        "bEaReR a.b-c_d~e+f/g==", "Bearer abc=", "Bearer ==", "Bearer a=b", "Bearer a b",
                        "Bearer abc\n", "Bearerabc", "Bearer\tabc", "Bearer 한국", "Bearerı abc", "Token abc",
                        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl")
                .forEach(this::assertSameOutcome);
    }

    @Test
    void agreesWithSpringsResolverOnRandomHeaders() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder header = new StringBuilder(random.nextInt(4) == 0 ? "" : "Bearer ");
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                header.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertSameOutcome(header.toString());
        }
    }

    private void assertSameOutcome(String header) {
        assertThat(outcome(ours, header)).as("Authorization: %s", header).isEqualTo(outcome(spring, header));
    }

    private static String outcome(BearerTokenResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/v1/videos/v/reaction");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
