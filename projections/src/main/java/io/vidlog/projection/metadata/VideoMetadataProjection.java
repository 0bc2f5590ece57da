package io.vidlog.projection.metadata;

import io.vidlog.api.engagement.VideoBookmarkRemovedEvent;
import io.vidlog.api.engagement.VideoBookmarkedEvent;
import io.vidlog.api.engagement.VideoReactionChangedEvent;
import io.vidlog.api.transcode.TranscodeRequestedEvent;
import io.vidlog.api.transcode.VideoTranscodingFailedEvent;
import io.vidlog.api.upload.VideoUploadAbortedEvent;
import io.vidlog.api.upload.VideoUploadStartedEvent;
import io.vidlog.api.upload.VideoUploadedEvent;
import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoDeletedEvent;
import io.vidlog.api.video.VideoEditedEvent;
import io.vidlog.api.video.VideoPublishedEvent;
import io.vidlog.api.video.VideoStatus;
import io.vidlog.api.watch.VideoCompletedEvent;
import io.vidlog.api.watch.VideoViewStartedEvent;
import io.vidlog.api.watch.WatchProgressRecordedEvent;
import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.support.EventBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Builds the {@code video_metadata} rows with their counts and each viewer's reaction, bookmarks and watch history.
 * Handlers record into the batch ({@link VideoMetadataBatch}); its writes share the transaction of the processor's
 * token. Times are the events' own, so a replay reproduces them.
 */
@Component
@ProcessingGroup(ProcessingGroups.VIDEO_METADATA)
class VideoMetadataProjection {

    private final JdbcTemplate jdbc;

    VideoMetadataProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VideoCreatedEvent event, @Timestamp Instant at) {
        batch().created(event, at);
    }

    @EventHandler
    void on(VideoEditedEvent event) {
        batch().video(event.videoId()).edited(event.title(), event.description(), event.tags());
    }

    @EventHandler
    void on(VideoPublishedEvent event, @Timestamp Instant at) {
        batch().video(event.videoId()).published(event.durationSeconds(), at, event.manifestKey(), event.posterKey());
    }

    @EventHandler
    void on(VideoUploadStartedEvent event) {
        batch().video(event.videoId()).statusChanged(VideoStatus.UPLOADING);
    }

    @EventHandler
    void on(VideoUploadAbortedEvent event) {
        batch().video(event.videoId()).statusChanged(VideoStatus.DRAFT);
    }

    @EventHandler
    void on(VideoUploadedEvent event) {
        batch().video(event.videoId()).statusChanged(VideoStatus.UPLOADED);
    }

    @EventHandler
    void on(TranscodeRequestedEvent event) {
        batch().video(event.videoId()).statusChanged(VideoStatus.TRANSCODING);
    }

    @EventHandler
    void on(VideoTranscodingFailedEvent event) {
        batch().video(event.videoId()).statusChanged(VideoStatus.FAILED);
    }

    @EventHandler
    void on(VideoDeletedEvent event) {
        batch().video(event.videoId()).deleted();
    }

    @EventHandler
    void on(VideoReactionChangedEvent event) {
        batch().reactionChanged(event.userId(), event.videoId(), event.from(), event.to());
    }

    @EventHandler
    void on(VideoBookmarkedEvent event, @Timestamp Instant at) {
        batch().bookmarked(event.userId(), event.videoId(), at);
    }

    @EventHandler
    void on(VideoBookmarkRemovedEvent event) {
        batch().bookmarkRemoved(event.userId(), event.videoId());
    }

    @EventHandler
    void on(VideoViewStartedEvent event) {
        batch().viewStarted(event.videoId());
    }

    @EventHandler
    void on(WatchProgressRecordedEvent event, @Timestamp Instant at) {
        batch().progressRecorded(event.userId(), event.videoId(), event.session(), event.positionSeconds(),
                event.watchedSecondsAdded(), at);
    }

    @EventHandler
    void on(VideoCompletedEvent event) {
        batch().completed(event.userId(), event.videoId(), event.session());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table video_metadata, video_reaction, video_bookmark, watch_history");
    }

    private VideoMetadataBatch batch() {
        return EventBatch.current(VideoMetadataBatch.class, () -> new VideoMetadataBatch(jdbc));
    }
}
