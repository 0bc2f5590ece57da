package io.vidlog.app.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import io.vidlog.app.ApiClient;
import io.vidlog.app.Tokens;
import io.vidlog.app.VidlogIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Upload to publish on the real stack: clips made by ffmpeg go through presigned part URLs into S3, the saga sends
 * the request over Kafka, the media worker runs ffmpeg and writes HLS to S3, and ffprobe plays the signed URL.
 */
@VidlogIntegrationTest
class TranscodingIT {

    @LocalServerPort
    int port;
    @Value("${vidlog.jwt.secret}")
    String secret;
    @Value("${vidlog.ffmpeg.path}")
    String ffmpeg;
    @Value("${vidlog.ffprobe.path}")
    String ffprobe;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    private ApiClient api;
    private Sagas sagas;
    private Uploads uploads;
    private Clips clips;
    private String creator;
    private String viewer;
    private String admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        uploads = new Uploads(api);
        clips = new Clips(ffmpeg, ffprobe, dir);
        Tokens tokens = new Tokens(secret);
        String run = UUID.randomUUID().toString().substring(0, 8);
        creator = tokens.valid("creator-" + run, "USER", "CREATOR");
        viewer = tokens.valid("viewer-" + run, "USER");
        admin = tokens.valid("admin-" + run, "USER", "ADMIN");
        sagas = new Sagas(api, creator, admin, jdbc);
    }

    @Test
    void aHorizontalClipWithAudioAndAVerticalOneWithoutBecomePlayableLadders() {
        Path horizontal = clips.clip("horizontal", 1920, 1080, 6, true);
        Path vertical = clips.clip("vertical", 1080, 1920, 5, false);

        String horizontalId = uploads.upload(creator, "Horizontal with audio", "HORIZONTAL", horizontal, "video/mp4");
        String verticalId = uploads.upload(creator, "Vertical without audio", "VERTICAL", vertical, "video/mp4");

        assertPlayableLadder(horizontalId, 6, List.of("640x360", "1280x720", "1920x1080"));
        assertPlayableLadder(verticalId, 5, List.of("360x640", "720x1280", "1080x1920"));
        assertThat(sagas.storedEvents(horizontalId, "VideoPublishedEvent")).isEqualTo(1);
    }

    private void assertPlayableLadder(String videoId, int durationSeconds, List<String> sizes) {
        JsonNode video = sagas.awaitStatus(videoId, "READY");
        assertThat(video.path("durationSeconds").asInt()).isEqualTo(durationSeconds);

        ApiClient.Response play = api.send("GET", "/api/v1/videos/" + videoId + "/play", viewer, null);
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        String manifestUrl = play.json().path("manifestUrl").asText();
        JsonNode probed = clips.probe(manifestUrl);
        List<String> videoSizes = new ArrayList<>();
        int audioStreams = 0;
        for (JsonNode stream : probed.path("streams")) {
            if (stream.path("codec_type").asText().equals("video")) {
                videoSizes.add(stream.path("width").asInt() + "x" + stream.path("height").asInt());
            } else if (stream.path("codec_type").asText().equals("audio")) {
                audioStreams++;
            }
        }
        assertThat(videoSizes).containsExactlyInAnyOrderElementsOf(sizes);
        assertThat(audioStreams).as("every rendition has a sound track").isEqualTo(sizes.size());
        assertThat(probed.path("format").path("duration").asDouble()).isCloseTo(durationSeconds,
                org.assertj.core.data.Offset.offset(0.6));
    }

    @Test
    void theSignedUrlIsForAuthenticatedViewersAndCannotBeForged() {
        String videoId = uploads.upload(creator, "Signed", "HORIZONTAL", clips.clip("signed", 640, 360, 3, true),
                "video/mp4");
        sagas.awaitStatus(videoId, "READY");

        api.send("GET", "/api/v1/videos/" + videoId + "/play", null, null).assertProblem(401);
        String manifestUrl = api.send("GET", "/api/v1/videos/" + videoId + "/play", viewer, null).json()
                .path("manifestUrl").asText();
        String path = manifestUrl.substring(manifestUrl.indexOf("/api/"));
        assertThat(api.send("GET", path, null, null).status()).isEqualTo(200);

        String[] parts = path.split("/");
        String forgedExpiry = path.replace("/" + parts[6] + "/", "/" + (Long.parseLong(parts[6]) + 3600) + "/");
        api.send("GET", forgedExpiry, null, null).assertProblem(403);
        String otherLadder = path.replace(parts[5], UUID.randomUUID().toString());
        api.send("GET", otherLadder, null, null).assertProblem(403);
    }

    @Test
    void aTextFileRenamedMp4FailsAsNotAVideoWithoutRetry() {
        String videoId = uploads.upload(creator, "Not a video", "HORIZONTAL", clips.textFile("shopping-list"),
                "video/mp4");

        sagas.awaitStatus(videoId, "FAILED");
        JsonNode saga = sagas.timeline(videoId);
        assertThat(saga.path("run").path("status").asText()).isEqualTo("FAILED");
        assertThat(saga.path("run").path("lastError").asText()).isEqualTo("not a video");
        assertThat(saga.path("run").path("attempt").asInt()).isEqualTo(1);
        assertThat(Sagas.steps(saga)).containsExactly("UPLOADED", "REQUESTED", "FAILED", "GAVE_UP");

        JsonNode failedList = api.send("GET", "/api/v1/admin/sagas?status=failed&videoId=" + videoId, admin, null)
                .json();
        assertThat(failedList).hasSize(1);
        assertThat(failedList.get(0).path("lastError").asText()).isEqualTo("not a video");
    }

    @Test
    void anFfmpegCrashIsRetriedAndTheThirdOneFailsTheVideoWithItsReason() {
        String videoId = uploads.upload(creator, "Crashing", "HORIZONTAL", clips.clip("crashing", 1280, 720, 20, true),
                "video/mp4");

        List<String> killed = new ArrayList<>();
        await().atMost(Sagas.TRANSCODE_TIME).pollInterval(Duration.ofMillis(50)).until(() -> {
            sagas.currentAttempt(videoId).filter(attempt -> !killed.contains(attempt))
                    .filter(attempt -> FfmpegProcesses.kill(attempt, false))
                    .ifPresent(killed::add);
            return killed.size() == 3;
        });

        sagas.awaitStatus(videoId, "FAILED");
        JsonNode saga = sagas.timeline(videoId);
        assertThat(saga.path("run").path("attempt").asInt()).isEqualTo(3);
        assertThat(saga.path("run").path("lastError").asText()).startsWith("ffmpeg");
        assertThat(Sagas.steps(saga)).containsExactly("UPLOADED", "REQUESTED", "FAILED", "REQUESTED", "FAILED",
                "REQUESTED", "FAILED", "GAVE_UP");
        assertThat(sagas.storedEvents(videoId, "VideoPublishedEvent")).isZero();
    }

    @Test
    void aStuckAttemptHitsItsDeadlineAndTheNextAttemptPublishes() {
        String videoId = uploads.upload(creator, "Stuck", "HORIZONTAL", clips.clip("stuck", 1280, 720, 20, true),
                "video/mp4");

        String[] stuck = new String[1];
        await().atMost(Sagas.TRANSCODE_TIME).pollInterval(Duration.ofMillis(50)).until(() -> {
            stuck[0] = sagas.currentAttempt(videoId).filter(attempt -> FfmpegProcesses.kill(attempt, true)).orElse(null);
            return stuck[0] != null;
        });

        sagas.awaitStatus(videoId, "READY");
        JsonNode saga = sagas.timeline(videoId);
        assertThat(saga.path("run").path("attempt").asInt()).isEqualTo(2);
        JsonNode failure = StreamSupport.stream(saga.path("steps").spliterator(), false)
                .filter(step -> step.path("step").asText().equals("FAILED")).findFirst().orElseThrow();
        assertThat(failure.path("attemptId").asText()).isEqualTo(stuck[0]);
        assertThat(failure.path("detail").asText()).contains("deadline");
        assertThat(sagas.storedEvents(videoId, "VideoPublishedEvent")).isEqualTo(1);
    }
}
