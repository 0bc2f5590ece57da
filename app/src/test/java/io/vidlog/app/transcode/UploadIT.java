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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The upload endpoints' rules: who may upload what, how big, and that repeating or aborting is harmless. */
@VidlogIntegrationTest
class UploadIT {

    @LocalServerPort
    int port;
    @Value("${vidlog.jwt.secret}")
    String secret;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    private ApiClient api;
    private Uploads uploads;
    private Sagas sagas;
    private Tokens tokens;
    private String creator;
    private String videoId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        uploads = new Uploads(api);
        tokens = new Tokens(secret);
        String run = UUID.randomUUID().toString().substring(0, 8);
        creator = tokens.valid("creator-" + run, "USER", "CREATOR");
        sagas = new Sagas(api, creator, tokens.valid("admin-" + run, "USER", "ADMIN"), jdbc);
        videoId = uploads.createVideo(creator, "Upload rules", "HORIZONTAL");
    }

    private ApiClient.Response startUpload(String token, String contentType, long sizeBytes) {
        return api.send("POST", "/api/v1/videos/" + videoId + "/upload", token, """
                {"fileName":"clip.mp4","contentType":"%s","sizeBytes":%d}""".formatted(contentType, sizeBytes));
    }

    @Test
    void thePlanHasEightMebibytePartsWhoseUrlsExpireInAnHour() {
        ApiClient.Response started = startUpload(creator, "video/mp4", 20L * 1024 * 1024);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode plan = started.json();
        assertThat(plan.path("partSize").asLong()).isEqualTo(8L * 1024 * 1024);
        assertThat(plan.path("parts")).hasSize(3);
        assertThat(plan.path("parts").get(2).path("url").asText()).contains("partNumber=3").contains("X-Amz-Expires=3600");
        assertThat(Instant.parse(plan.path("expiresAt").asText()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(Duration.ofMinutes(1)));
    }

    @Test
    void tooLargeFilesAndOtherContentTypesAreRefused() {
        startUpload(creator, "video/mp4", 30L * 1024 * 1024 * 1024).assertProblem(413);
        startUpload(creator, "text/plain", 1000).assertProblem(400);
        startUpload(creator, "video/mp4", 0).assertProblem(400);
        api.send("POST", "/api/v1/videos/" + videoId + "/upload", creator, "{\"fileName\":\"clip.mp4\"}")
                .assertProblem(400);
    }

    @Test
    void onlyTheOwnerUploadsAndOnlyCreatorsAtAll() {
        startUpload(tokens.valid("another-creator", "USER", "CREATOR"), "video/mp4", 1000).assertProblem(403);
        startUpload(tokens.valid("a-viewer", "USER"), "video/mp4", 1000).assertProblem(403);
        startUpload(null, "video/mp4", 1000).assertProblem(401);
        api.send("POST", "/api/v1/videos/" + UUID.randomUUID() + "/upload", creator,
                "{\"fileName\":\"clip.mp4\",\"contentType\":\"video/mp4\",\"sizeBytes\":1000}").assertProblem(404);
    }

    @Test
    void completingTwiceIsHarmlessAndAnUnknownUploadIsAConflict() throws Exception {
        Path file = Files.write(dir.resolve("bytes.mp4"), new byte[300_000]);
        JsonNode plan = uploads.start(creator, videoId, file, "video/mp4");
        List<String> parts = uploads.putParts(plan, file);

        assertThat(uploads.complete(creator, videoId, plan, parts).status()).isEqualTo(202);
        assertThat(uploads.complete(creator, videoId, plan, parts).status()).isEqualTo(202);
        assertThat(sagas.storedEvents(videoId, "VideoUploadedEvent")).isEqualTo(1);

        api.send("POST", "/api/v1/videos/" + videoId + "/upload/complete", creator,
                "{\"uploadId\":\"no-such-upload\",\"parts\":[{\"partNumber\":1,\"etag\":\"x\"}]}").assertProblem(409);
        startUpload(creator, "video/mp4", 1000).assertProblem(409);
    }

    @Test
    void partsThatWereNotUploadedAreRefusedAndAbortingMakesADraftAgain() {
        JsonNode plan = startUpload(creator, "video/mp4", 1000).json();
        uploads.complete(creator, videoId, plan, List.of("{\"partNumber\":1,\"etag\":\"\\\"not-an-etag\\\"\"}"))
                .assertProblem(400);

        assertThat(api.send("DELETE", "/api/v1/videos/" + videoId + "/upload", creator, null).status()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/videos/" + videoId + "/upload", creator, null).status()).isEqualTo(204);
        sagas.awaitStatus(videoId, "DRAFT");
        assertThat(sagas.storedEvents(videoId, "VideoUploadAbortedEvent")).isEqualTo(1);
    }
}
