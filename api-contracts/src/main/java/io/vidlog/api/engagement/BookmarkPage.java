package io.vidlog.api.engagement;

import java.util.List;

/** One page of a viewer's bookmarks ({@code page} zero-based; {@code total} over all pages). */
public record BookmarkPage(List<BookmarkItem> items, int page, int size, long total) {
}
