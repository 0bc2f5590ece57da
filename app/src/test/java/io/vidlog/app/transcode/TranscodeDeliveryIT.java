package io.vidlog.app.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidlog.api.transcode.Rendition;
import io.vidlog.api.transcode.TranscodeResultMessage;
import io.vidlog.api.transcode.TranscodeTopics;
import io.vidlog.app.ApiClient;
import io.vidlog.app.Tokens;
import io.vidlog.app.VidlogIntegrationTest;
import io.vidlog.localstack.LocalStack;
import io.vidlog.mediaworker.process.ProcessRunner;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At-least-once delivery between the saga and the media worker: a worker that dies mid-transcode leaves its request
 * to be delivered again, and a result delivered twice (or one of an attempt that is over) publishes nothing more.
 * A Kafka outage delays a request but loses none: the event store is the outbox. Each video must be published
 * exactly once; the tests count the stored events.
 */
@VidlogIntegrationTest
class TranscodeDeliveryIT {

    private static final String RESULTS_GROUP = "vidlog-transcode-results";

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
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    ProcessRunner mediaWorkerProcessRunner;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    KafkaAdmin kafkaAdmin;
    @TempDir
    Path dir;

    private Uploads uploads;
    private Sagas sagas;
    private Clips clips;
    private String creator;

    @BeforeEach
    void setUp() {
        ApiClient api = new ApiClient(port);
        Tokens tokens = new Tokens(secret);
        String run = UUID.randomUUID().toString().substring(0, 8);
        creator = tokens.valid("creator-" + run, "USER", "CREATOR");
        uploads = new Uploads(api);
        sagas = new Sagas(api, creator, tokens.valid("admin-" + run, "USER", "ADMIN"), jdbc);
        clips = new Clips(ffmpeg, ffprobe, dir);
    }

    @Test
    void aWorkerThatDiesMidTranscodeLeavesTheRequestToBeDeliveredAgainAndTheVideoIsPublishedOnce() {
        String videoId = uploads.upload(creator, "Interrupted", "HORIZONTAL", clips.clip("interrupted", 1280, 720, 20,
                true), "video/mp4");
        String attemptId = await().atMost(Sagas.TRANSCODE_TIME).pollInterval(Duration.ofMillis(50))
                .until(() -> sagas.currentAttempt(videoId).filter(FfmpegProcesses::running).orElse(null),
                        attempt -> attempt != null);

        MessageListenerContainer worker = listeners.getListenerContainer("media-worker-requests");
        mediaWorkerProcessRunner.stop();
        worker.stop();
        assertThat(FfmpegProcesses.running(attemptId)).isFalse();
        mediaWorkerProcessRunner.start();
        worker.start();

        sagas.awaitStatus(videoId, "READY");
        JsonNode timeline = sagas.timeline(videoId);
        assertThat(timeline.path("run").path("attempt").asInt()).as("the same attempt, not a retry").isEqualTo(1);
        assertThat(Sagas.steps(timeline)).containsExactly("UPLOADED", "REQUESTED", "SUCCEEDED", "PUBLISHED");
        assertThat(sagas.storedEvents(videoId, "VideoPublishedEvent")).isEqualTo(1);
    }

    @Test
    void anUploadCompletedWhileKafkaIsDownIsTranscodedOnceKafkaIsBack() throws Exception {
        Path clip = clips.clip("outage", 640, 360, 3, true);
        String videoId = uploads.createVideo(creator, "Kafka outage", "HORIZONTAL");
        JsonNode plan = uploads.start(creator, videoId, clip, "video/mp4");
        List<String> parts = uploads.putParts(plan, clip);

        try (LocalStack.Outage kafkaDown = LocalStack.outage("kafka")) {
            assertThat(uploads.complete(creator, videoId, plan, parts).status()).isEqualTo(202);
            await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .until(() -> sagas.storedEvents(videoId, "TranscodeRequestedEvent") == 1);
            assertThat(sagas.storedEvents(videoId, "TranscodeSucceededEvent")).isZero();
        }

        sagas.awaitStatus(videoId, "READY");
        assertThat(sagas.storedEvents(videoId, "VideoPublishedEvent")).isEqualTo(1);
        assertThat(sagas.timeline(videoId).path("run").path("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void aDuplicatedResultAndOneOfAnOldAttemptPublishNothingMore() throws Exception {
        String videoId = uploads.upload(creator, "Duplicated", "HORIZONTAL", clips.clip("duplicated", 640, 360, 3,
                true), "video/mp4");
        sagas.awaitStatus(videoId, "READY");
        String attemptId = sagas.currentAttempt(videoId).orElseThrow();
        String prefix = "videos/" + videoId + "/hls/";

        RecordMetadata duplicate = send(TranscodeResultMessage.succeeded(videoId, attemptId, 3.0,
                prefix + attemptId + "/master.m3u8", prefix + attemptId + "/poster.jpg",
                List.of(new Rendition("360p", 640, 360, 984_000))));
        String oldAttempt = UUID.randomUUID().toString();
        RecordMetadata stale = send(TranscodeResultMessage.succeeded(videoId, oldAttempt, 3.0,
                prefix + oldAttempt + "/master.m3u8", prefix + oldAttempt + "/poster.jpg", List.of()));
        awaitConsumed(duplicate);
        awaitConsumed(stale);

        assertThat(sagas.storedEvents(videoId, "VideoPublishedEvent")).isEqualTo(1);
        assertThat(sagas.storedEvents(videoId, "TranscodeSucceededEvent")).isEqualTo(1);
        assertThat(Sagas.steps(sagas.timeline(videoId))).containsExactly("UPLOADED", "REQUESTED", "SUCCEEDED",
                "PUBLISHED");
    }

    private RecordMetadata send(TranscodeResultMessage result) throws Exception {
        return kafka.send(TranscodeTopics.RESULTS, result.videoId(), new ObjectMapper().writeValueAsString(result))
                .get().getRecordMetadata();
    }

    /** The saga's result listener committed past {@code record}: it handled it. */
    private void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(RESULTS_GROUP)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }
}
