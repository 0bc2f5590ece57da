package io.vidlog.api.search;

import io.vidlog.api.query.PageRequest;

/** A viewer's feed; {@code userId} is null for an anonymous visitor, who gets popular and fresh videos. */
public record FetchFeedQuery(String userId, PageRequest page) {
}
