package io.vidlog.query.search;

import io.vidlog.api.search.Feed;
import io.vidlog.api.search.FetchFeedQuery;
import io.vidlog.api.search.FetchSearchResultsQuery;
import io.vidlog.api.search.FetchSuggestionsQuery;
import io.vidlog.api.search.SearchResults;
import io.vidlog.api.search.Suggestions;
import io.vidlog.projection.metadata.VideoMetadataReadModel;
import io.vidlog.projection.search.FeedReadModel;
import io.vidlog.projection.search.SearchReadModel;
import io.vidlog.projection.search.SearchSettings;
import io.vidlog.projection.taste.TasteReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Discovery from the {@code search} index. A signed-in viewer's feed is steered by their taste scores (Redis) and
 * leaves out what they disliked or finished ({@code video-metadata}); an anonymous one gets popular and fresh videos.
 */
@Component
class SearchQueryHandler {

    private final SearchReadModel search;
    private final FeedReadModel feeds;
    private final TasteReadModel tastes;
    private final VideoMetadataReadModel videos;
    private final SearchSettings settings;

    SearchQueryHandler(SearchReadModel search, FeedReadModel feeds, TasteReadModel tastes,
                       VideoMetadataReadModel videos, SearchSettings settings) {
        this.search = search;
        this.feeds = feeds;
        this.tastes = tastes;
        this.videos = videos;
        this.settings = settings;
    }

    @QueryHandler
    SearchResults handle(FetchSearchResultsQuery query) {
        return search.search(query.text(), query.type(), query.tags(), query.page());
    }

    @QueryHandler
    Suggestions handle(FetchSuggestionsQuery query) {
        return search.suggest(query.prefix(), query.size());
    }

    @QueryHandler
    Feed handle(FetchFeedQuery query) {
        if (query.userId() == null) {
            return feeds.feed(List.of(), List.of(), query.page());
        }
        SearchSettings.Feed feed = settings.feed();
        return feeds.feed(tastes.topTags(query.userId(), feed.topTags()),
                videos.dislikedOrCompleted(query.userId(), feed.skippedLimit()), query.page());
    }
}
