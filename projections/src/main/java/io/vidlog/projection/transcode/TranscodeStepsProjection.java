package io.vidlog.projection.transcode;

import io.vidlog.api.transcode.TranscodeFailedEvent;
import io.vidlog.api.transcode.TranscodeRunStatus;
import io.vidlog.api.transcode.TranscodeProgressedEvent;
import io.vidlog.api.transcode.TranscodeRequestedEvent;
import io.vidlog.api.transcode.TranscodeSucceededEvent;
import io.vidlog.api.transcode.VideoRetranscodeRequestedEvent;
import io.vidlog.api.transcode.VideoTranscodingFailedEvent;
import io.vidlog.api.upload.VideoUploadedEvent;
import io.vidlog.api.video.VideoPublishedEvent;
import io.vidlog.projection.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The transcoding saga's runs and steps ({@code transcode_run}, {@code transcode_step}) for the admin API and the
 * dashboard. Every write is keyed or guarded by the event's sequence in its video's stream, so redelivered events
 * change nothing; progress moves only forward and updates its attempt's step instead of adding one per report.
 */
@Component
@ProcessingGroup(ProcessingGroups.TRANSCODE_STEPS)
class TranscodeStepsProjection {

    private final JdbcTemplate jdbc;

    TranscodeStepsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VideoUploadedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        startRun(event.videoId(), sequence, TranscodeStep.UPLOADED, event.sizeBytes() + " bytes", at);
    }

    @EventHandler
    void on(VideoRetranscodeRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        startRun(event.videoId(), sequence, TranscodeStep.RETRANSCODE_REQUESTED, "by " + event.requestedBy(), at);
    }

    @EventHandler
    void on(TranscodeRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        step(event.videoId(), sequence, TranscodeStep.REQUESTED, event.attempt(), event.attemptId(), 0,
                "deadline " + event.deadline(), at);
        updateRun(event.videoId(), TranscodeRunStatus.RUNNING, event.attempt(), 0, null, at);
    }

    @EventHandler
    void on(TranscodeProgressedEvent event, @Timestamp Instant at) {
        attemptProgress(event.videoId(), event.attemptId(), event.percent(), at);
        jdbc.update("update transcode_run set progress = greatest(progress, ?), updated_at = ? where video_id = ?",
                event.percent(), sql(at), event.videoId());
    }

    @EventHandler
    void on(TranscodeSucceededEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        attemptProgress(event.videoId(), event.attemptId(), 100, at);
        step(event.videoId(), sequence, TranscodeStep.SUCCEEDED, event.attempt(), event.attemptId(), 100,
                event.renditions().size() + " renditions, " + event.durationSeconds() + " s", at);
        updateRun(event.videoId(), TranscodeRunStatus.RUNNING, event.attempt(), 100, null, at);
    }

    @EventHandler
    void on(TranscodeFailedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        step(event.videoId(), sequence, TranscodeStep.FAILED, event.attempt(), event.attemptId(), null,
                event.reason() + (event.retryable() ? "" : " (not retryable)"), at);
        updateRun(event.videoId(), TranscodeRunStatus.RUNNING, event.attempt(), null, event.reason(), at);
    }

    @EventHandler
    void on(VideoPublishedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.manifestKey() == null) {
            return;
        }
        step(event.videoId(), sequence, TranscodeStep.PUBLISHED, null, null, null, event.manifestKey(), at);
        updateRun(event.videoId(), TranscodeRunStatus.COMPLETED, null, null, null, at);
    }

    @EventHandler
    void on(VideoTranscodingFailedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        step(event.videoId(), sequence, TranscodeStep.GAVE_UP, null, null, null, event.reason(), at);
        updateRun(event.videoId(), TranscodeRunStatus.FAILED, null, null, event.reason(), at);
    }

    /** The REQUESTED step of an attempt shows how far it got: reported progress, 100 once it succeeded. */
    private void attemptProgress(String videoId, String attemptId, int percent, Instant at) {
        jdbc.update("""
                update transcode_step set progress = greatest(progress, ?), updated_at = ?
                where video_id = ? and attempt_id = ? and step = 'REQUESTED'""",
                percent, sql(at), videoId, attemptId);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table transcode_run, transcode_step");
    }

    private void startRun(String videoId, long sequence, TranscodeStep step, String detail, Instant at) {
        step(videoId, sequence, step, null, null, null, detail, at);
        jdbc.update("""
                insert into transcode_run (video_id, status, attempt, progress, started_at, updated_at)
                values (?, 'RUNNING', 0, 0, ?, ?)
                on conflict (video_id) do update set status = 'RUNNING', attempt = 0, progress = 0, last_error = null,
                    started_at = excluded.started_at, updated_at = excluded.updated_at
                where transcode_run.started_at < excluded.started_at""",
                videoId, sql(at), sql(at));
    }

    private void step(String videoId, long sequence, TranscodeStep step, Integer attempt, String attemptId,
                      Integer progress, String detail, Instant at) {
        jdbc.update("""
                insert into transcode_step (video_id, sequence, step, attempt, attempt_id, progress, detail, at,
                    updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                videoId, sequence, step.name(), attempt, attemptId, progress, detail, sql(at),
                sql(at));
    }

    /** {@code null} arguments keep the stored value; a run's error stays until a new run starts. */
    private void updateRun(String videoId, TranscodeRunStatus status, Integer attempt, Integer progress, String error,
                           Instant at) {
        jdbc.update("""
                update transcode_run set status = ?, attempt = coalesce(?, attempt), progress = coalesce(?, progress),
                    last_error = coalesce(?, last_error), updated_at = ?
                where video_id = ? and updated_at <= ?""",
                status.name(), attempt, progress, error, sql(at), videoId, sql(at));
    }

    private static java.sql.Timestamp sql(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
