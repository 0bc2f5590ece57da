package io.vidlog.query.playback;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PlaybackSignerTest {

    private static final PlaybackSettings SETTINGS = new PlaybackSettings(
            "a-test-key-that-is-at-least-32-bytes-long", Duration.ofHours(1), new PlaybackSettings.CloudFront(null,
            null, null, null));
    private final PlaybackSigner signer = new PlaybackSigner(SETTINGS);
    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final long expires = now.plusSeconds(3600).getEpochSecond();

    @Test
    void aGrantItSignedIsValidUntilItExpires() {
        String signature = signer.sign("video-1", "attempt-1", expires);
        assertThat(signer.isValid("video-1", "attempt-1", expires, signature, now)).isTrue();
        assertThat(signer.isValid("video-1", "attempt-1", expires, signature, Instant.ofEpochSecond(expires)))
                .isFalse();
    }

    @Test
    void aLongerExpiryAnotherLadderOrAnotherKeyDoNotMatchTheSignature() {
        String signature = signer.sign("video-1", "attempt-1", expires);
        assertThat(signer.isValid("video-1", "attempt-1", expires + 3600, signature, now)).isFalse();
        assertThat(signer.isValid("video-1", "attempt-2", expires, signature, now)).isFalse();
        assertThat(signer.isValid("video-2", "attempt-1", expires, signature, now)).isFalse();
        PlaybackSigner otherNode = new PlaybackSigner(new PlaybackSettings("another-key-that-is-also-32-bytes-long!",
                Duration.ofHours(1), SETTINGS.cloudFront()));
        assertThat(otherNode.isValid("video-1", "attempt-1", expires, signature, now)).isFalse();
    }

    @Test
    void onlyFilesBelowTheLadderAreReachable() {
        HlsLadder ladder = HlsLadder.ofManifestKey("videos/video-1/hls/attempt-1/master.m3u8").orElseThrow();
        assertThat(ladder.keyOf("/720p/index.m3u8")).hasValue("videos/video-1/hls/attempt-1/720p/index.m3u8");
        assertThat(ladder.keyOf("/720p/segment_003.ts")).isPresent();
        assertThat(ladder.keyOf("/../source")).isEmpty();
        assertThat(ladder.keyOf("/720p/../../../source")).isEmpty();
        assertThat(ladder.keyOf("/.hidden")).isEmpty();
        assertThat(HlsLadder.ofManifestKey("videos/video-1/source")).isEmpty();
    }
}
