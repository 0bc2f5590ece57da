package io.vidlog.projection.metadata;

import io.vidlog.api.transcode.TranscodeRequestedEvent;
import io.vidlog.api.transcode.VideoTranscodingFailedEvent;
import io.vidlog.api.upload.VideoUploadAbortedEvent;
import io.vidlog.api.upload.VideoUploadStartedEvent;
import io.vidlog.api.upload.VideoUploadedEvent;
import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoDeletedEvent;
import io.vidlog.api.video.VideoPublishedEvent;
import io.vidlog.api.video.VideoStatus;

import java.util.Map;
import java.util.Optional;

/** A video's status as the Video aggregate's events set it, for the read model and for its drift check alike. */
final class VideoLifecycle {

    private static final Map<Class<?>, VideoStatus> STATUS_AFTER = Map.of(
            VideoCreatedEvent.class, VideoStatus.DRAFT,
            VideoUploadStartedEvent.class, VideoStatus.UPLOADING,
            VideoUploadAbortedEvent.class, VideoStatus.DRAFT,
            VideoUploadedEvent.class, VideoStatus.UPLOADED,
            TranscodeRequestedEvent.class, VideoStatus.TRANSCODING,
            VideoPublishedEvent.class, VideoStatus.READY,
            VideoTranscodingFailedEvent.class, VideoStatus.FAILED,
            VideoDeletedEvent.class, VideoStatus.DELETED);

    /** The status {@code event} moves a video to, if it is a lifecycle event. */
    static Optional<VideoStatus> statusAfter(Object event) {
        return Optional.ofNullable(STATUS_AFTER.get(event.getClass()));
    }

    /**
     * A READY video being transcoded again, or whose re-transcode failed, stays READY with its current media; a
     * deleted one stays deleted.
     */
    static VideoStatus next(VideoStatus current, VideoStatus next) {
        boolean keepsReady = current == VideoStatus.READY
                && (next == VideoStatus.TRANSCODING || next == VideoStatus.FAILED);
        return current == VideoStatus.DELETED || keepsReady ? current : next;
    }

    private VideoLifecycle() {
    }
}
