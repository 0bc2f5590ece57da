package io.vidlog.query.ranking;

import io.vidlog.api.ranking.BookmarkRanking;
import io.vidlog.api.ranking.FetchBookmarkRankingQuery;
import io.vidlog.projection.metadata.VideoMetadataReadModel;
import io.vidlog.projection.ranking.RankingReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The bookmark ranking from Redis, with titles from {@code video-metadata}. The ranking holds only READY videos;
 * a video the metadata no longer knows as READY (deleted a moment ago, its ranking not yet updated) is left out.
 */
@Component
class RankingQueryHandler {

    private final RankingReadModel rankings;
    private final VideoMetadataReadModel videos;

    RankingQueryHandler(RankingReadModel rankings, VideoMetadataReadModel videos) {
        this.rankings = rankings;
        this.videos = videos;
    }

    @QueryHandler
    BookmarkRanking handle(FetchBookmarkRankingQuery query) {
        List<RankingReadModel.Entry> top = rankings.mostBookmarked(query.limit());
        Map<String, String> titles = videos.readyTitles(top.stream().map(RankingReadModel.Entry::videoId).toList());
        return new BookmarkRanking(top.stream()
                .filter(entry -> titles.containsKey(entry.videoId()))
                .map(entry -> new BookmarkRanking.Item(entry.videoId(), titles.get(entry.videoId()),
                        (long) entry.score()))
                .toList());
    }
}
