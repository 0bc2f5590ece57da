package io.vidlog.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens as Vidlog's HS256 issuer signs them (claims {@code sub}, {@code roles}, {@code iat}, {@code exp}),
 * minted here for thousands of users rather than one by one through the dev endpoint.
 */
public final class Hs256Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final Mac mac;

    public Hs256Tokens(String secret) throws GeneralSecurityException {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    public String sign(String userId, List<String> roles, Duration validFor) throws Exception {
        Instant now = Instant.now();
        byte[] claims = JSON.writeValueAsBytes(Map.of("sub", userId, "roles", roles,
                "iat", now.getEpochSecond(), "exp", now.plus(validFor).getEpochSecond()));
        String signingInput = HEADER + "." + BASE64URL.encodeToString(claims);
        byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature);
    }
}
