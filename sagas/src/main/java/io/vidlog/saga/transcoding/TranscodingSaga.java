package io.vidlog.saga.transcoding;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.vidlog.api.transcode.FailTranscodeCommand;
import io.vidlog.api.transcode.MarkVideoFailedCommand;
import io.vidlog.api.transcode.RequestTranscodeCommand;
import io.vidlog.api.transcode.TranscodeFailedEvent;
import io.vidlog.api.transcode.TranscodeSucceededEvent;
import io.vidlog.api.transcode.VideoRetranscodeRequestedEvent;
import io.vidlog.api.transcode.VideoTranscodingFailedEvent;
import io.vidlog.api.upload.VideoUploadedEvent;
import io.vidlog.api.video.PublishVideoCommand;
import io.vidlog.api.video.VideoDeletedEvent;
import io.vidlog.api.video.VideoPublishedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

/**
 * One run of transcoding for a video: from the uploaded source (or an admin's re-transcode) to a published video or
 * a FAILED one. Each attempt has its own id and deadline; the media worker's results reach the saga as events of the
 * Video aggregate, which drops results of attempts that are not current. A failed attempt is retried with backoff
 * while retryable, up to {@link TranscodingSettings#maxAttempts()}; an attempt without result by its deadline counts
 * as failed. Either way exactly one outcome is acted on per attempt, so a duplicate or late result changes nothing.
 */
@Saga
@ProcessingGroup(TranscodingSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class TranscodingSaga {

    public static final String PROCESSING_GROUP = "transcoding-saga";
    static final String ATTEMPT_DEADLINE = "transcode-attempt-deadline";
    static final String RETRY_DEADLINE = "transcode-retry";

    private static final Logger log = LoggerFactory.getLogger(TranscodingSaga.class);

    @Autowired
    @JsonIgnore
    private transient CommandGateway commands;
    @Autowired
    @JsonIgnore
    private transient DeadlineManager deadlines;
    @Autowired
    @JsonIgnore
    private transient TranscodingSettings settings;
    @Autowired
    @JsonIgnore
    private transient AttemptSource attempts;

    private String videoId;
    private long sourceSizeBytes;
    private int attempt;
    private String attemptId;
    private boolean attemptOpen;

    @StartSaga
    @SagaEventHandler(associationProperty = "videoId")
    void on(VideoUploadedEvent event) {
        begin(event.videoId(), event.sizeBytes());
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "videoId")
    void on(VideoRetranscodeRequestedEvent event) {
        begin(event.videoId(), event.sourceSizeBytes());
    }

    private void begin(String videoId, long sourceSizeBytes) {
        this.videoId = videoId;
        this.sourceSizeBytes = sourceSizeBytes;
        requestAttempt(1);
    }

    /** The deadline is scheduled before the request goes out: an attempt that never starts still times out. */
    private void requestAttempt(int number) {
        attempt = number;
        attemptId = attempts.newAttemptId();
        attemptOpen = true;
        Duration timeout = settings.attemptTimeout(sourceSizeBytes);
        Instant deadline = attempts.now().plus(timeout);
        deadlines.schedule(timeout, ATTEMPT_DEADLINE, attemptId);
        log.info("Video {}: transcode attempt {} ({}) requested, deadline in {}", videoId, number, attemptId, timeout);
        send(new RequestTranscodeCommand(videoId, attemptId, number, deadline), "its deadline will retry it");
    }

    @SagaEventHandler(associationProperty = "videoId")
    void on(TranscodeSucceededEvent event) {
        if (!isCurrent(event.attemptId())) {
            return;
        }
        attemptOpen = false;
        deadlines.cancelAllWithinScope(ATTEMPT_DEADLINE);
        int durationSeconds = (int) Math.max(1, Math.round(event.durationSeconds()));
        send(new PublishVideoCommand(videoId, durationSeconds, event.manifestKey(), event.posterKey()),
                "an admin can transcode it again");
    }

    @SagaEventHandler(associationProperty = "videoId")
    void on(TranscodeFailedEvent event) {
        attemptFailed(event.attemptId(), event.reason(), event.retryable());
    }

    @DeadlineHandler(deadlineName = ATTEMPT_DEADLINE)
    void attemptTimedOut(String timedOutAttemptId) {
        if (!isCurrent(timedOutAttemptId)) {
            return;
        }
        String reason = "no result before the attempt's deadline ("
                + settings.attemptTimeout(sourceSizeBytes).toSeconds() + " s)";
        send(new FailTranscodeCommand(videoId, timedOutAttemptId, reason, true), "the saga moves on regardless");
        attemptFailed(timedOutAttemptId, reason, true);
    }

    private void attemptFailed(String failedAttemptId, String reason, boolean retryable) {
        if (!isCurrent(failedAttemptId)) {
            return;
        }
        attemptOpen = false;
        deadlines.cancelAllWithinScope(ATTEMPT_DEADLINE);
        if (retryable && attempt < settings.maxAttempts()) {
            Duration backoff = settings.backoffBefore(attempt + 1);
            log.warn("Video {}: attempt {} failed ({}); attempt {} in {}", videoId, attempt, reason, attempt + 1,
                    backoff);
            deadlines.schedule(backoff, RETRY_DEADLINE);
        } else {
            log.warn("Video {}: attempt {} failed ({}); giving up", videoId, attempt, reason);
            send(new MarkVideoFailedCommand(videoId, reason), "an admin can transcode it again");
        }
    }

    @DeadlineHandler(deadlineName = RETRY_DEADLINE)
    void retry() {
        requestAttempt(attempt + 1);
    }

    /** Commands go out asynchronously; a refusal is logged with what happens next, never lost silently. */
    private void send(Object command, String consequence) {
        commands.send(command).exceptionally(refused -> {
            log.warn("Video {}: {} was refused ({}); {}", videoId, command.getClass().getSimpleName(),
                    refused.getMessage(), consequence);
            return null;
        });
    }

    private boolean isCurrent(String reportedAttemptId) {
        return attemptOpen && reportedAttemptId.equals(attemptId);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "videoId")
    void on(VideoPublishedEvent event) {
        cancelDeadlines();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "videoId")
    void on(VideoTranscodingFailedEvent event) {
        cancelDeadlines();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "videoId")
    void on(VideoDeletedEvent event) {
        cancelDeadlines();
    }

    private void cancelDeadlines() {
        deadlines.cancelAllWithinScope(ATTEMPT_DEADLINE);
        deadlines.cancelAllWithinScope(RETRY_DEADLINE);
    }
}
