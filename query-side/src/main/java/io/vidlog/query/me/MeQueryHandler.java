package io.vidlog.query.me;

import io.vidlog.api.engagement.BookmarkPage;
import io.vidlog.api.engagement.FetchBookmarksQuery;
import io.vidlog.api.taste.FetchPreferencesQuery;
import io.vidlog.api.taste.Preferences;
import io.vidlog.api.watch.FetchWatchHistoryQuery;
import io.vidlog.api.watch.HistoryPage;
import io.vidlog.projection.metadata.VideoMetadataReadModel;
import io.vidlog.projection.taste.TasteReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** The signed-in viewer's own lists and taste scores. */
@Component
class MeQueryHandler {

    private final VideoMetadataReadModel videos;
    private final TasteReadModel tastes;

    MeQueryHandler(VideoMetadataReadModel videos, TasteReadModel tastes) {
        this.videos = videos;
        this.tastes = tastes;
    }

    @QueryHandler
    BookmarkPage handle(FetchBookmarksQuery query) {
        return videos.bookmarks(query.userId(), query.page());
    }

    @QueryHandler
    HistoryPage handle(FetchWatchHistoryQuery query) {
        return videos.history(query.userId(), query.page());
    }

    @QueryHandler
    Preferences handle(FetchPreferencesQuery query) {
        return new Preferences(tastes.topTags(query.userId(), query.limit()));
    }
}
