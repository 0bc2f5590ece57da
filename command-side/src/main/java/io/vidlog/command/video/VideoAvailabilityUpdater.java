package io.vidlog.command.video;

import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoDeletedEvent;
import io.vidlog.api.video.VideoPublishedEvent;
import io.vidlog.api.video.VideoStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link VideoAvailability} in step with the Video aggregate. Its processing group is a subscribing processor
 * (see application.yml), so it runs inside the command's transaction: a video published is immediately
 * reactable, a video deleted immediately is not, on this node also in {@link VideoAvailabilityCheck}'s cache.
 */
@Component
@ProcessingGroup(VideoAvailabilityUpdater.PROCESSING_GROUP)
class VideoAvailabilityUpdater {

    static final String PROCESSING_GROUP = "command-video-availability";

    private final VideoAvailabilityRepository videos;
    private final VideoAvailabilityCheck check;

    VideoAvailabilityUpdater(VideoAvailabilityRepository videos, VideoAvailabilityCheck check) {
        this.videos = videos;
        this.check = check;
    }

    @EventHandler
    void on(VideoCreatedEvent event) {
        videos.save(new VideoAvailability(event.videoId(), VideoStatus.DRAFT));
    }

    @EventHandler
    void on(VideoPublishedEvent event) {
        videos.findById(event.videoId()).ifPresent(video -> video.publish(event.durationSeconds()));
    }

    @EventHandler
    void on(VideoDeletedEvent event) {
        videos.findById(event.videoId()).ifPresent(VideoAvailability::delete);
        check.deleting(event.videoId());
    }
}
