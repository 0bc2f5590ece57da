package io.vidlog.query.playback;

import io.vidlog.api.video.FetchVideoMediaQuery;
import io.vidlog.api.video.VideoMedia;
import io.vidlog.projection.metadata.VideoMetadataReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers {@link FetchVideoMediaQuery} from the {@code video-metadata} read model. */
@Component
class PlaybackQueryHandler {

    private final VideoMetadataReadModel videos;

    PlaybackQueryHandler(VideoMetadataReadModel videos) {
        this.videos = videos;
    }

    @QueryHandler
    Optional<VideoMedia> handle(FetchVideoMediaQuery query) {
        return videos.media(query.videoId());
    }
}
