package io.vidlog.query.playback;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs and checks playback grants: "this ladder of this video may be read until then". The grant travels in the URL
 * path, not in its query, so the relative URLs inside HLS playlists (variants, segments) carry it along unchanged.
 */
@Component
class PlaybackSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    PlaybackSigner(PlaybackSettings settings) {
        this.key = new SecretKeySpec(settings.signingKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String sign(String videoId, String ladderId, long expiresEpochSecond) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac().doFinal(grant(videoId, ladderId, expiresEpochSecond).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code signature} is this node's for the grant and the grant has not expired at {@code now}. */
    boolean isValid(String videoId, String ladderId, long expiresEpochSecond, String signature, Instant now) {
        byte[] expected = sign(videoId, ladderId, expiresEpochSecond).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))
                && now.getEpochSecond() < expiresEpochSecond;
    }

    private static String grant(String videoId, String ladderId, long expiresEpochSecond) {
        return videoId + '/' + ladderId + '/' + expiresEpochSecond;
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM offers no " + ALGORITHM, e);
        }
    }
}
