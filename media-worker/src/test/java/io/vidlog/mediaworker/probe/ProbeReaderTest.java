package io.vidlog.mediaworker.probe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbeReaderTest {

    private final ProbeReader reader = new ProbeReader();

    @Test
    void readsSizeDurationAndSoundOfAHorizontalVideo() throws Exception {
        assertThat(reader.read(resource("horizontal-with-audio.json")))
                .isEqualTo(new SourceVideo(1920, 1080, 6.016, true));
    }

    @Test
    void aVerticalVideoWithoutSoundKeepsItsOrientation() throws Exception {
        assertThat(reader.read(resource("vertical-without-audio.json")))
                .isEqualTo(new SourceVideo(1080, 1920, 5.0, false));
    }

    @Test
    void aPhoneVideoRecordedSidewaysIsPlannedOnItsDisplayedSize() throws Exception {
        SourceVideo video = reader.read(resource("phone-rotated.json"));

        assertThat(video.width()).isEqualTo(1080);
        assertThat(video.height()).isEqualTo(1920);
    }

    @Test
    void aTextFileIsNotAVideo() {
        assertThatThrownBy(() -> reader.read(resource("notes.txt"))).isInstanceOf(NotAVideoException.class);
    }

    @Test
    void whatFfprobePrintsForAFileItCannotReadIsNotAVideo() {
        assertThatThrownBy(() -> reader.read("{\n\n}\n")).isInstanceOf(NotAVideoException.class)
                .hasMessage("no video stream");
    }

    @Test
    void aStillImageIsNotAVideo() {
        assertThatThrownBy(() -> reader.read(resource("still-image.json"))).isInstanceOf(NotAVideoException.class);
    }

    @Test
    void aSongWithCoverArtIsNotAVideo() {
        assertThatThrownBy(() -> reader.read(resource("song-with-cover.json")))
                .isInstanceOf(NotAVideoException.class)
                .hasMessage("no video stream");
    }

    @Test
    void aVideoStreamWithoutDurationIsNotAVideo() {
        String json = """
                {"streams": [{"codec_type": "video", "width": 640, "height": 360}],
                 "format": {"format_name": "matroska,webm", "duration": "N/A"}}
                """;

        assertThatThrownBy(() -> reader.read(json)).isInstanceOf(NotAVideoException.class).hasMessage("no duration");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ProbeReaderTest.class.getResourceAsStream("/probe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
