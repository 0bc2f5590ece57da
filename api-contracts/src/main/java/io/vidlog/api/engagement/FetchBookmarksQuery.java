package io.vidlog.api.engagement;

import io.vidlog.api.query.PageRequest;

/** A viewer's bookmarked videos, newest first; answered with a {@link BookmarkPage}. */
public record FetchBookmarksQuery(String userId, PageRequest page) {
}
