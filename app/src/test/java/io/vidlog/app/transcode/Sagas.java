package io.vidlog.app.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import io.vidlog.app.ApiClient;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What transcoding tests look at: a video's status, its saga's timeline (admin API) and its stored events. */
public final class Sagas {

    public static final Duration TRANSCODE_TIME = Duration.ofMinutes(3);

    private final ApiClient api;
    private final String owner;
    private final String admin;
    private final JdbcTemplate jdbc;

    public Sagas(ApiClient api, String owner, String admin, JdbcTemplate jdbc) {
        this.api = api;
        this.owner = owner;
        this.admin = admin;
        this.jdbc = jdbc;
    }

    /** Waits until the video has {@code status}; the saga's timeline explains a failure. */
    public JsonNode awaitStatus(String videoId, String status) {
        JsonNode[] video = new JsonNode[1];
        await().atMost(TRANSCODE_TIME).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ApiClient.Response response = api.send("GET", "/api/v1/videos/" + videoId, owner, null);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            video[0] = response.json();
            assertThat(video[0].path("status").asText()).as(videoId + " " + timelineText(videoId)).isEqualTo(status);
        });
        return video[0];
    }

    JsonNode timeline(String videoId) {
        ApiClient.Response saga = api.send("GET", "/api/v1/admin/sagas/" + videoId, admin, null);
        assertThat(saga.status()).as(saga.body()).isEqualTo(200);
        return saga.json();
    }

    private String timelineText(String videoId) {
        return api.send("GET", "/api/v1/admin/sagas/" + videoId, admin, null).body();
    }

    static List<String> steps(JsonNode timeline) {
        return StreamSupport.stream(timeline.path("steps").spliterator(), false)
                .map(step -> step.path("step").asText()).toList();
    }

    /** The attempt the saga's timeline shows as requested last, if any. */
    Optional<String> currentAttempt(String videoId) {
        ApiClient.Response saga = api.send("GET", "/api/v1/admin/sagas/" + videoId, admin, null);
        if (saga.status() != 200) {
            return Optional.empty();
        }
        String attempt = null;
        for (JsonNode step : saga.json().path("steps")) {
            if (step.path("step").asText().equals("REQUESTED")) {
                attempt = step.path("attemptId").asText();
            }
        }
        return Optional.ofNullable(attempt);
    }

    /** How many events of {@code eventType} (simple name) the video's stream holds. */
    int storedEvents(String videoId, String eventType) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type like ?""", Integer.class, videoId, "%." + eventType);
    }
}
