package io.vidlog.query.video;

import io.vidlog.api.video.FetchVideoQuery;
import io.vidlog.api.video.VideoStatus;
import io.vidlog.api.video.VideoView;
import io.vidlog.projection.metadata.VideoMetadataReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers {@link FetchVideoQuery} from the {@code video-metadata} read model. A deleted video is never shown; one
 * that is not READY only to its owner and to admins; to anyone else both do not exist.
 */
@Component
class VideoQueryHandler {

    private final VideoMetadataReadModel videos;

    VideoQueryHandler(VideoMetadataReadModel videos) {
        this.videos = videos;
    }

    @QueryHandler
    Optional<VideoView> handle(FetchVideoQuery query) {
        return videos.find(query.videoId())
                .filter(video -> isVisible(video, query))
                .map(video -> query.viewerId() == null ? video : withMe(video, query.viewerId()));
    }

    private static boolean isVisible(VideoView video, FetchVideoQuery query) {
        return switch (video.status()) {
            case DELETED -> false;
            case READY -> true;
            default -> query.admin() || video.ownerId().equals(query.viewerId());
        };
    }

    private VideoView withMe(VideoView video, String viewerId) {
        return new VideoView(video.videoId(), video.title(), video.description(), video.tags(), video.videoType(),
                video.status(), video.ownerId(), video.durationSeconds(), video.publishedAt(), video.counts(),
                videos.viewerState(viewerId, video.videoId()));
    }
}
