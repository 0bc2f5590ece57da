package io.vidlog.api.ranking;

/** The most bookmarked READY videos, highest first; answered with {@link BookmarkRanking}. */
public record FetchBookmarkRankingQuery(int limit) {

    public static final int MAX_LIMIT = 100;
}
