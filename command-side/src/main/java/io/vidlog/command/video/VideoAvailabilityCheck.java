package io.vidlog.command.video;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers, for commands about other aggregates, whether a video may be engaged with. */
@Component
public class VideoAvailabilityCheck {

    private final VideoAvailabilityRepository videos;

    VideoAvailabilityCheck(VideoAvailabilityRepository videos) {
        this.videos = videos;
    }

    /**
     * The READY video's duration in seconds.
     *
     * @throws VideoUnavailableException when the video does not exist, was deleted or is not READY
     */
    @Transactional(readOnly = true)
    public int requireReady(String videoId) {
        VideoAvailability video = videos.findById(videoId)
                .orElseThrow(() -> new VideoUnavailableException(videoId, VideoUnavailableException.Reason.NOT_FOUND));
        return switch (video.status()) {
            case READY -> video.durationSeconds();
            case DELETED -> throw new VideoUnavailableException(videoId, VideoUnavailableException.Reason.DELETED);
            default -> throw new VideoUnavailableException(videoId, VideoUnavailableException.Reason.NOT_READY);
        };
    }
}
