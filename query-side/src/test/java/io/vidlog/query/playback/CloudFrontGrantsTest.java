package io.vidlog.query.playback;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** CloudFront signed cookies as the AWS SDK makes them, checked against the key pair's public half. */
class CloudFrontGrantsTest {

    @Test
    void theCookiesOpenTheLaddersFolderUntilItExpiresAndAreSignedWithTheKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        CloudFrontGrants grants = new CloudFrontGrants(new PlaybackSettings.CloudFront("media.example.com",
                "K2JCJMDEHXQW5F", null, ".example.com"), keys.getPrivate());
        Instant expiresAt = Instant.now().plusSeconds(3600);

        PlaybackGrants.Grant grant = grants.grant(new HlsLadder("video-1", "attempt-1"), expiresAt);

        assertThat(grant.manifestUrl()).isEqualTo("https://media.example.com/videos/video-1/hls/attempt-1/master.m3u8");
        assertThat(grant.cookies()).hasSize(3).allSatisfy(cookie -> assertThat(cookie)
                .contains("; Path=/videos/video-1/hls/attempt-1/; Domain=.example.com; Secure; HttpOnly"));
        Map<String, String> values = grant.cookies().stream().map(cookie -> cookie.split(";", 2)[0].split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        assertThat(values.get("CloudFront-Key-Pair-Id")).isEqualTo("K2JCJMDEHXQW5F");
        String policy = new String(cloudFrontDecode(values.get("CloudFront-Policy")), StandardCharsets.UTF_8);
        assertThat(policy).contains("https://media.example.com/videos/video-1/hls/attempt-1/*")
                .contains(Long.toString(expiresAt.getEpochSecond()));

        Signature rsa = Signature.getInstance("SHA1withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update(policy.getBytes(StandardCharsets.UTF_8));
        assertThat(rsa.verify(cloudFrontDecode(values.get("CloudFront-Signature")))).isTrue();
        assertThat(List.copyOf(values.keySet())).containsExactlyInAnyOrder("CloudFront-Policy",
                "CloudFront-Signature", "CloudFront-Key-Pair-Id");
    }

    /** CloudFront's URL-safe Base64: '-' for '+', '_' for '=', '~' for '/'. */
    private static byte[] cloudFrontDecode(String value) {
        return Base64.getDecoder().decode(value.replace('-', '+').replace('_', '=').replace('~', '/'));
    }
}
