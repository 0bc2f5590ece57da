package io.vidlog.app.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidlog.app.ApiClient;
import io.vidlog.app.Tokens;
import io.vidlog.app.VidlogIntegrationTest;
import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.commitlog.BatchCommitLog;
import io.vidlog.projection.commitlog.CommitLogSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/v1/admin/videos/{id}/events} on the real stack: the event store, the processors, their record. */
@VidlogIntegrationTest
class EventTraceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Value("${vidlog.jwt.secret}")
    String secret;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private ApiClient api;
    private String admin;
    private String viewer;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        Tokens tokens = new Tokens(secret);
        String run = UUID.randomUUID().toString().substring(0, 8);
        admin = tokens.valid("trace-admin-" + run, "USER", "CREATOR", "ADMIN");
        viewer = tokens.valid("trace-viewer-" + run, "USER");
    }

    @Test
    void aVideosTraceHasItsOwnAndItsViewersEventsNewestFirstAndWhenEachProjectionAppliedThem() {
        String video = api.createReadyVideo(admin, "Traced", 60);
        String otherVideo = api.createReadyVideo(admin, "Not traced", 60);
        engage(video);
        engage(otherVideo);

        JsonNode trace = caughtUpTrace(video, 50);

        assertThat(types(trace)).containsExactly("WatchProgressRecordedEvent", "VideoViewStartedEvent",
                "VideoBookmarkedEvent", "VideoReactionChangedEvent", "VideoPublishedEvent", "VideoCreatedEvent");
        assertThat(trace.path("events").findValuesAsText("aggregateType")).containsExactly("WatchProgress",
                "WatchProgress", "Engagement", "Engagement", "Video", "Video");
        List<Long> indexes = trace.path("events").findValuesAsText("globalIndex").stream().map(Long::valueOf).toList();
        assertThat(indexes).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(trace.path("projections").findValuesAsText("name")).containsExactlyElementsOf(ProcessingGroups.ALL);
        assertThat(trace.path("projections").get(0).path("driftCheck").asBoolean()).as("video-metadata").isTrue();

        JsonNode bookmarked = event(trace, "VideoBookmarkedEvent");
        Instant happened = Instant.parse(bookmarked.path("timestamp").asText());
        for (String group : List.of(ProcessingGroups.VIDEO_METADATA, ProcessingGroups.RANKINGS,
                ProcessingGroups.TASTE_SCORES)) {
            JsonNode applied = applied(bookmarked, group);
            assertThat(applied.path("status").asText()).as(group).isEqualTo("applied");
            assertThat(Instant.parse(applied.path("appliedAt").asText())).as(group).isAfterOrEqualTo(happened);
            assertThat(applied.path("delayMillis").asLong()).as(group).isBetween(0L, 60_000L);
        }
        assertThat(applied(bookmarked, ProcessingGroups.TRANSCODE_STEPS).path("status").asText()).isEqualTo("skipped");
        assertThat(applied(event(trace, "VideoPublishedEvent"), ProcessingGroups.TRANSCODE_STEPS).path("status")
                .asText()).isEqualTo("applied");
    }

    @Test
    void aCommandsEventsCarryAxonsCorrelationAndTraceId() throws Exception {
        String video = api.createReadyVideo(admin, "Correlated", 60);

        List<String> metaData = jdbc.queryForList("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? order by sequence_number""", String.class, video);

        assertThat(metaData).isNotEmpty();
        for (String json : metaData) {
            JsonNode origin = JSON.readTree(json);
            assertThat(origin.path("correlationId").asText()).as(json).isNotBlank();
            assertThat(origin.path("traceId").asText()).as(json).isNotBlank();
        }
    }

    @Test
    void theLimitKeepsTheNewestEvents() {
        String video = api.createReadyVideo(admin, "Limited", 60);
        engage(video);

        JsonNode trace = caughtUpTrace(video, 2);

        assertThat(types(trace)).containsExactly("WatchProgressRecordedEvent", "VideoViewStartedEvent");
    }

    @Test
    void anUnknownVideoIsNotFoundAndABadLimitIsABadRequest() {
        String video = api.createReadyVideo(admin, "Bounds", 60);

        api.send("GET", "/api/v1/admin/videos/" + UUID.randomUUID() + "/events", admin, null).assertProblem(404);
        api.send("GET", "/api/v1/admin/videos/" + video + "/events?limit=0", admin, null).assertProblem(400);
        api.send("GET", "/api/v1/admin/videos/" + video + "/events?limit=501", admin, null).assertProblem(400);
        api.send("GET", "/api/v1/admin/videos/" + video + "/events?limit=many", admin, null).assertProblem(400);
        api.send("GET", "/api/v1/admin/videos/" + "v".repeat(65) + "/events", admin, null).assertProblem(400);
        api.send("GET", "/api/v1/admin/videos/" + video + "/events", viewer, null).assertProblem(403);
    }

    @Test
    void theOpenApiDescriptionHasTheTraceButNotTheDashboardsPages() {
        JsonNode paths = api.send("GET", "/v3/api-docs", null, null).json().path("paths");

        assertThat(paths.path("/api/v1/admin/videos/{videoId}/events").path("get").path("parameters")
                .findValuesAsText("name")).containsExactly("videoId", "limit");
        assertThat(paths.fieldNames()).toIterable().noneMatch(path -> path.startsWith("/dashboard"));
    }

    @Test
    void aReplayedProjectionShowsWhenTheReplayAppliedTheEvents() {
        String video = api.createReadyVideo(admin, "Replayed", 60);
        engage(video);
        caughtUpTrace(video, 50);
        Instant replayed = Instant.now();

        assertThat(api.send("POST", "/api/v1/admin/projections/rankings/replay", admin, null).status()).isEqualTo(202);

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            JsonNode created = event(caughtUpTrace(video, 50), "VideoCreatedEvent");
            JsonNode rankings = applied(created, ProcessingGroups.RANKINGS);
            assertThat(rankings.path("status").asText()).isEqualTo("applied");
            assertThat(Instant.parse(rankings.path("appliedAt").asText())).isAfter(replayed);
        });
    }

    /** Migration V2's index serves the trace's query: the expressions must match for PostgreSQL to use it. */
    @Test
    void theTraceReadsTheViewersEventsThroughTheIndexByVideo() {
        List<String> plan = transactions.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("explain " + EventTrace.NEWEST_EVENTS, String.class, "v", 50, "v", 50, 50);
        });

        assertThat(String.join("\n", plan)).contains("domain_event_entry_video_idx");
    }

    @Test
    void theRecordOfBatchesKeepsTheNewestWithinItsAgeAndCount() {
        String group = ProcessingGroups.RANKINGS;
        Instant now = Instant.now();
        record(group, -30, now.minus(Duration.ofDays(8)));
        record(group, -20, now.minus(Duration.ofDays(1)));
        record(group, -10, now.minus(Duration.ofDays(1)));
        int kept = jdbc.queryForObject("select count(*) from projection_batch_commit where processing_group = ?",
                Integer.class, group) - 2;

        new BatchCommitLog(jdbc, new CommitLogSettings(Duration.ofDays(7), kept)).prune();

        assertThat(jdbc.queryForList("select last_index from projection_batch_commit where processing_group = ? "
                + "and last_index < 0 order by last_index", Long.class, group)).containsExactly(-10L);
    }

    private void record(String group, long index, Instant committedAt) {
        jdbc.update("insert into projection_batch_commit (processing_group, first_index, last_index, committed_at) "
                + "values (?, ?, ?, ?)", group, index, index, Timestamp.from(committedAt));
    }

    /** A viewer likes, bookmarks and starts watching the video. */
    private void engage(String video) {
        String path = "/api/v1/videos/" + video;
        assertThat(api.send("PUT", path + "/reaction", viewer, "{\"type\":\"LIKE\"}").status()).isEqualTo(200);
        assertThat(api.send("PUT", path + "/bookmark", viewer, null).status()).isEqualTo(204);
        assertThat(api.send("POST", path + "/progress", viewer, "{\"positionSeconds\":5,\"sequence\":1}").status())
                .isEqualTo(202);
    }

    /** The trace once no projection has any of its events still to apply. */
    private JsonNode caughtUpTrace(String video, int limit) {
        JsonNode[] trace = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ApiClient.Response answer = api.send("GET", "/api/v1/admin/videos/" + video + "/events?limit=" + limit,
                    admin, null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            trace[0] = answer.json();
            assertThat(trace[0].path("events").findValuesAsText("status")).doesNotContain("pending");
        });
        return trace[0];
    }

    private static List<String> types(JsonNode trace) {
        return trace.path("events").findValuesAsText("type");
    }

    private static JsonNode event(JsonNode trace, String type) {
        return StreamSupport.stream(trace.path("events").spliterator(), false)
                .filter(event -> event.path("type").asText().equals(type)).findFirst().orElseThrow();
    }

    private static JsonNode applied(JsonNode event, String group) {
        return StreamSupport.stream(event.path("applied").spliterator(), false)
                .filter(applied -> applied.path("projection").asText().equals(group)).findFirst().orElseThrow();
    }
}
