package io.vidlog.api.watch;

import java.util.List;

/** One page of a viewer's watch history ({@code page} zero-based; {@code total} over all pages). */
public record HistoryPage(List<HistoryItem> items, int page, int size, long total) {
}
