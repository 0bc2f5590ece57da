package io.vidlog.saga.transcoding;

import io.vidlog.api.transcode.FailTranscodeCommand;
import io.vidlog.api.transcode.MarkVideoFailedCommand;
import io.vidlog.api.transcode.Rendition;
import io.vidlog.api.transcode.RequestTranscodeCommand;
import io.vidlog.api.transcode.TranscodeFailedEvent;
import io.vidlog.api.transcode.TranscodeRequestedEvent;
import io.vidlog.api.transcode.TranscodeSucceededEvent;
import io.vidlog.api.transcode.VideoRetranscodeRequestedEvent;
import io.vidlog.api.transcode.VideoTranscodingFailedEvent;
import io.vidlog.api.upload.VideoUploadedEvent;
import io.vidlog.api.video.PublishVideoCommand;
import io.vidlog.api.video.VideoDeletedEvent;
import io.vidlog.api.video.VideoPublishedEvent;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

class TranscodingSagaTest {

    private static final String VIDEO = "video-1";
    private static final String SOURCE = "videos/video-1/source";
    private static final long SIZE = 50_000_000;
    private static final TranscodingSettings SETTINGS = new TranscodingSettings(3, Duration.ofSeconds(10),
            Duration.ofMinutes(5), Duration.ofMinutes(15));
    private static final Duration TIMEOUT = SETTINGS.attemptTimeout(SIZE);
    private static final VideoUploadedEvent UPLOADED = new VideoUploadedEvent(VIDEO, "creator-1", "up-1", SOURCE,
            "video/mp4", SIZE);
    private static final List<Rendition> LADDER = List.of(new Rendition("720p", 1280, 720, 3_000_000));

    private SagaTestFixture<TranscodingSaga> fixture;

    /** Attempt ids "attempt-1", "attempt-2"… and the fixture's own clock. */
    private final class PredictableAttempts extends AttemptSource {

        private final AtomicInteger issued = new AtomicInteger();

        PredictableAttempts() {
            fixture = new SagaTestFixture<>(TranscodingSaga.class);
            fixture.registerResource(SETTINGS);
            fixture.registerResource(this);
        }

        @Override
        public String newAttemptId() {
            return "attempt-" + issued.incrementAndGet();
        }

        @Override
        public Instant now() {
            return fixture.currentTime();
        }
    }

    /** A fresh saga fixture, numbering attempts from 1 again: one per scenario. */
    private SagaTestFixture<TranscodingSaga> newFixture() {
        new PredictableAttempts();
        return fixture;
    }

    @BeforeEach
    void setUp() {
        newFixture();
    }

    private RequestTranscodeCommand request(int attempt, Instant at) {
        return new RequestTranscodeCommand(VIDEO, "attempt-" + attempt, attempt, at.plus(TIMEOUT));
    }

    private static TranscodeRequestedEvent requested(int attempt) {
        return new TranscodeRequestedEvent(VIDEO, "attempt-" + attempt, attempt, SOURCE, SIZE,
                "videos/video-1/hls/attempt-" + attempt + "/", Instant.EPOCH);
    }

    private static TranscodeFailedEvent failed(int attempt, String reason, boolean retryable) {
        return new TranscodeFailedEvent(VIDEO, "attempt-" + attempt, attempt, reason, retryable);
    }

    private static TranscodeSucceededEvent succeeded(int attempt) {
        return new TranscodeSucceededEvent(VIDEO, "attempt-" + attempt, attempt, 29.6,
                "videos/video-1/hls/attempt-" + attempt + "/master.m3u8",
                "videos/video-1/hls/attempt-" + attempt + "/poster.jpg", LADDER);
    }

    @Test
    void anUploadedVideoGetsAFirstAttemptWithADeadlineScaledBySize() throws Exception {
        Instant now = fixture.currentTime();
        fixture.givenNoPriorActivity()
                .whenPublishingA(UPLOADED)
                .expectActiveSagas(1)
                .expectDispatchedCommands(request(1, now))
                .expectScheduledDeadlineWithName(TIMEOUT, TranscodingSaga.ATTEMPT_DEADLINE);
    }

    @Test
    void aSucceededAttemptPublishesTheVideoWithItsRoundedDurationAndTheSagaEnds() throws Exception {
        fixture.givenAPublished(UPLOADED)
                .andThenAPublished(requested(1))
                .whenPublishingA(succeeded(1))
                .expectDispatchedCommands(new PublishVideoCommand(VIDEO, 30,
                        "videos/video-1/hls/attempt-1/master.m3u8", "videos/video-1/hls/attempt-1/poster.jpg"))
                .expectNoScheduledDeadlines();
        newFixture().givenAPublished(UPLOADED)
                .andThenAPublished(succeeded(1))
                .whenPublishingA(new VideoPublishedEvent(VIDEO, "creator-1", 30,
                        "videos/video-1/hls/attempt-1/master.m3u8", "videos/video-1/hls/attempt-1/poster.jpg"))
                .expectActiveSagas(0);
    }

    @Test
    void aRetryableFailureIsRetriedAfterTheBackoff() throws Exception {
        fixture.givenAPublished(UPLOADED)
                .whenPublishingA(failed(1, "ffmpeg exited with code 137", true))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), TranscodingSaga.RETRY_DEADLINE)
                .expectNoScheduledDeadlineWithName(TIMEOUT, TranscodingSaga.ATTEMPT_DEADLINE);
        SagaTestFixture<TranscodingSaga> later = newFixture();
        Instant retryAt = later.currentTime().plusSeconds(10);
        later.givenAPublished(UPLOADED)
                .andThenAPublished(failed(1, "ffmpeg exited with code 137", true))
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectTriggeredDeadlinesWithName(TranscodingSaga.RETRY_DEADLINE)
                .expectDispatchedCommands(request(2, retryAt));
    }

    @Test
    void theBackoffDoublesAndTheThirdFailureMarksTheVideoFailedWithItsReason() throws Exception {
        fixture.givenAPublished(UPLOADED)
                .andThenAPublished(failed(1, "ffmpeg exited with code 1", true))
                .andThenTimeElapses(Duration.ofSeconds(10))
                .andThenAPublished(failed(2, "ffmpeg exited with code 1", true))
                .andThenTimeElapses(Duration.ofSeconds(20))
                .whenPublishingA(failed(3, "ffmpeg exited with code 1", true))
                .expectDispatchedCommands(new MarkVideoFailedCommand(VIDEO, "ffmpeg exited with code 1"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSourceThatIsNotAVideoFailsWithoutRetry() throws Exception {
        fixture.givenAPublished(UPLOADED)
                .whenPublishingA(failed(1, "not a video", false))
                .expectDispatchedCommands(new MarkVideoFailedCommand(VIDEO, "not a video"))
                .expectNoScheduledDeadlines();
        newFixture().givenAPublished(UPLOADED)
                .andThenAPublished(failed(1, "not a video", false))
                .whenPublishingA(new VideoTranscodingFailedEvent(VIDEO, "creator-1", "not a video"))
                .expectActiveSagas(0);
    }

    @Test
    void anAttemptWithoutResultByItsDeadlineFailsAndIsRetried() throws Exception {
        String reason = "no result before the attempt's deadline (" + TIMEOUT.toSeconds() + " s)";
        fixture.givenAPublished(UPLOADED)
                .whenTimeElapses(TIMEOUT)
                .expectTriggeredDeadlinesWithName(TranscodingSaga.ATTEMPT_DEADLINE)
                .expectDispatchedCommands(new FailTranscodeCommand(VIDEO, "attempt-1", reason, true))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), TranscodingSaga.RETRY_DEADLINE);
    }

    @Test
    void theFailureEventOfATimedOutAttemptDoesNotCountTwice() throws Exception {
        String reason = "no result before the attempt's deadline (" + TIMEOUT.toSeconds() + " s)";
        fixture.givenAPublished(UPLOADED)
                .andThenTimeElapses(TIMEOUT)
                .whenPublishingA(failed(1, reason, true))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), TranscodingSaga.RETRY_DEADLINE);
    }

    @Test
    void aDuplicateResultOrOneOfAnOldAttemptChangesNothing() throws Exception {
        fixture.givenAPublished(UPLOADED)
                .andThenAPublished(succeeded(1))
                .whenPublishingA(succeeded(1))
                .expectNoDispatchedCommands();
        newFixture().givenAPublished(UPLOADED)
                .andThenAPublished(failed(1, "ffmpeg exited with code 1", true))
                .andThenTimeElapses(Duration.ofSeconds(10))
                .whenPublishingA(succeeded(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
        newFixture().givenAPublished(UPLOADED)
                .andThenAPublished(succeeded(1))
                .whenPublishingA(failed(1, "deadline passed", true))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aReTranscodeStartsAFreshRunAtAttemptOne() throws Exception {
        Instant now = fixture.currentTime();
        fixture.givenAPublished(UPLOADED)
                .andThenAPublished(failed(1, "not a video", false))
                .andThenAPublished(new VideoTranscodingFailedEvent(VIDEO, "creator-1", "not a video"))
                .whenPublishingA(new VideoRetranscodeRequestedEvent(VIDEO, SOURCE, SIZE, "admin-1"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RequestTranscodeCommand(VIDEO, "attempt-2", 1, now.plus(TIMEOUT)));
    }

    @Test
    void deletingTheVideoEndsTheSagaAndItsDeadlines() throws Exception {
        fixture.givenAPublished(UPLOADED)
                .whenPublishingA(new VideoDeletedEvent(VIDEO, "creator-1"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
