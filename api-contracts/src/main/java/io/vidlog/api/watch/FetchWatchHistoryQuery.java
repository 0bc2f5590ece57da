package io.vidlog.api.watch;

import io.vidlog.api.query.PageRequest;

/** The videos a viewer watched, most recently watched first; answered with a {@link HistoryPage}. */
public record FetchWatchHistoryQuery(String userId, PageRequest page) {
}
